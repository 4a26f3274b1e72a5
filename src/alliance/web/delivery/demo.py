"""Delivery in the demo clinic: a few of Theo's clients reachable by (synthetic) email or SMS, a
kiosk login, and one check-in sent at once, so the outbox shows what would go out."""

from __future__ import annotations

from django.utils import timezone

from alliance.web.accounts.models import User
from alliance.web.clinic.models import Client
from alliance.web.clinic.record import add_session

from .models import KioskDevice
from .services import set_contact

KIOSK_LOGIN = "kiosk"
REACHABLE = 3  # clients of Theo's given a contact


def seed_demo_delivery(clinic, therapist: User, password: str) -> None:
    clients = list(
        Client.objects.filter(therapist=therapist, episodes__ended__isnull=True)
        .distinct()
        .order_by("code")[:REACHABLE]
    )
    for number, client in enumerate(clients):
        if number == REACHABLE - 1:
            set_contact(client, mobile="+447400123456", delivery="sms", actor=therapist)
        else:
            address = f"{client.code.lower()}@example.org"
            set_contact(client, email=address, delivery="email", actor=therapist)
    if clients:  # recording a session sends its check-in (the worker writes it to the outbox)
        add_session(clients[0], date=timezone.localdate(), by=therapist)
    kiosk = User.objects.create_user(username=KIOSK_LOGIN, password=password, clinic=clinic)
    KioskDevice.objects.create(user=kiosk, name="Waiting room tablet")
