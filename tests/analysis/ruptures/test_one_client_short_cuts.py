"""One client's series as the app's follow-up gives it (float columns, whole session numbers):
the detector's short cuts give the same events, to the last bit, as the full checks, with
several rule sets and on the short or odd series a follow-up meets (one session, missing
values, a column never answered, tied scores)."""

import numpy as np
import pandas as pd
import pytest

from alliance.analysis.ruptures import RuptureDetector
from alliance.simulate import simulate_clinic
from tests.analysis.ruptures.test_fast_paths import _without_short_cuts

APP_COLUMNS = ["client_id", "session", "alliance", "goal", "task", "bond"]
APP_COLUMNS += ["therapist_alliance", "rupture_reported"]
RULE_SETS = {
    "clinic default": lambda: RuptureDetector(),
    "scores only": lambda: RuptureDetector(["v-episode", "sudden-loss"]),
    "client reported": lambda: RuptureDetector(["client-reported", "below-flag"]),
    "each rule alone": lambda: RuptureDetector(
        ["dimension-drop", "therapist-gap", "converging-signs"], combine=False
    ),
}


def _app_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The follow-up's table: the app's columns, every score a float."""
    found = frame[APP_COLUMNS].reset_index(drop=True)
    return found.astype({column: float for column in APP_COLUMNS[2:]})


@pytest.fixture(scope="module")
def clients() -> list[pd.DataFrame]:
    sessions = simulate_clinic(n_clients=60, seed=23, rupture_hazard=0.12).sessions
    return [_app_table(group) for _, group in sessions.groupby("client_id", sort=False)]


def _odd_series(clients: list[pd.DataFrame]) -> list[pd.DataFrame]:
    rng = np.random.default_rng(4)
    first, second, third = clients[0], clients[1], clients[2]
    gaps = second.copy()
    gaps.loc[rng.choice(len(gaps), size=len(gaps) // 3, replace=False), ["alliance", "goal"]] = (
        np.nan
    )
    never_asked = third.assign(rupture_reported=np.nan, therapist_alliance=np.nan)
    ties = first.assign(alliance=40.0, goal=6.0, task=6.0, bond=6.0)
    ties.loc[len(ties) - 3 :, ["alliance", "bond"]] = [30.0, 3.0]
    return [first.iloc[:1], first.iloc[:2], gaps, never_asked, ties, first.iloc[:0]]


def _fitted(make, tables: list[pd.DataFrame]) -> list[pd.DataFrame]:
    return [make().fit(table).events_ for table in tables]


@pytest.mark.parametrize("name", RULE_SETS)
def test_one_clients_events_equal_those_of_the_full_checks(monkeypatch, clients, name):
    tables = clients + _odd_series(clients)
    fast = _fitted(RULE_SETS[name], tables)
    with monkeypatch.context() as patched:
        _without_short_cuts(patched)
        full = _fitted(RULE_SETS[name], tables)
    for found, expected in zip(fast, full, strict=True):
        pd.testing.assert_frame_equal(found, expected, check_exact=True)


def test_the_simulated_clients_have_ruptures_to_compare(clients):
    assert sum(len(RuptureDetector().fit(table).events_) for table in clients) >= 10


def test_a_column_never_answered_counts_as_absent_and_an_empty_table_as_scores_only(clients):
    never_asked = RuptureDetector().fit(clients[0].assign(rupture_reported=np.nan))
    assert never_asked.applied.startswith("no client reports")
    assert never_asked.skipped_rules_ == ("client-reported",)
    empty = RuptureDetector().fit(clients[0].iloc[:0])
    assert empty.applied.startswith("scores only")
    assert empty.events_.empty
