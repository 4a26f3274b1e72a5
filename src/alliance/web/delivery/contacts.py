"""Checking and storing a client's contact details: a field error, or all of it stored."""

from __future__ import annotations

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from .models import Contact, Preference


def normalise_email(value: str) -> str:
    value = (value or "").strip()
    if value:
        try:
            validate_email(value)
        except ValidationError:
            raise ValidationError({"email": "not an email address"}) from None
    return value


def normalise_mobile(value: str) -> str:
    """The number in E.164 (+447400123456), or a field error naming the problem."""
    value = (value or "").strip()
    if not value:
        return ""
    region = settings.PHONE_REGION or None
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        hint = "" if region else " (start with + and the country code)"
        raise ValidationError({"mobile": f"not a phone number{hint}"}) from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError({"mobile": "not a valid phone number"})
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def checked_preference(delivery: str, email: str, mobile: str) -> str:
    if delivery not in Preference.values:
        choices = ", ".join(Preference.values)
        raise ValidationError({"delivery": f"use one of {choices}, not {delivery!r}"})
    if delivery == Preference.EMAIL and not email:
        raise ValidationError({"delivery": "sending by email needs an email address"})
    if delivery == Preference.SMS and not mobile:
        raise ValidationError({"delivery": "sending by SMS needs a mobile number"})
    return delivery


def stored_contact(client) -> Contact:
    """The client's contact row, unsaved and empty when there is none."""
    found = Contact.objects.filter(client=client).first()
    return found or Contact(client=client)
