"""A therapist whose browser asks for Spanish reads a Spanish alert, on a desktop and on a
320 px phone, on the caseload and on the client page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from alliance.web.clinic.models import Client
from tests.web.outcome_helpers import alliance, phq
from tests.web.summary_helpers import store_and_follow_up

OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# how far an element reaches past the window's right edge, its own overflow included
PAST_THE_EDGE = """element => {
    const box = element.getBoundingClientRect();
    return Math.max(box.right, box.left + element.scrollWidth)
        - document.documentElement.clientWidth;
}"""
SELF_HARM = "El cliente indicó pensamientos de hacerse daño (ítem 9 por encima de 0)."
WHAT_TO_DO = "Contacte hoy con el cliente y siga el protocolo de riesgo de la clínica."
FELT_OFF = "El cliente dijo que algo no le encajaba entre ustedes."


@pytest.fixture
def client_at_risk(theos_client) -> Client:
    """Theo's client answered that they think of self-harm and that something felt off."""
    answers = {"alliance-checkin": alliance(8) | {"8": 2}, "phq-9": phq(6) | {"9": 2}}
    store_and_follow_up(theos_client.sessions.get(), answers)
    return theos_client


def _read_in_spanish(page: Page, client: Client) -> None:
    page.set_extra_http_headers({"Accept-Language": "es"})
    page.goto("/caseload/")
    urgent = page.get_by_role("alert", name="Urgente")
    expect(urgent).to_contain_text(SELF_HARM)
    expect(urgent).to_contain_text(WHAT_TO_DO)
    expect(page.get_by_text("The client reported thoughts of self-harm")).to_have_count(0)
    assert urgent.evaluate(PAST_THE_EDGE) <= 0
    assert page.evaluate(OVERFLOW) <= 0, "the Spanish caseload scrolls sideways"
    page.goto(f"/clients/{client.code}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(client.code)
    expect(page.get_by_role("region", name="Alertas abiertas")).to_contain_text(FELT_OFF)
    expect(page.get_by_text("something felt off between you")).to_have_count(0)
    assert page.evaluate(OVERFLOW) <= 0


@pytest.mark.browser
@pytest.mark.parametrize(
    ("screen", "picture"),
    [("desktop", "alert-in-spanish.png"), ("phone", "alert-in-spanish-phone-320.png")],
)
def test_a_spanish_therapist_reads_the_alert_in_spanish(
    request, live_server, screen, picture, theo, client_at_risk, log_in, screenshots
):
    page = request.getfixturevalue(screen)
    log_in(page, theo)
    _read_in_spanish(page, client_at_risk)
    page.screenshot(path=screenshots / picture, full_page=True)
