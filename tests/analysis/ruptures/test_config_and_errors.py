import json

import pandas as pd
import pytest

from alliance.analysis.ruptures import (
    BaselineConfig,
    BelowFlag,
    ConfigError,
    RepairConfig,
    RuptureDetector,
    RuptureInputError,
    SuddenLoss,
    VEpisode,
    parse_rule_spec,
)


def test_the_configuration_round_trips_through_a_plain_dict():
    detector = RuptureDetector(
        [VEpisode(k=1.0), BelowFlag(cutoff=8.0, perfect_run=4), SuddenLoss(reliable_change=1.0)],
        baseline=BaselineConfig(min_earlier=4, between_sd=0.6),
        repair=RepairConfig(window=2),
        combine=False,
    )
    stored = json.loads(json.dumps(detector.to_dict()))
    again = RuptureDetector.from_dict(stored)
    assert again.config == detector.config
    assert again.to_dict() == stored


def test_the_default_round_trips_with_its_new_settings():
    stored = json.loads(json.dumps(RuptureDetector().to_dict()))
    assert stored["rules"][0]["corroborate_with"] == "signs"
    assert stored["rules"][1] == {"rule": "converging-signs", "k": 4.0}
    assert RuptureDetector.from_dict(stored).config == RuptureDetector().config


def test_the_default_is_documented_in_its_dict():
    rules = [rule["rule"] for rule in RuptureDetector().to_dict()["rules"]]
    assert rules == ["client-reported", "converging-signs"]


def test_a_rule_spec_sets_typed_values():
    rule = parse_rule_spec("below-flag:cutoff=8,perfect_run=4,comparator=at-or-below")
    assert rule == BelowFlag(cutoff=8.0, perfect_run=4, comparator="at-or-below")
    assert parse_rule_spec("sudden-loss:critical_t=2/3/4").critical_t == (2.0, 3.0, 4.0)
    reported = parse_rule_spec("client-reported:corroborate_k=3,corroborate_with=signs")
    assert (reported.corroborate_k, reported.corroborate_with) == (3.0, "signs")


@pytest.mark.parametrize(
    "spec, words",
    [
        ("v-episodes", "unknown rule 'v-episodes'"),
        ("v-episode:k=-1", "k must be above 0"),
        ("v-episode:k=big", "k: 'big' is not a valid number"),
        ("v-episode:depth=2", "unknown setting(s) depth"),
        ("below-flag:perfect_run=2.5", "perfect_run: '2.5' is not a valid whole number"),
        ("below-flag:comparator=under", "comparator must be"),
        ("v-episode:k", "'k' is not setting=value"),
        (
            "client-reported:corroborate_with=scores",
            "rule client-reported: corroborate_with must be 'drop' or 'signs', not 'scores'",
        ),
        ("converging-signs:k=0", "rule converging-signs: k must be above 0"),
    ],
)
def test_bad_rule_specs_name_the_problem(spec, words):
    with pytest.raises(ConfigError, match=words.replace("(", r"\(").replace(")", r"\)")):
        parse_rule_spec(spec)


def test_bad_shared_settings_are_refused():
    with pytest.raises(ConfigError, match="min_earlier"):
        BaselineConfig(min_earlier=1)
    with pytest.raises(ConfigError, match="window"):
        RepairConfig(window=0)
    with pytest.raises(ConfigError, match="unknown setting"):
        RuptureDetector.from_dict({"rules": [], "colour": "red"})


def sessions(**overrides):
    table = pd.DataFrame(
        {"client_id": ["a"] * 4, "session": [1, 2, 3, 4], "alliance": [8.0, 8.0, 8.0, 5.0]}
    )
    return table.assign(**overrides)


def test_a_missing_column_is_named():
    with pytest.raises(RuptureInputError, match="missing column\\(s\\) alliance"):
        RuptureDetector().fit(sessions().drop(columns="alliance"))


def test_a_non_numeric_score_names_column_and_row():
    with pytest.raises(RuptureInputError, match="column alliance, row 3: 'high' is not a number"):
        RuptureDetector().fit(sessions(alliance=[8, 8, "high", 5]))


def test_a_fractional_session_is_refused():
    with pytest.raises(RuptureInputError, match="column session, row 2: .* whole number"):
        RuptureDetector().fit(sessions(session=[1, 2.5, 3, 4]))


def test_a_duplicated_client_session_is_refused():
    with pytest.raises(RuptureInputError, match="row 4: client 'a' has session 3 more than once"):
        RuptureDetector().fit(sessions(session=[1, 2, 3, 3]))


def test_a_rule_asked_for_by_name_needs_its_column():
    with pytest.raises(RuptureInputError, match="client-reported needs the column rupture_"):
        RuptureDetector(["client-reported"]).fit(sessions())


def test_missing_scores_are_allowed_and_skipped():
    table = sessions(alliance=[8.0, None, 8.0, 8.0]).assign(session=[1, 2, 3, 4])
    table = pd.concat(
        [table, pd.DataFrame({"client_id": ["a"], "session": [5], "alliance": [5.0]})]
    )
    events = RuptureDetector(["v-episode"], baseline=BaselineConfig(between_sd=0.5)).fit(table)
    assert list(events.events_.onset_session) == [5]
