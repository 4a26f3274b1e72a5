"""Delivery's tables: contact details apart from the record, sends, settings, kiosk, notices,
failures."""

from .contacts import Contact, Preference
from .failures import Failure, FailureKind
from .kiosk import KioskAttempt, KioskCode, KioskDevice
from .notices import DigestChoice, UrgentNotice
from .sends import Channel, Delivery, Status
from .settings import DeliverySettings, SendWhen

__all__ = [
    "Channel",
    "Contact",
    "Delivery",
    "DeliverySettings",
    "DigestChoice",
    "Failure",
    "FailureKind",
    "KioskAttempt",
    "KioskCode",
    "KioskDevice",
    "Preference",
    "SendWhen",
    "Status",
    "UrgentNotice",
]
