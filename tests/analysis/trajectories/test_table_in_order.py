"""A session table already in order (as a checked table is) is checked without sorting it again,
and comes out as the full check gives it; any disorder or repeat still takes the full check."""

import numpy as np
import pandas as pd
import pytest

from alliance.analysis.trajectories.table import check_sessions
from alliance.interop.tables import TableError


def sessions(seed: int = 0, n_clients: int = 300) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    counts = rng.integers(1, 15, n_clients)
    client = np.repeat(np.arange(n_clients), counts)
    return pd.DataFrame(
        {
            "client_id": pd.Series(np.char.add("c", client.astype(str)), dtype="str"),
            "session": np.concatenate([np.arange(1, n + 1) for n in counts]),
            "outcome": rng.integers(0, 28, len(client)),
            "note": rng.normal(size=len(client)),
        }
    )


def full_check(table: pd.DataFrame) -> pd.DataFrame:
    """What the check gives when it must sort: the rows shuffled first."""
    shuffled = table.sample(frac=1, random_state=1)
    return check_sessions(shuffled, ["outcome"])


def test_a_table_in_order_comes_out_as_the_sorting_check_gives_it():
    checked = check_sessions(sessions(), ["outcome"])
    pd.testing.assert_frame_equal(check_sessions(checked, ["outcome"]), checked)
    pd.testing.assert_frame_equal(checked, full_check(sessions()))


def test_the_callers_table_is_left_as_it_was():
    table = sessions()
    before = table.copy()
    checked = check_sessions(table, ["outcome"])
    checked.loc[0, "outcome"] = 99.0
    pd.testing.assert_frame_equal(table, before)


def test_a_visit_twice_in_a_row_is_still_refused():
    table = sessions()
    twice = pd.concat([table.iloc[:3], table.iloc[2:3], table.iloc[3:]], ignore_index=True)
    with pytest.raises(TableError, match="has session .* twice"):
        check_sessions(twice, ["outcome"])


def test_sessions_out_of_order_within_a_client_are_sorted():
    table = sessions().iloc[[1, 0, *range(2, 40)]].reset_index(drop=True)
    pd.testing.assert_frame_equal(
        check_sessions(table, ["outcome"]), check_sessions(sessions().iloc[:40], ["outcome"])
    )


def test_ids_in_code_point_order_need_no_sort_and_others_are_sorted():
    table = pd.DataFrame({"client_id": ["B", "a", "é"], "session": [1, 1, 1], "outcome": [1, 2, 3]})
    assert check_sessions(table, ["outcome"])["client_id"].tolist() == ["B", "a", "é"]
    backwards = table.iloc[::-1].reset_index(drop=True)
    assert check_sessions(backwards, ["outcome"])["client_id"].tolist() == ["B", "a", "é"]
