"""SMS through the provider's HTTP API, replaced by a loopback stub of that API."""

import datetime as dt

import pytest

from alliance.web.clinic.record import add_session
from alliance.web.delivery.models import Delivery, Status

pytestmark = pytest.mark.django_db(transaction=True)
MOBILE = "+447400123456"


def test_a_client_who_chose_sms_gets_the_link_by_text(reachable, theo, sms_provider, worker):
    _record_session(reachable, theo)
    worker.run_due()
    [request] = sms_provider.requests
    assert request["path"] == "/2010-04-01/Accounts/AC-test/Messages.json"
    assert request["form"]["To"] == [MOBILE] and request["form"]["From"] == ["+15005550006"]
    assert request["auth"].startswith("Basic ")
    assert "Test clinic" in sms_provider.bodies()[0] and "/c/" in sms_provider.bodies()[0]
    assert Delivery.objects.get().status == Status.SENT


def test_a_refusal_keeps_the_providers_code_and_never_the_number(
    reachable, theo, sms_provider, worker
):
    sms_provider.answer = (400, {"code": 21211, "message": f"The 'To' number {MOBILE} is invalid"})
    add_session(
        reachable(email="", mobile=MOBILE, delivery="sms"), date=dt.date(2026, 3, 2), by=theo
    )
    worker.run_due()
    delivery = Delivery.objects.get()
    assert delivery.status == Status.FAILED
    assert delivery.reason == "SMS provider refused the message (error 21211)"


def test_a_provider_outage_is_retried(reachable, theo, sms_provider, worker):
    sms_provider.answer = (503, {"code": 20503, "message": "unavailable"})
    add_session(
        reachable(email="", mobile=MOBILE, delivery="sms"), date=dt.date(2026, 3, 2), by=theo
    )
    worker.run_due()
    delivery = Delivery.objects.get()
    assert delivery.status == Status.SCHEDULED and delivery.reason.startswith("retrying")
    assert worker.waiting() != []


def test_without_a_provider_texts_go_to_the_outbox(reachable, theo, worker, settings, tmp_path):
    settings.SMS_BACKEND, settings.OUTBOX_DIR = "outbox", tmp_path
    add_session(
        reachable(email="", mobile=MOBILE, delivery="sms"), date=dt.date(2026, 3, 2), by=theo
    )
    worker.run_due()
    [written] = tmp_path.glob("sms-*.txt")
    assert written.read_text().startswith(f"To: {MOBILE}") and "/c/" in written.read_text()


def _record_session(reachable, theo):
    client = reachable(email="", mobile=MOBILE, delivery="sms")
    return add_session(client, date=dt.date(2026, 3, 2), by=theo)
