"""Stored ruptures become the science's events table, with open episodes not yet known."""

from alliance.web.clinic.models import Rupture, RuptureStatus
from alliance.web.clinic.tables import rupture_events


def test_stored_ruptures_become_events_with_their_repair_known_or_not(theos_client):
    for onset, status in ((4, RuptureStatus.REPAIRED), (7, RuptureStatus.UNREPAIRED), (9, "open")):
        Rupture.objects.create(
            client=theos_client,
            onset_session=onset,
            lowest_session=onset,
            last_session=onset,
            status=status,
        )
    events = rupture_events(Rupture.objects.order_by("onset_session"))
    assert events.values.tolist() == [
        [theos_client.pk, 4, True],
        [theos_client.pk, 7, False],
        [theos_client.pk, 9, None],
    ]
