"""When the bond falls while goals and tasks hold, the alert says so in points, beside the
client's faint report that something felt a little off."""

from alliance.web.clinic.models import Alert, Rupture
from tests.web.checkin_helpers import submit_checkin


def test_a_bond_falling_beyond_goals_and_tasks_is_named_in_the_alert(good_checkins):
    bond_low = {"alliance-checkin__5": "4", "alliance-checkin__6": "4"}
    submit_checkin(good_checkins, 5, rating=8, felt_off=1, **bond_low)
    rupture = Rupture.objects.get()
    assert rupture.onset_session == 5 and "client-reported" in rupture.rule
    assert rupture.thresholds["signs"]["dimension"] == "bond"
    explanation = Alert.objects.open().get(kind="rupture").explanation
    assert "the bond fell 4.0 points further below goals and tasks than usual" in explanation


def test_an_even_small_dip_with_a_faint_report_raises_no_alert(good_checkins):
    submit_checkin(good_checkins, 5, rating=7, felt_off=1)
    assert not Rupture.objects.exists()
    assert not Alert.objects.open().filter(kind="rupture").exists()
