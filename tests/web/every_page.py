"""A client of Theo's with something behind every kind of page, and every URL of the app for it;
and the kiosk account's pages."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from alliance.web.clinic.models import Alert, Client, Rupture, Severity, Task


@dataclass(frozen=True)
class Page:
    name: str
    url: str
    method: str = "get"


def make_full_record(make_client, theo) -> Client:
    """Theo's client C-FULL1: two sessions, a goal, a task, a rupture, an open alert and a goal
    the client proposed."""
    from alliance.web.goals.models import GoalProposal

    client = make_client(theo, code="C-FULL1", sessions=2)
    Task.objects.create(client=client, description="Walk each morning")
    Rupture.objects.create(
        client=client, onset_session=2, lowest_session=2, last_session=2, rule="v-episode"
    )
    Alert.objects.create(
        client=client, kind="alliance-drop", severity=Severity.WARNING, message="m"
    )
    GoalProposal.objects.create(client=client, session=client.sessions.get(number=1), text="Rest")
    return client


def client_pages(client: Client) -> list[Page]:
    """Every page and action about one client, as the URL map lists them."""
    code = client.code
    goal, task = client.goals.get(), client.tasks.get()
    rupture, alert = client.ruptures.get(), client.alerts.get()
    proposal = client.goal_proposals.get()
    return [
        Page("client", reverse("client", args=[code])),
        Page("client-report", reverse("client-report", args=[code])),
        Page("client-report-pdf", reverse("client-report-pdf", args=[code])),
        Page("rupture", reverse("rupture", args=[code, rupture.pk])),
        Page("goal-new", reverse("goal-new", args=[code])),
        Page("goal-edit", reverse("goal-edit", args=[code, goal.pk])),
        Page("task-new", reverse("task-new", args=[code])),
        Page("task-edit", reverse("task-edit", args=[code, task.pk])),
        Page("therapist-form", reverse("therapist-form", args=[code, 1])),
        Page("new-link", reverse("new-link", args=[code, 2]), "post"),
        Page("new-session", reverse("new-session", args=[code]), "post"),
        Page("end-episode", reverse("end-episode", args=[code]), "post"),
        Page("reopen-episode", reverse("reopen-episode", args=[code]), "post"),
        Page("rupture-record", reverse("rupture", args=[code, rupture.pk]), "post"),
        Page("snooze-alert", reverse("snooze-alert", args=[alert.pk]), "post"),
        Page("acknowledge-alert", reverse("acknowledge-alert", args=[alert.pk]), "post"),
        Page("progress-view", reverse("progress-view", args=[code]), "post"),
        Page("goal-proposal-reframe", reverse("goal-proposal-reframe", args=[code, proposal.pk])),
        *[
            Page(name, reverse(name, args=[code, proposal.pk]), "post")
            for name in ("goal-proposal-reframe", "goal-proposal-discuss", "goal-proposal-accept")
        ],
    ]


def staff_pages(therapist) -> list[Page]:
    """Every page that is not about one client."""
    return [
        Page("caseload", reverse("caseload")),
        Page("new-client", reverse("new-client")),
        Page("supervision-report", reverse("supervision-report", args=[therapist.username])),
        Page(
            "supervision-report-pdf", reverse("supervision-report-pdf", args=[therapist.username])
        ),
        Page("team", reverse("team")),
        Page("team-trends", reverse("team-trends")),
        Page("audit", reverse("audit")),
        Page("clinic-overview", reverse("clinic-overview")),
        Page("clinic-settings", reverse("clinic-settings")),
        Page("clinic-delivery", reverse("clinic-delivery")),
        Page("admin", reverse("admin:index")),
    ]


def kiosk_pages() -> list[Page]:
    """The kiosk's screens that have an address: the blank one asking for a code, and the same
    thanking the client who just answered. The check-in itself opens only by a typed code."""
    return [
        Page("kiosk", reverse("kiosk")),
        Page("kiosk-thanks", reverse("kiosk") + "?done=1"),
    ]
