"""Password reset links by email: asked for at the login, or sent by an admin instead."""

from __future__ import annotations

from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _


class NoEmail(Exception):
    """The staff member has no email address to send the link to."""


def reset_url(request, user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return request.build_absolute_uri(reverse("password_reset_confirm", args=[uid, token]))


def send_reset(request, user, *, welcome: bool = False) -> None:
    """Email the user a one-use link to set their own password."""
    if not user.email:
        raise NoEmail(f"{user.username} has no email address")
    context = {"user": user, "url": reset_url(request, user), "welcome": welcome}
    subject = _("Set your alliance password") if welcome else _("Reset your alliance password")
    body = render_to_string("accounts/reset_email.txt", context)
    send_mail(subject, body, None, [user.email])
