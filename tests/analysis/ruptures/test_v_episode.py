import pandas as pd
import pytest

from alliance.analysis.ruptures import BaselineConfig, RepairConfig, RuptureDetector, VEpisode

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


FIXED_SD = BaselineConfig(between_sd=0.5)  # SD_ref is 0.5 wherever the client's own SD is smaller


def fit(alliance, k=2.0, baseline=FIXED_SD, repair=None):
    return RuptureDetector([VEpisode(k=k)], baseline=baseline, repair=repair).fit(series(alliance))


def test_a_clean_v_is_one_repaired_event():
    events = fit([*STEADY, 6.0, 8.0, 8.1, 7.9]).events_
    assert len(events) == 1
    event = events.iloc[0]
    assert (event.onset_session, event.lowest_session, event.repair_session) == (6, 6, 7)
    assert event.repaired is True
    assert event.baseline == pytest.approx(8.0)
    assert event.depth == pytest.approx(2.0)
    assert event.depth_sd == pytest.approx(2.0 / 0.5)
    assert event.rule == "v-episode"
    assert event.thresholds["v-episode"] == {"k": 2.0}


def test_a_sustained_drop_is_one_episode_with_its_lowest_session():
    events = fit([*STEADY, 6.5, 6.0, 6.2, 8.0, 8.0]).events_
    assert len(events) == 1
    assert (events.onset_session[0], events.lowest_session[0], events.last_session[0]) == (6, 7, 8)
    assert events.repaired[0] is True and events.repair_session[0] == 9


def test_a_drop_that_never_returns_is_unrepaired():
    events = fit([*STEADY, 6.0, 6.1, 6.0, 6.2, 6.1, 6.0]).events_
    assert len(events) == 1
    assert events.repaired[0] is False
    assert pd.isna(events.repair_session[0])


def test_a_return_after_the_window_is_unrepaired():
    events = fit([*STEADY, 6.0, 6.1, 6.0, 6.2, 8.0]).events_
    assert events.repaired[0] is False


def test_a_drop_at_the_end_of_the_series_is_unknown():
    events = fit([*STEADY, 6.0, 6.1]).events_
    assert events.repaired[0] is None


def test_the_repair_window_is_configurable():
    alliance = [*STEADY, 6.0, 6.1, 6.0, 6.2, 8.0]
    events = fit(alliance, repair=RepairConfig(window=4)).events_
    assert events.repaired[0] is True and events.repair_session[0] == 10


def test_a_return_within_a_quarter_k_sd_counts_as_repaired():
    # line = 8.0 - 0.25 * 2 * 0.5 = 7.75: 7.8 is close enough, 7.7 is not
    assert fit([*STEADY, 6.0, 7.8, 7.4, 7.4]).events_.repaired[0] is True
    assert fit([*STEADY, 6.0, 7.7, 7.7, 7.7, 7.7]).events_.repaired[0] is False


def test_a_return_is_judged_against_the_level_the_rupture_broke_off():
    # a steady decline: the mean of every earlier session (7.79) sits above where the client was
    # just before the drop (7.5 over four sessions); 7.3 is back for the recent level (line 7.25),
    # not for the baseline (line 7.54)
    declining = [8.3, 8.2, 8.0, 7.8, 7.6, 7.4, 7.2, 5.5, 7.3, 7.3, 7.3]
    assert fit(declining).events_.repaired[0] is True
    earlier = RepairConfig(level="baseline")
    assert fit(declining, repair=earlier).events_.repaired[0] is False


def test_a_bad_repair_level_is_an_error_naming_it():
    with pytest.raises(ValueError, match="level must be 'recent' or 'baseline'"):
        RepairConfig(level="trend")
    with pytest.raises(ValueError, match="recent must be 1 or more"):
        RepairConfig(recent=0)


def test_k_one_finds_a_drop_that_k_two_misses():
    alliance = [*STEADY, 7.3, 8.0, 8.0]  # 0.7 below: more than 1 SD_ref, less than 2
    assert len(fit(alliance, k=2.0).events_) == 0
    assert len(fit(alliance, k=1.0).events_) == 1


