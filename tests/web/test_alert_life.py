"""An alert is raised, closed and folded in one place, and each step leaves its audit row."""

import pytest

from alliance.web.clinic.models import Alert, AlertKind, AuditEvent, Rupture, Severity


def _actions(client) -> list[str]:
    return list(client.audit_events.order_by("pk").values_list("action", "target"))


def test_raising_an_alert_takes_the_kinds_severity_and_audits_it(theos_client):
    alert = Alert.objects.raise_(theos_client, AlertKind.ALLIANCE_REVIEW, "Below the line.")
    assert alert.severity == Severity.INFO and alert.kind == "alliance-review"
    assert _actions(theos_client) == [("alert-raised", f"alert:{alert.pk}")]


def test_raising_an_unknown_kind_is_refused_and_stores_nothing(theos_client):
    with pytest.raises(ValueError, match="not-a-kind"):
        Alert.objects.raise_(theos_client, "not-a-kind", "Anything.")
    assert not Alert.objects.exists() and not AuditEvent.objects.exists()


def test_closing_keeps_the_outcome_and_audits_once(theos_client):
    alert = Alert.objects.raise_(theos_client, AlertKind.NOT_ON_TRACK, "Off track.")
    assert alert.close("Back on track.") is True
    assert alert.close("Again.") is False
    alert.refresh_from_db()
    assert alert.closed_at is not None and alert.outcome == "Back on track."
    assert [a for a, _ in _actions(theos_client)] == ["alert-raised", "alert-closed"]


def test_folding_closes_the_alerts_and_audits_one_row_naming_the_rupture(theos_client):
    drops = [
        Alert.objects.raise_(theos_client, AlertKind.ALLIANCE_DROP, f"Drop {n}.") for n in (1, 2)
    ]
    rupture = Rupture.objects.create(
        client=theos_client, onset_session=4, lowest_session=4, last_session=5
    )
    folded = Alert.objects.filter(pk__in=[a.pk for a in drops]).fold_into(rupture, outcome="Part.")
    assert folded == 2 and not Alert.objects.open().exists()
    assert _actions(theos_client)[-1] == ("alerts-folded-into-rupture", f"rupture:{rupture.pk}")


def test_folding_nothing_writes_no_audit_row(theos_client):
    rupture = Rupture.objects.create(
        client=theos_client, onset_session=4, lowest_session=4, last_session=5
    )
    assert Alert.objects.none().fold_into(rupture, outcome="Part.") == 0
    assert not AuditEvent.objects.exists()


def test_every_kind_has_a_severity_a_description_and_badge_words():
    for kind in AlertKind:
        assert kind.severity in Severity.values and kind.description and kind.label != kind.value
