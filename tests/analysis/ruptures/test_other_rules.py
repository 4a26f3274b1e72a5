import pandas as pd
import pytest

from alliance.analysis.ruptures import (
    BaselineConfig,
    BelowFlag,
    ClientReported,
    DimensionDrop,
    RepairConfig,
    RuptureDetector,
    RuptureInputError,
    TherapistGap,
)

STEADY = [8.0, 8.2, 7.8, 8.1, 7.9]  # baseline 8.0, within-client SD about 0.16


def series(alliance: list[float], client: str = "c1", **columns: list[float]) -> pd.DataFrame:
    """One client's sessions 1..n with the given scores (and any optional columns)."""
    return pd.DataFrame(
        {
            "client_id": client,
            "session": range(1, len(alliance) + 1),
            "alliance": alliance,
            **columns,
        }
    )


def detect(rule, table):
    return RuptureDetector([rule], baseline=BaselineConfig(between_sd=0.5)).fit(table).events_


def test_less_than_perfect_after_a_perfect_run_is_flagged():
    events = detect(BelowFlag(), series([10, 10, 10, 9, 10, 10]))
    assert list(events.onset_session) == [4]
    assert events.thresholds[0]["below-flag"]["perfect"] == 10.0


def test_a_perfect_run_shorter_than_the_setting_is_not():
    assert len(detect(BelowFlag(), series([10, 10, 9, 10]))) == 0
    assert len(detect(BelowFlag(perfect_run=2), series([10, 10, 9, 10]))) == 1


def test_a_score_under_the_instruments_cutoff_is_flagged():
    events = detect(BelowFlag(perfect_run=0), series([8, 8, 8, 7.4, 8]))
    assert list(events.onset_session) == [4]
    assert events.thresholds[0]["below-flag"]["cutoff"] == 7.5


def test_the_comparator_decides_whether_the_cutoff_itself_is_flagged():
    table = series([8, 8, 8, 7.5, 8])
    assert len(detect(BelowFlag(perfect_run=0), table)) == 0
    assert len(detect(BelowFlag(perfect_run=0, comparator="at-or-below"), table)) == 1


def test_the_clients_own_report_is_an_event_even_without_a_drop():
    table = series([*STEADY, 8.0, 8.0], rupture_reported=[0, 0, 0, 0, 0, 1, 0])
    events = detect(ClientReported(), table)
    assert list(events.onset_session) == [6]
    assert events.rule[0] == "client-reported"
    assert len(detect(ClientReported(min_level=2), table)) == 0


def test_a_clear_report_needs_a_smaller_drop_than_a_faint_one():
    rule = ClientReported(min_level=1, corroborate_k=2.0, alone_level=2, clear_k=1.0)
    dip = [*STEADY, 7.3, 8.0]  # 0.7 points: 1.4 SD_ref of 0.5, short of 2
    assert len(detect(rule, series(dip, rupture_reported=[0, 0, 0, 0, 0, 2, 0]))) == 1
    assert len(detect(rule, series(dip, rupture_reported=[0, 0, 0, 0, 0, 1, 0]))) == 0
    deeper = [*STEADY, 6.9, 8.0]
    assert len(detect(rule, series(deeper, rupture_reported=[0, 0, 0, 0, 0, 1, 0]))) == 1
    assert len(detect(rule, series(deeper, rupture_reported=[0] * 7))) == 0


def test_the_repair_line_sits_a_quarter_of_the_smallest_drop_a_report_needs():
    table = series([*STEADY, 6.9, 7.6], rupture_reported=[0, 0, 0, 0, 0, 2, 0])
    events = detect(ClientReported(corroborate_k=2.0, clear_k=1.0), table)
    assert events.thresholds[0]["repair_line"] == 7.875  # 8.0 - 0.25 x 1.0 x 0.5
    assert events.repaired[0] is False or events.repaired[0] is None


def test_consecutive_reports_are_one_episode():
    table = series([*STEADY, 7.9, 7.8, 8.0, 8.0], rupture_reported=[0, 0, 0, 0, 0, 2, 2, 0, 0])
    events = detect(ClientReported(), table)
    assert list(events.onset_session) == [6] and events.repair_session[0] == 8


def test_a_therapist_rating_well_above_the_client_is_flagged():
    table = series([8, 8, 8, 7, 8], therapist_alliance=[8.5, 8.5, 8.5, 9.5, 8.5])
    events = detect(TherapistGap(), table)
    assert list(events.onset_session) == [4]
    assert len(detect(TherapistGap(gap=3), table)) == 0


def test_one_dimension_falling_while_the_others_hold_is_a_dimension_drop():
    steady = [8.0, 8.2, 7.8, 8.1, 7.9]
    table = series(
        [8.0] * 5 + [7.3, 8.0],
        goal=[*steady, 8.0, 8.0],
        task=[*steady, 8.1, 8.0],
        bond=[*steady, 5.8, 8.0],
    )
    events = detect(DimensionDrop(), table)
    assert list(events.onset_session) == [6]
    assert events.dimensions[0] == ["bond"]


def test_a_dimension_drop_can_ask_for_the_clients_report_too():
    steady = [8.0, 8.2, 7.8, 8.1, 7.9]
    columns = dict(goal=[*steady, 8.0, 8.0], task=[*steady, 8.1, 8.0], bond=[*steady, 5.8, 8.0])
    table = series([8.0] * 5 + [7.3, 8.0], **columns, rupture_reported=[0] * 7)
    assert len(detect(DimensionDrop(report_level=1), table)) == 0
    table["rupture_reported"] = [0, 0, 0, 0, 0, 1, 0]
    assert len(detect(DimensionDrop(report_level=1), table)) == 1


