"""The thank-you page shows the client their own goal progress and outcome over time in plain
words, only when their therapist (or, by default, the clinic) chose it, only to the browser that
sent the answers, and never the alliance ratings."""

from __future__ import annotations

import re

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from alliance.web.checkin.links import create_link
from alliance.web.clinic.models import ClinicSettings
from tests.web.checkin_helpers import checkin_data

HEADING = "Your progress so far"


def _send(client, number: int, *, progress: int, mood: int, browser=None):
    """Answer session `number` as the client: every goal at `progress`, PHQ-9 items 1-8 at
    `mood`, the alliance items at 7; returns the browser and the thank-you page."""
    browser = browser or HttpClient()
    _, token = create_link(client.sessions.get(number=number), by=client.therapist)
    data = checkin_data(client, rating=7)
    data |= {f"goal-progress__{goal.pk}": str(progress) for goal in client.goals.all()}
    data |= {f"phq-9__{n}": str(mood) for n in range(1, 9)}
    page = browser.post(reverse("checkin", args=[token]), data, follow=True)
    assert page.redirect_chain[-1][0].endswith("/thanks/")
    return browser, page.content.decode(), token


def _progress_lines(html: str) -> list[str]:
    section = re.search(r'<section class="own-progress".*?</section>', html, re.DOTALL)
    return re.findall(r"<li>(.*?)</li>", section.group()) if section else []


def _choose(login, therapist, client, shown: str):
    page = login(therapist).post(reverse("progress-view", args=[client.code]), {"shown": shown})
    assert page.status_code == 302


@pytest.fixture
def three_sessions(make_client, theo):
    return make_client(theo, code="C-PROG1", sessions=3)


def test_by_default_the_thanks_shows_no_progress(three_sessions):
    _, html, _ = _send(three_sessions, 1, progress=3, mood=2)
    assert "Thank you" in html and HEADING not in html and _progress_lines(html) == []


def test_when_the_therapist_chooses_it_the_client_reads_their_progress(login, theo, three_sessions):
    _choose(login, theo, three_sessions, "yes")
    browser, _, _ = _send(three_sessions, 1, progress=3, mood=2)
    _send(three_sessions, 2, progress=4, mood=2, browser=browser)
    _, html, _ = _send(three_sessions, 3, progress=6, mood=1, browser=browser)
    assert HEADING in html
    assert _progress_lines(html) == [
        "Your progress on &quot;Sleep better&quot;: 3, 4, 6 of 10.",
        "How you have been (PHQ-9, from 0 to 27, lower is better): 16, 16, 8.",
    ]


def test_the_alliance_ratings_are_never_shown(login, theo, three_sessions):
    _choose(login, theo, three_sessions, "yes")
    _, html, _ = _send(three_sessions, 1, progress=3, mood=2)
    # every alliance item was rated 7: no line but the goal's and the outcome's, and no 7 but
    # the outcome's top of 27
    lines = _progress_lines(html)
    assert len(lines) == 2 and lines[0].startswith("Your progress on") and "PHQ-9" in lines[1]
    shown = " ".join(lines).lower().replace("27", "")
    assert "alliance" not in shown and "session" not in shown and "7" not in shown


def test_the_clinic_default_on_shows_it_and_the_therapist_may_turn_it_off(
    login, theo, three_sessions
):
    settings = ClinicSettings.for_clinic(three_sessions.clinic_id)
    settings.clients_see_their_progress = True
    settings.save()
    _, html, _ = _send(three_sessions, 1, progress=5, mood=0)
    assert _progress_lines(html)[0] == "Your progress on &quot;Sleep better&quot;: 5 of 10."
    _choose(login, theo, three_sessions, "no")
    three_sessions.refresh_from_db()
    assert three_sessions.sees_own_progress is False
    _, html, _ = _send(three_sessions, 2, progress=6, mood=0)
    assert HEADING not in html
    _choose(login, theo, three_sessions, "clinic")
    three_sessions.refresh_from_db()
    assert three_sessions.sees_own_progress is None


def test_a_copied_thank_you_link_shows_no_progress(login, theo, three_sessions):
    _choose(login, theo, three_sessions, "yes")
    _, html, token = _send(three_sessions, 1, progress=3, mood=2)
    assert _progress_lines(html)
    other = HttpClient().get(reverse("checkin-thanks", args=[token]))
    assert other.status_code == 200 and HEADING not in other.content.decode()


def test_the_choice_is_audited_and_shown_on_the_client_page(login, theo, three_sessions):
    _choose(login, theo, three_sessions, "yes")
    assert three_sessions.audit_events.filter(action="progress-view-changed").exists()
    html = login(theo).get(reverse("client", args=[three_sessions.code])).content.decode()
    assert '<option value="yes" selected>Yes, for this client</option>' in html
    assert "The clinic's setting is off" in html and "Now: shown." in html


def test_a_bad_choice_is_refused_with_the_field_named(login, theo, three_sessions):
    page = login(theo).post(
        reverse("progress-view", args=[three_sessions.code]), {"shown": "maybe"}, follow=True
    )
    assert "show the client their own goal progress and outcome: Choose the clinic" in (
        page.content.decode().replace("&#x27;", "'")
    )
    three_sessions.refresh_from_db()
    assert three_sessions.sees_own_progress is None


def test_the_clinic_admin_sets_the_default_in_the_settings_form(login, ada, clinic):
    from alliance.web.clinicadmin.forms import ClinicSettingsForm

    form = ClinicSettingsForm(instance=ClinicSettings.for_clinic(clinic.pk))
    assert "clients_see_their_progress" in form.fields
    page = login(ada).get(reverse("clinic-settings"))
    assert 'name="clients_see_their_progress"' in page.content.decode()
