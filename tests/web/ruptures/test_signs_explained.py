"""When the bond falls while goals and tasks hold, the alert says so in points, beside the
client's faint report that something felt a little off."""

from django.urls import reverse

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


def test_the_client_page_names_the_signs_that_raised_the_alert(good_checkins, login, theo):
    bond_low = {"alliance-checkin__5": "4", "alliance-checkin__6": "4"}
    submit_checkin(good_checkins, 5, rating=8, felt_off=1, **bond_low)
    signs = Rupture.objects.get().thresholds["signs"]
    html = login(theo).get(reverse("client", args=[good_checkins.code])).content.decode()
    named = html[html.index("Signs that raised it at session 5:") :]
    named = named[: named.index("Found by the rules")]
    assert "the client said that something felt off" in named
    assert (
        f"the alliance was {signs['drop_sd']:.1f} SD below the client&#x27;s usual level" in named
    )
    assert "the bond fell 4.0 points further below goals and tasks than usual" in named
    assert "you rated the session" not in named  # no therapist rating was given


def test_a_drop_alone_is_named_as_the_sign_on_the_client_page(good_checkins, login, theo):
    submit_checkin(good_checkins, 5, rating=5, felt_off=2)
    rupture = Rupture.objects.get()
    html = login(theo).get(reverse("client", args=[good_checkins.code])).content.decode()
    named = html[html.index("Signs that raised it at session 5:") :]
    named = named[: named.index("Found by the rules")]
    drop = (rupture.thresholds.get("signs") or {}).get("drop_sd") or rupture.depth_sd
    assert f"the alliance was {drop:.1f} SD below the client&#x27;s usual level" in named
    assert "the client said that something felt off" in named
    assert "further below" not in named  # an even drop names no single dimension


def test_the_review_lists_the_signs_beside_the_rules(good_checkins, login, theo):
    bond_low = {"alliance-checkin__5": "4", "alliance-checkin__6": "4"}
    submit_checkin(good_checkins, 5, rating=8, felt_off=1, **bond_low)
    rupture = Rupture.objects.get()
    page = login(theo).get(reverse("rupture", args=[good_checkins.code, rupture.pk]))
    html = page.content.decode()
    signs = html[html.index("Signs that raised the alert") : html.index("Rules that fired")]
    assert "The bond fell 4.0 points further below goals and tasks than usual" in signs
    assert "The client said that something felt off" in signs
