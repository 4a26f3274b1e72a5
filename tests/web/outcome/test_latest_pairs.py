"""The follow-up's table-free placement reads the same intake and latest score as the tables."""

import numpy as np
import pandas as pd

from alliance.analysis.trajectories import ExpectedRecovery
from alliance.web.clinic.tables import intake_and_latest, outcome_table, recovery_history
from alliance.web.outcome.pairs import later_pairs_frame, latest_pairs
from alliance.web.outcome.recovery import tracks, tracks_from_rows

COLUMNS = ["client_id", "episode", "instrument", "session", "total"]


def seeded_rows(seed: int) -> list[tuple]:
    """Clients with one to three episodes, sessions out of order, some totals missing."""
    rng = np.random.default_rng(seed)
    rows = []
    for client in range(60):
        for episode in rng.choice(np.arange(100), int(rng.integers(1, 4)), replace=False):
            for session in rng.permutation(np.arange(1, int(rng.integers(2, 12)))):
                total = None if rng.random() < 0.1 else int(rng.integers(0, 28))
                rows.append((client, int(episode), int(session), total))
    return rows


def as_table(rows: list[tuple]):
    return outcome_table(
        dict(zip(COLUMNS, (c, e, "phq-9", s, t), strict=True)) for c, e, s, t in rows
    )


def test_latest_pairs_are_the_tables_intake_and_latest():
    rows = seeded_rows(seed=21)
    pairs = intake_and_latest(as_table(rows), "phq-9")
    expected = [(c, r.intake, r.latest, r.session, r.course) for c, r in pairs.iterrows()]
    assert latest_pairs(rows) == expected


def place_all_of_pairs(model, rows: list[tuple]) -> dict:
    """The placement as the tables give it: each client's intake and latest through place_all."""
    pairs = intake_and_latest(as_table(rows), "phq-9")
    pairs = pairs[pairs["course"] > 1]
    ids = [str(c) for c in pairs.index]
    placed = model.place_all(
        pd.DataFrame(
            {
                "client_id": ids * 2,
                "session": [1] * len(ids) + pairs["course"].astype(int).tolist(),
                "outcome": pairs["intake"].tolist() + pairs["latest"].tolist(),
            }
        )
    )
    return placed.set_index("client_id")


def test_a_placement_from_rows_is_place_all_of_the_tables_pairs():
    model = ExpectedRecovery(scale_range=(0.0, 27.0), min_clients=10)
    model.fit(recovery_history(as_table(seeded_rows(seed=23)), "phq-9"))
    rows = seeded_rows(seed=22)
    found, table = tracks_from_rows(model, rows), place_all_of_pairs(model, rows)
    assert sorted(str(c) for c in found) == sorted(table.index)
    for client_id, track in found.items():
        row = table.loc[str(client_id)]
        assert track.status == row["status"] and track.above_band == (
            row["band_status"] == "not-on-track"
        )
        assert track.default_curve == (row["source"] == "default")
        got = [track.outcome, track.expected, track.lower, track.upper, track.projected_change]
        want = row[["outcome", "expected", "lower", "upper", "projected_change"]].tolist()
        assert np.allclose(got, want, rtol=0, atol=1e-9)
    assert {t.status for t in found.values()} >= {"on-track", "not-on-track"}
    assert tracks(model, as_table(rows), "phq-9") == found


def test_the_later_pairs_frame_is_the_tables_with_a_later_score():
    rows = seeded_rows(seed=24)
    pairs = intake_and_latest(as_table(rows), "phq-9")
    expected = pairs[pairs["course"] > 1]
    pd.testing.assert_frame_equal(later_pairs_frame(as_table(rows), "phq-9"), expected)
    empty = later_pairs_frame(as_table(rows), "gad-7")
    assert empty.empty and list(empty.columns) == list(expected.columns)
