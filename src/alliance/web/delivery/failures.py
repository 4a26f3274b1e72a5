"""Keep what failed in the background where the clinic's staff see it: a task that gave up after
its retries (the `gave_up` signal) and a check-in send that failed (with its reason)."""

from __future__ import annotations

import re

from alliance.web.clinic.models import Client

from .models import Delivery, Failure, FailureKind

# an error's text may quote an address or a number; the page shows neither
_ADDRESS = re.compile(r"[^\s@<>()\[\]]+@[^\s@<>()\[\]]+")
_NUMBER = re.compile(r"\+?\d[\d ().-]{6,}\d")


def blank_addresses(text: str) -> str:
    return _NUMBER.sub("[number]", _ADDRESS.sub("[address]", text))


def task_gave_up(sender, *, task: str, about: dict, error: Exception, **kwargs) -> None:
    """Receiver of `gave_up`: one Failure for the task's client (or clinic)."""
    client = None
    if client_id := about.get("client_id"):
        client = Client.objects.filter(pk=client_id).only("pk", "code", "clinic_id").first()
    clinic_id = client.clinic_id if client else about.get("clinic_id")
    if clinic_id is None:
        return  # a task of no clinic: the log says it all
    Failure.objects.create(
        clinic_id=clinic_id,
        client=client,
        client_code=client.code if client else "",
        kind=FailureKind.TASK,
        what=task[:120],
        reason=blank_addresses(f"{type(error).__name__}: {error}")[:200],
    )


def send_failed(delivery: Delivery) -> None:
    """One Failure for a delivery that ended failed; its reason is the project's own words."""
    client = delivery.session.client
    Failure.objects.create(
        clinic_id=client.clinic_id,
        client=client,
        client_code=client.code,
        kind=FailureKind.SEND,
        what=f"session {delivery.session.number} by {delivery.get_channel_display().lower()}",
        reason=blank_addresses(delivery.reason)[:200],
    )
