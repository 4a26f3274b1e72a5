"""A server process renders one report at a time; a second is told to retry at once (503 and
Retry-After) instead of holding a thread a client's check-in may need."""

import pytest
from django.urls import reverse

from alliance.web.reports import slots


def test_a_report_while_another_renders_is_told_to_retry_and_its_slot_comes_back(
    login, theo, make_client
):
    client = make_client(theo, code="C-SLOT", sessions=2)
    browser = login(theo)
    url = reverse("client-report", args=[client.code])
    assert slots._slots.acquire(blocking=False)  # another report is rendering
    try:
        busy = browser.get(url)
    finally:
        slots._slots.release()
    assert busy.status_code == 503
    assert busy["Retry-After"] == str(slots.RETRY_AFTER_SECONDS)
    assert "try again in 5 seconds" in busy.content.decode()
    assert browser.get(url).status_code == 200
    assert browser.get(reverse("caseload")).status_code == 200


def test_the_slot_is_given_back_when_a_report_fails():
    def failing(request):
        raise RuntimeError("render failed")

    guarded = slots.one_report_at_a_time(failing)
    for _ in range(2):
        with pytest.raises(RuntimeError):
            guarded(None)
    assert slots._slots.acquire(blocking=False)
    slots._slots.release()


def test_a_check_in_is_answered_while_a_report_holds_the_slot(client, checkin_token):
    assert slots._slots.acquire(blocking=False)
    try:
        page = client.get(f"/c/{checkin_token}/")
    finally:
        slots._slots.release()
    assert page.status_code == 200
