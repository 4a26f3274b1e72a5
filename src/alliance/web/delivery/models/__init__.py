"""Delivery's tables: contact details apart from the record, sends, settings, kiosk, notices."""

from .contacts import Contact, Preference
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
    "KioskAttempt",
    "KioskCode",
    "KioskDevice",
    "Preference",
    "SendWhen",
    "Status",
    "UrgentNotice",
]
