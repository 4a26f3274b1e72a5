"""The check-in asks in one order on every database, whatever order the schedule's keys are in."""

from __future__ import annotations

from django.urls import reverse

from alliance.web.checkin.links import create_link
from alliance.web.clinic.models import ClinicSettings

# PostgreSQL's jsonb would keep these keys shortest first: gad-7, phq-9, goal-progress, ...
SCHEDULE = {"gad-7": 1, "phq-9": 1, "goal-progress": 1, "alliance-checkin": 1, "wai-sr": 2}
ASKED = ["alliance-checkin__1", "goal-progress__", "phq-9__1", "gad-7__1", "wai-sr__1"]


def _first_places(page: str, names: list[str]) -> list[int]:
    return [page.index(f'name="{name}') for name in names]


def test_the_check_in_asks_alliance_goals_outcome_then_the_rest(client, clinic, theo, theos_client):
    ClinicSettings.objects.update_or_create(clinic=clinic, defaults={"schedule": SCHEDULE})
    _, token = create_link(theos_client.sessions.get(number=1), by=theo)
    page = client.get(reverse("checkin", args=[token])).content.decode()
    places = _first_places(page, ASKED)
    assert places == sorted(places)


def test_the_clinics_own_outcome_comes_before_the_other_outcome(client, clinic, theo, theos_client):
    schedule = {"phq-9": 1, "gad-7": 1, "alliance-checkin": 1}
    ClinicSettings.objects.update_or_create(
        clinic=clinic, defaults={"schedule": schedule, "outcome_instrument": "gad-7"}
    )
    _, token = create_link(theos_client.sessions.get(number=1), by=theo)
    page = client.get(reverse("checkin", args=[token])).content.decode()
    places = _first_places(page, ["alliance-checkin__1", "gad-7__1", "phq-9__1"])
    assert places == sorted(places)


def test_the_overview_lists_the_schedule_in_the_same_order(login, ada, clinic):
    ClinicSettings.objects.update_or_create(clinic=clinic, defaults={"schedule": SCHEDULE})
    page = login(ada).get(reverse("clinic-overview")).content.decode()
    page = page.split('id="settings"')[1]  # after the banner, which names instruments too
    titles = ["Alliance check-in (client)", "Goal progress", "Patient Health", "Generalised"]
    places = [page.index(title) for title in titles]
    assert places == sorted(places)
