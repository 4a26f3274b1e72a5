"""The clinic admin on a desktop and on a phone: the overview is their start page, and the
settings and delivery forms save a change and name a bad value beside its field, at 320 px too."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.browser
def test_on_a_desktop(desktop, log_in, ada, theo, clinic, screenshots):
    _read_and_change(desktop, log_in, ada, clinic, screenshots, "")
    _change_delivery(desktop, clinic, screenshots, "")


@pytest.mark.browser
def test_on_a_phone(phone, log_in, ada, theo, clinic, screenshots):
    _read_and_change(phone, log_in, ada, clinic, screenshots, "-phone-320")
    _change_delivery(phone, clinic, screenshots, "-phone-320")


def _read_and_change(page, log_in, ada, clinic, screenshots, suffix: str) -> None:
    from alliance.web.clinic.models import ClinicSettings

    log_in(page, ada)
    expect(page.get_by_text("Clients in care")).to_be_visible()
    expect(page.get_by_role("row", name="theo Therapist")).to_be_visible()
    page.screenshot(path=screenshots / f"clinic-overview{suffix}.png", full_page=True)
    assert page.evaluate(OVERFLOW) <= 0
    page.get_by_role("link", name="Change the settings").click()
    page.get_by_label("Generalised Anxiety Disorder scale, 7 items").fill("4")
    page.get_by_label("Task agreement line").fill("11")
    page.get_by_role("button", name="Save the settings").click()
    expect(page.get_by_role("alert").filter(has_text="from 0 to 10")).to_be_visible()
    page.screenshot(path=screenshots / f"clinic-settings-error{suffix}.png", full_page=True)
    assert page.evaluate(OVERFLOW) <= 0
    page.get_by_label("Task agreement line").fill("6")
    page.get_by_role("button", name="Save the settings").click()
    expect(page.get_by_text("The clinic's settings are saved.")).to_be_visible()
    saved = ClinicSettings.objects.get(clinic=clinic)
    assert saved.schedule["gad-7"] == 4 and saved.task_agreement_line == 6


def _change_delivery(page, clinic, screenshots, suffix: str) -> None:
    from alliance.web.delivery.models import DeliverySettings

    page.get_by_role("link", name="Change when and how check-ins are sent").click()
    page.get_by_label("A fixed number of hours after the session is recorded").check()
    page.get_by_role("spinbutton", name="Hours after the session").fill("")
    page.get_by_role("button", name="Save the delivery settings").click()
    expect(page.get_by_role("alert").filter(has_text="say how many hours")).to_be_visible()
    page.screenshot(path=screenshots / f"clinic-delivery-error{suffix}.png", full_page=True)
    assert page.evaluate(OVERFLOW) <= 0
    page.get_by_role("spinbutton", name="Hours after the session").fill("3")
    page.get_by_role("button", name="Save the delivery settings").click()
    expect(page.get_by_text("Check-ins go out 3 hours after each attended session")).to_be_visible()
    saved = DeliverySettings.objects.get(clinic=clinic)
    assert (saved.send_when, saved.send_after_hours) == ("after", 3)