def test_all_dimensions_falling_together_is_not_a_dimension_drop():
    steady = [8.0, 8.2, 7.8, 8.1, 7.9]
    table = series(
        [8.0] * 5 + [6.0, 8.0],
        goal=[*steady, 6.0, 8.0],
        task=[*steady, 6.0, 8.0],
        bond=[*steady, 6.0, 8.0],
    )
    assert len(detect(DimensionDrop(), table)) == 0


# One client alone cannot show a 3-SD drop against its own SD (the drop inflates it), so these
# tests give the clinic's between-client SD, as the web app does.
CLINIC_NORM = BaselineConfig(between_sd=0.5)


def test_the_default_merges_rules_that_fire_on_the_same_episode():
    table = series([*STEADY, 5.5, 8.0], rupture_reported=[0, 0, 0, 0, 0, 2, 0])
    events = RuptureDetector(baseline=CLINIC_NORM).fit(table).events_
    assert len(events) == 1
    assert events.rule[0] == "v-episode+client-reported"
    assert set(events.thresholds[0]) >= {"v-episode", "client-reported", "sd_ref", "window"}


def test_the_default_on_scores_alone_applies_the_published_drops():
    detector = RuptureDetector(baseline=CLINIC_NORM).fit(series([*STEADY, 5.5, 8.0]))
    assert detector.skipped_rules_ == ("client-reported", "converging-signs")
    assert detector.applied == "scores only: applied v-episode:k=2.0 and sudden-loss"
    assert list(detector.events_.rule) == ["v-episode"]


def test_the_default_with_reports_but_no_dimensions_applies_the_total_only_rules():
    table = series([*STEADY, 5.5, 8.0], rupture_reported=[0, 0, 0, 0, 0, 2, 0])
    detector = RuptureDetector(baseline=CLINIC_NORM).fit(table)
    assert detector.applied.startswith("total and client reports: applied v-episode:k=3.0")
    assert list(detector.events_.rule) == ["v-episode+client-reported"]


def test_a_table_with_dimensions_but_no_reports_runs_the_signs_alone_with_a_lower_bar():
    dims = {name: [*STEADY, 5.5, 8.0] for name in ("goal", "task", "bond")}
    detector = RuptureDetector(baseline=CLINIC_NORM).fit(series([*STEADY, 5.5, 8.0], **dims))
    assert detector.skipped_rules_ == ("client-reported",)
    assert detector.applied == "no client reports: applied converging-signs:k=3.0"
    assert list(detector.events_.rule) == ["converging-signs"]


def test_converging_signs_chosen_on_a_total_alone_names_the_missing_columns():
    with pytest.raises(RuptureInputError, match="goal, task and bond or the column therapist"):
        RuptureDetector(["converging-signs"]).fit(series([*STEADY, 5.5, 8.0]))


def test_a_score_that_never_comes_back_is_not_repaired_once_the_window_passed():
    falling = [*STEADY, 5.0, 4.9, 4.8, 4.7, 4.6, 4.5, 4.4, 4.3]
    events = RuptureDetector(["v-episode"], baseline=CLINIC_NORM).fit(series(falling)).events_
    assert len(events) == 1
    assert events.lowest_session[0] == 7  # the V's low: the onset or the session after it
    assert events.repaired[0] is False
    # sought over six sessions the lowest moves late in the series, and the call stands
    slide = RepairConfig(max_decline=6)
    events = RuptureDetector(["v-episode"], baseline=CLINIC_NORM, repair=slide)
    events = events.fit(series(falling)).events_
    assert events.lowest_session[0] >= len(falling) - 3
    assert events.repaired[0] is False


def test_a_series_ending_inside_the_window_leaves_the_repair_unknown():
    detector = RuptureDetector(["v-episode"], baseline=CLINIC_NORM)
    events = detector.fit(series([*STEADY, 5.0, 5.1])).events_
    assert events.repaired[0] is None


def test_separate_lists_each_rule_apart():
    table = series([*STEADY, 5.5, 8.0], rupture_reported=[0, 0, 0, 0, 0, 2, 0])
    events = RuptureDetector(["v-episode", "client-reported"], combine=False).fit(table).events_
    assert sorted(events.rule) == ["client-reported", "v-episode"]


def test_the_summary_counts_events_and_repairs_per_rule():
    table = series([*STEADY, 5.5, 8.0], rupture_reported=[0, 0, 0, 0, 0, 2, 0])
    summary = RuptureDetector(["v-episode", "client-reported"]).fit(table).summary
    assert summary.loc["all", "events"] == 1
    assert summary.loc["v-episode", "repaired"] == 1
    assert summary.loc["all", "share_of_clients"] == 1.0


def test_a_report_column_left_blank_counts_as_no_reports():
    dims = {name: [*STEADY, 5.5, 8.0] for name in ("goal", "task", "bond")}
    blank = [float("nan")] * 7
    table = series([*STEADY, 5.5, 8.0], rupture_reported=blank, **dims)
    detector = RuptureDetector(baseline=CLINIC_NORM).fit(table)
    assert detector.applied == "no client reports: applied converging-signs:k=3.0"