def test_the_baseline_needs_three_earlier_sessions():
    assert len(fit([8.0, 8.0, 5.0, 8.0, 8.0]).events_) == 0
    events = fit([8.0, 8.0, 8.0, 5.0, 8.0]).events_
    assert list(events.onset_session) == [4]


def test_sd_ref_is_the_larger_of_within_and_between():
    noisy = [8.0, 9.0, 7.0, 8.0, 9.0, 7.0, 6.5, 8.0]  # first five: mean 8.2, SD sqrt(0.7)
    loose = fit(noisy, k=1.0, baseline=BaselineConfig(between_sd=0.1)).events_
    assert loose.onset_session[0] == 6
    assert loose.thresholds[0]["sd_ref"] == pytest.approx(0.7**0.5, abs=1e-4)  # within wins
    strict = fit(noisy, k=1.0, baseline=BaselineConfig(between_sd=2.0)).events_
    assert len(strict) == 0  # 6.5 is 1.5 below 8.0: under 1 x 2.0


def test_two_separate_ruptures_are_two_events():
    events = fit([*STEADY, 6.0, 8.0, 8.0, 8.0, 5.5, 8.0]).events_
    assert list(events.onset_session) == [6, 10]
    assert list(events.repaired) == [True, True]


def test_clients_are_kept_apart():
    table = pd.concat(
        [series([*STEADY, 6.0, 8.0], client="a"), series([*STEADY, 8.0, 8.0], client="b")]
    )
    events = RuptureDetector([VEpisode()], baseline=FIXED_SD).fit(table).events_
    assert list(events.client_id) == ["a"]


def test_a_return_that_must_hold_ignores_a_one_session_bounce():
    alliance = [*STEADY, 6.0, 7.8, 6.0, 6.1, 6.0, 6.0]
    assert fit(alliance).events_.repaired[0] is True
    held = fit(alliance, repair=RepairConfig(hold=1)).events_
    assert held.repaired[0] is False and len(held) == 1


def test_flags_inside_the_repair_window_belong_to_the_same_episode():
    table = series([*STEADY, 6.0, 8.0, 8.0, 8.0, 8.0], rupture_reported=[0] * 5 + [2, 0, 2, 0, 0])
    events = RuptureDetector(["v-episode", "client-reported"], baseline=FIXED_SD).fit(table).events_
    assert list(events.onset_session) == [6]


def test_a_known_sd_alone_can_judge_the_drop():
    from alliance.analysis.ruptures import ConfigError

    table = pd.DataFrame(
        {"client_id": "c1", "session": range(1, 7), "alliance": [8, 9, 7, 8.6, 7.4, 7.0]}
    )
    known = BaselineConfig(between_sd=0.4, within_sd="none")
    assert len(RuptureDetector([VEpisode(k=2)], baseline=known).fit(table).events_) == 1
    with_own = BaselineConfig(between_sd=0.4)
    assert len(RuptureDetector([VEpisode(k=2)], baseline=with_own).fit(table).events_) == 0
    try:
        BaselineConfig(within_sd="sometimes")
    except ConfigError as error:
        assert "within_sd must be 'earlier', 'all' or 'none'" in str(error)
    else:
        raise AssertionError("an unknown within_sd was accepted")


def test_the_successive_differences_sd_is_barely_moved_by_one_deep_drop():
    from alliance.analysis.ruptures.baseline import pooled_within_sd, successive_sd
    from alliance.analysis.ruptures.table import check_sessions

    scores = [8, 8.4, 7.6, 8.2, 7.8, 8.1, 7.9, 2.0, 8.0, 8.2]
    checked = check_sessions(
        pd.DataFrame({"client_id": "c1", "session": range(1, 11), "alliance": scores})
    )
    x = checked.column("alliance")
    assert successive_sd(x, checked) < 0.45 < pooled_within_sd(x, checked)
