"""Each feature registers its own follow-up step in its AppConfig.ready; they run by order."""

import pytest

from alliance.web.caseload.steps import (
    prepare_summaries,
    stale_tracks_step,
    summary_later_step,
    summary_step,
)
from alliance.web.checkin.submissions import store_waiting_submissions
from alliance.web.delivery.steps import answered_step, urgent_notice_step
from alliance.web.followup.steps import AFTER, ANALYSE, PREPARE, STORE, register_step, steps
from alliance.web.goals.steps import disagreement_step
from alliance.web.outcome.alerts import prepare_recovery, recovery_step
from alliance.web.ruptures.loop import prepare_ruptures, rupture_step


def test_the_features_register_their_steps_in_the_documented_order():
    assert steps(STORE) == [store_waiting_submissions]
    assert steps(PREPARE) == [prepare_ruptures, prepare_recovery, prepare_summaries]
    assert steps(ANALYSE) == [
        summary_later_step,
        rupture_step,
        disagreement_step,
        recovery_step,
        answered_step,
        urgent_notice_step,
        summary_step,
    ]
    assert steps(AFTER) == [stale_tracks_step]


def test_a_step_registered_again_replaces_itself():
    register_step(ANALYSE, 10, rupture_step)
    assert steps(ANALYSE).count(rupture_step) == 1


def test_an_unknown_stage_is_refused():
    with pytest.raises(ValueError, match="stage must be 'store', 'prepare', 'analyse' or 'after'"):
        register_step("later", 1, rupture_step)
