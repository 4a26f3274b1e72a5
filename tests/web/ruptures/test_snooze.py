"""Snoozing an alert: the client's own therapist, a later day, never an urgent alert."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from alliance.web.clinic.models import Alert, Severity

TODAY = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)


@pytest.fixture
def alert(theos_client) -> Alert:
    return Alert.objects.create(
        client=theos_client,
        kind="rupture",
        severity=Severity.WARNING,
        message="Possible rupture.",
        created_at=TODAY,
    )


@time_machine.travel(TODAY, tick=False)
def test_a_snoozed_alert_leaves_the_open_list_until_that_day(login, theo, alert):
    page = login(theo).post(reverse("snooze-alert", args=[alert.pk]), {"until": "2026-03-09"})
    assert page.status_code == 302
    assert not Alert.objects.open().exists()
    assert alert.client.audit_events.filter(action="alert-snoozed").exists()
    with time_machine.travel(dt.datetime(2026, 3, 9, 0, 1, tzinfo=dt.UTC)):
        assert Alert.objects.open().get() == alert


@time_machine.travel(TODAY, tick=False)
def test_an_urgent_alert_cannot_be_snoozed(login, theo, alert):
    alert.severity = Severity.URGENT
    alert.save()
    page = login(theo).post(reverse("snooze-alert", args=[alert.pk]), {"until": "2026-03-09"})
    assert page.status_code == 400
    assert "Urgent alerts cannot be snoozed." in page.content.decode()
    assert Alert.objects.open().get().snoozed_until is None


@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize(
    "until, problem",
    [("2026-03-02", "Choose a day after today."), ("next week", "Enter a valid date.")],
)
def test_a_bad_day_is_refused_with_the_problem_named(login, theo, alert, until, problem):
    page = login(theo).post(reverse("snooze-alert", args=[alert.pk]), {"until": until})
    assert page.status_code == 400 and problem in page.content.decode()


@pytest.mark.parametrize("persona", ["sam", "cora", "ada"])
def test_only_the_own_therapist_may_snooze(request, login, alert, persona):
    page = login(request.getfixturevalue(persona)).post(
        reverse("snooze-alert", args=[alert.pk]), {"until": "2099-01-01"}
    )
    assert page.status_code == 404
    assert Alert.objects.get().snoozed_until is None


@time_machine.travel(TODAY, tick=False)
def test_a_bad_day_is_named_beside_the_alert_on_the_client_page(login, theo, alert):
    page = login(theo).post(reverse("snooze-alert", args=[alert.pk]), {"until": "2026-03-01"})
    html = page.content.decode()
    assert page.status_code == 400 and "<h1>C-THEO1</h1>" in html
    form = html.split(f'id="snooze-form-{alert.pk}"')[1].split("</form>")[0]
    assert 'value="2026-03-01"' in form and 'aria-invalid="true"' in form
    assert "Not snoozed: Snooze until: Choose a day after today." in form
    assert Alert.objects.open().get().snoozed_until is None
