"""The detector's short cuts for tables that need no conversion (whole session numbers already,
no blank id, one client's series in order, events found in order, each column read once) give
the same events, to the last bit, as the full checks they skip: on each client of a seeded
clinic alone (the app's follow-up) and on the whole clinic, with the clinic's default rules and
with rules that estimate the between-client SD from the table."""

import numpy as np
import pandas as pd
import pytest

from alliance.analysis.ruptures import RuptureDetector, detector, table
from alliance.analysis.ruptures.config import BaselineConfig
from alliance.simulate import simulate_clinic

DETECTORS = {
    "default": lambda: RuptureDetector(),
    "fixed between-client SD": lambda: RuptureDetector(baseline=BaselineConfig(between_sd=1.2)),
    "scores only": lambda: RuptureDetector(["v-episode", "sudden-loss"]),
}


@pytest.fixture(scope="module")
def clinic_sessions() -> pd.DataFrame:
    return simulate_clinic(n_clients=80, seed=11).sessions


def _without_short_cuts(monkeypatch) -> None:
    monkeypatch.setattr(table, "_whole_numbers", lambda column: None)
    monkeypatch.setattr(table, "_no_blank_ids", lambda ids: False)
    monkeypatch.setattr(table, "_rising", lambda sessions: False)
    monkeypatch.setattr(detector, "_in_order", lambda events: False)
    monkeypatch.setattr(table.Sessions, "required", _read_every_time)
    monkeypatch.setattr(table, "_already_numbers", lambda column: False)
    monkeypatch.setattr(detector, "_any_value", lambda frame, column: frame[column].notna().any())


def _read_every_time(self, name):
    return self.frame[name].to_numpy(dtype=float)


def _events(make, tables: list[pd.DataFrame]) -> list[pd.DataFrame]:
    return [make().fit(t).events_ for t in tables]


@pytest.mark.parametrize("name", DETECTORS)
def test_each_clients_events_equal_those_of_the_full_checks(monkeypatch, clinic_sessions, name):
    tables = [group for _, group in clinic_sessions.groupby("client_id", sort=False)]
    fast = _events(DETECTORS[name], tables)
    with monkeypatch.context() as patched:
        _without_short_cuts(patched)
        full = _events(DETECTORS[name], tables)
    assert sum(len(events) for events in fast) >= 10  # the clinic has ruptures to compare
    for found, expected in zip(fast, full, strict=True):
        pd.testing.assert_frame_equal(found, expected, check_exact=True)


@pytest.mark.parametrize("name", DETECTORS)
def test_the_whole_clinics_events_equal_those_of_the_full_checks(
    monkeypatch, clinic_sessions, name
):
    shuffled = clinic_sessions.sample(frac=1.0, random_state=np.random.default_rng(5))
    fast = DETECTORS[name]().fit(shuffled).events_
    with monkeypatch.context() as patched:
        _without_short_cuts(patched)
        full = DETECTORS[name]().fit(shuffled).events_
    pd.testing.assert_frame_equal(fast, full, check_exact=True)


def test_a_column_read_once_cannot_be_changed_by_a_rule(clinic_sessions):
    sessions = table.check_sessions(clinic_sessions)
    values = sessions.required("alliance")
    assert sessions.required("alliance") is values
    with pytest.raises(ValueError, match="read-only"):
        values[0] = 0.0


def test_a_blank_id_and_a_session_twice_are_still_refused(clinic_sessions):
    one = clinic_sessions[clinic_sessions["client_id"] == "C0001"].copy()
    blank = one.assign(client_id=["C0001"] * (len(one) - 1) + [" "])
    with pytest.raises(table.RuptureInputError, match=f"row {len(one)}: empty client id"):
        table.check_sessions(blank)
    twice = pd.concat([one, one.iloc[[2]]])
    with pytest.raises(table.RuptureInputError, match="has session 3 more than once"):
        table.check_sessions(twice)
