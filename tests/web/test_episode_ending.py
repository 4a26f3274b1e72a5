"""Ending an episode asks once more, can be undone, and leaves the client's page and alerts."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.formats import date_format

from alliance.web.clinic.models import Alert, Severity

ENDING = {"ended": "2026-03-01", "ending": "completed"}
ENDED_SHOWN = dt.date(2026, 3, 1)  # shown in the language's own date format


def _end(page, client, **extra):
    return page.post(reverse("end-episode", args=[client.code]), {**ENDING, **extra})


def test_the_first_press_asks_for_confirmation_and_ends_nothing(login, theo, theos_client):
    answer = _end(login(theo), theos_client)
    html = answer.content.decode()
    assert answer.status_code == 200
    assert "End the episode of care for C-THEO1?" in html
    assert date_format(ENDED_SHOWN) in html and "Completed" in html
    assert 'name="confirm" value="yes"' in html
    assert theos_client.episodes.get().ended is None
    assert not theos_client.audit_events.filter(action="episode-ended").exists()


def test_confirming_ends_the_episode_and_says_how_to_undo_it(login, theo, theos_client):
    answer = _end(login(theo), theos_client, confirm="yes")
    assert answer.status_code == 302
    page = login(theo).get(answer.url)
    shown = [str(message) for message in page.context["messages"]]
    assert shown and "Reopen the episode" in shown[0]
    assert theos_client.episodes.get().ending == "completed"
    html = page.content.decode()
    assert f"The episode ended on {date_format(ENDED_SHOWN)} (Completed)" in html
    assert "Reopen the episode" in html


def test_a_bad_date_is_named_on_the_confirmation_page_and_nothing_ends(login, theo, theos_client):
    answer = _end(login(theo), theos_client, ended="31/31/2026", confirm="yes")
    html = answer.content.decode()
    assert answer.status_code == 400
    assert "Last day of care: Enter a valid date." in html
    assert theos_client.episodes.get().ended is None


def test_reopening_puts_the_client_back_on_the_caseload(login, theo, theos_client):
    page = login(theo)
    _end(page, theos_client, confirm="yes")
    answer = page.post(reverse("reopen-episode", args=[theos_client.code]), follow=True)
    episode = theos_client.episodes.get()
    assert (episode.ended, episode.ending) == (None, "")
    assert "C-THEO1" in page.get(reverse("caseload")).content.decode()
    assert "End this episode" in answer.content.decode()
    assert theos_client.audit_events.filter(action="episode-reopened").exists()


def test_reopening_an_open_episode_changes_nothing_and_says_so(login, theo, theos_client):
    answer = login(theo).post(reverse("reopen-episode", args=[theos_client.code]), follow=True)
    shown = [str(message) for message in answer.context["messages"]]
    assert shown == ["This client's episode is already open."]
    assert not theos_client.audit_events.filter(action="episode-reopened").exists()


def test_only_the_clients_own_therapist_reopens(login, theo, sam, theos_client):
    _end(login(theo), theos_client, confirm="yes")
    answer = login(sam).post(reverse("reopen-episode", args=[theos_client.code]))
    assert answer.status_code == 404
    assert theos_client.episodes.get().ended is not None


def test_an_ended_clients_page_shows_their_open_alerts_to_close(login, theo, theos_client):
    warning = Alert.objects.create(
        client=theos_client, kind="alliance-drop", severity=Severity.WARNING, message="Bond fell"
    )
    urgent = Alert.objects.create(
        client=theos_client,
        kind="risk-self-harm",
        severity=Severity.URGENT,
        message="Self-harm answer",
    )
    page = login(theo)
    _end(page, theos_client, confirm="yes")
    html = page.get(reverse("client", args=[theos_client.code])).content.decode()
    assert "Bond fell" in html and "Self-harm answer" in html
    for alert in (warning, urgent):
        assert reverse("acknowledge-alert", args=[alert.pk]) in html
        page.post(reverse("acknowledge-alert", args=[alert.pk]))
    assert not Alert.objects.open().filter(client=theos_client).exists()
