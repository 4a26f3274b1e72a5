"""The signs a rupture leaves beyond the drop: one dimension falling beyond the others, and the
therapist's rating staying above the client's; the rules that weigh them together."""

import pandas as pd
import pytest

from alliance.analysis.ruptures import (
    BaselineConfig,
    ClientReported,
    ConvergingSigns,
    RuptureDetector,
)

STEADY = [8.0, 8.2, 7.8, 8.1, 7.9]  # baseline 8.0, within-client SD about 0.16
FIXED_SD = BaselineConfig(between_sd=0.5)  # every sign's SD_ref is 0.5 on these steady series
REPORT_READS_SIGNS = ClientReported(corroborate_k=3.0, clear_k=2.0, corroborate_with="signs")


def checkins(goal: float, task: float, bond: float, **columns: list[float]) -> pd.DataFrame:
    """Five steady sessions with equal dimensions, then session 6 with these dimensions."""
    dims = {"goal": [*STEADY, goal], "task": [*STEADY, task], "bond": [*STEADY, bond]}
    alliance = [(g + t + b) / 3 for g, t, b in zip(*dims.values(), strict=True)]
    return pd.DataFrame(
        {"client_id": "c1", "session": range(1, 7), "alliance": alliance, **dims, **columns}
    )


def faint_report() -> list[int]:
    return [0, 0, 0, 0, 0, 1]


def events(rule, table, baseline=FIXED_SD):
    return RuptureDetector([rule], baseline=baseline).fit(table).events_


def test_one_dimension_falling_alone_backs_a_faint_report_that_an_even_fall_does_not():
    # the alliance falls 0.8 points (1.6 SD_ref) either way; only the bond's fall stands out
    alone = checkins(8.0, 8.0, 5.6, rupture_reported=faint_report())
    even = checkins(7.2, 7.2, 7.2, rupture_reported=faint_report())
    assert list(events(REPORT_READS_SIGNS, alone).onset_session) == [6]
    assert len(events(REPORT_READS_SIGNS, even)) == 0


def test_the_event_keeps_the_signs_it_was_found_by():
    found = events(REPORT_READS_SIGNS, checkins(8.0, 8.0, 5.6, rupture_reported=faint_report()))
    signs = found.thresholds[0]["signs"]
    assert (signs["session"], signs["dimension"]) == (6, "bond")
    assert signs["drop_sd"] == pytest.approx(1.6)
    assert signs["dimension_points"] == pytest.approx(2.4)  # 5.6 against goals and tasks at 8
    assert signs["dimension_sd"] == pytest.approx(4.8)
    assert signs["therapist_sd"] is None and signs["therapist_points"] is None
    assert signs["combined_sd"] == pytest.approx((1.6 + 4.8) / 2**0.5, abs=1e-4)


def therapist_table(therapist_at_six: float) -> pd.DataFrame:
    """The client falls 1.2 points (2.4 SD_ref) at session 6 with a faint report."""
    return pd.DataFrame(
        {
            "client_id": "c1",
            "session": range(1, 7),
            "alliance": [*STEADY, 6.8],
            "therapist_alliance": [8.5] * 5 + [therapist_at_six],
            "rupture_reported": faint_report(),
        }
    )


def test_a_therapist_rating_that_holds_while_the_client_falls_backs_a_report():
    held = events(REPORT_READS_SIGNS, therapist_table(8.5))
    assert list(held.onset_session) == [6]
    assert held.thresholds[0]["signs"]["therapist_points"] == pytest.approx(1.2)
    assert len(events(REPORT_READS_SIGNS, therapist_table(7.3))) == 0  # the therapist saw it too


def test_a_drop_alone_can_reach_the_converging_signs_threshold():
    assert list(events(ConvergingSigns(k=4.0), checkins(6.0, 6.0, 6.0)).onset_session) == [6]
    assert len(events(ConvergingSigns(k=4.0), checkins(6.2, 6.2, 6.2))) == 0  # 3.6 SD_ref


def test_the_signs_together_reach_it_with_a_smaller_drop():
    # 1.2 points (2.4 SD_ref) when the bond alone falls 3.6 points
    assert list(events(ConvergingSigns(k=4.0), checkins(8.0, 8.0, 4.4)).onset_session) == [6]


def test_a_session_above_the_usual_level_is_no_evidence_whatever_its_other_signs():
    assert len(events(ConvergingSigns(k=1.0), checkins(9.5, 9.5, 6.5))) == 0


def test_the_repair_line_of_the_signs_rules_sits_a_quarter_sd_below_the_recent_level():
    found = events(ConvergingSigns(k=4.0), checkins(6.0, 6.0, 6.0))
    assert found.thresholds[0]["repair_line"] == pytest.approx(8.0 - 0.25 * 0.5)


def test_a_sign_without_any_spread_is_left_out_rather_than_infinite():
    # with no clinic SD, equal dimensions leave the bond's contrast an SD of 0 to be judged by
    found = events(
        ConvergingSigns(k=4.0), checkins(8.0, 8.0, 5.6), baseline=BaselineConfig(between_sd=0.0)
    )
    signs = found.thresholds[0]["signs"]
    assert signs["dimension_sd"] is None and signs["combined_sd"] == signs["drop_sd"]


def test_the_default_reads_the_signs_on_a_full_check_in_table():
    table = checkins(8.0, 8.0, 5.6, rupture_reported=faint_report())
    detector = RuptureDetector(baseline=FIXED_SD).fit(table)
    assert [rule.name for rule in detector.rules_] == ["client-reported", "converging-signs"]
    assert list(detector.events_.rule) == ["client-reported+converging-signs"]
