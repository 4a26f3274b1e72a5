"""Where delivery hooks into the record: a recorded session schedules its check-in, a cancelled
or missed one cancels it; a kiosk account's login marks its browser session as a kiosk."""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_save

from alliance.web.clinic.models import Attendance, Session

KIOSK_SESSION_KEY = "alliance-kiosk-device"


def connect() -> None:
    post_save.connect(session_saved, sender=Session, dispatch_uid="delivery-session-saved")
    user_logged_in.connect(kiosk_logged_in, dispatch_uid="delivery-kiosk-login")


def session_saved(sender, instance: Session, created: bool, raw: bool = False, **kwargs) -> None:
    from . import sending
    from .models import Contact, Preference

    if raw:
        return
    if instance.attendance != Attendance.ATTENDED:
        sending.cancel(instance, f"the session was marked {instance.get_attendance_display()}")
        return
    contact = Contact.objects.filter(client_id=instance.client_id).first()
    if created and contact is not None and contact.delivery != Preference.NONE:
        sending.schedule(instance, contact.delivery)


def kiosk_logged_in(sender, request, user, **kwargs) -> None:
    from .models import KioskDevice

    device = KioskDevice.objects.filter(user=user).first()
    if request is not None and hasattr(request, "session"):
        if device is None:
            request.session.pop(KIOSK_SESSION_KEY, None)
        else:
            request.session[KIOSK_SESSION_KEY] = device.pk
