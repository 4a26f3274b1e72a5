import numpy as np
import pandas as pd
import pytest
from scipy import stats

from alliance.analysis.ruptures import RuptureDetector, SuddenLoss
from alliance.analysis.ruptures.rules.sudden_loss import _significant

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


CRITICAL = (2.776, 3.182, 4.303)


def test_a_large_lasting_drop_is_a_sudden_loss():
    events = RuptureDetector([SuddenLoss()]).fit(series([8, 8.5, 8, 8.2, 5, 5.3, 5.1, 5])).events_
    assert list(events.onset_session) == [5]
    assert events.thresholds[0]["sudden-loss"]["reliable_change"] == 1.3  # from the instrument


def test_a_drop_smaller_than_the_reliable_change_is_not():
    alliance = [8, 8.5, 8, 8.2, 7.2, 7.3, 7.1, 7]
    assert len(RuptureDetector([SuddenLoss()]).fit(series(alliance)).events_) == 0
    loose = RuptureDetector([SuddenLoss(reliable_change=0.5, min_fraction=0.1)])
    assert len(loose.fit(series(alliance)).events_) == 1


def test_a_drop_under_a_quarter_of_the_score_is_not():
    alliance = [8, 8.5, 8, 8.2, 6.5, 6.5, 6.4, 6.5]  # 1.7 < 0.25 * 8.2
    assert len(RuptureDetector([SuddenLoss()]).fit(series(alliance)).events_) == 0


def test_a_drop_that_bounces_straight_back_fails_the_t_test():
    alliance = [8, 8.5, 8, 8.2, 5, 8.4, 8.1, 8]
    assert len(RuptureDetector([SuddenLoss()]).fit(series(alliance)).events_) == 0


@pytest.mark.parametrize("blank", [(), (0,), (4,), (0, 5), (1, 3)])
def test_the_critical_t_rises_with_missing_sessions(blank):
    rng = np.random.default_rng(7)
    for _ in range(200):
        before, after = rng.normal(8, 1, 3), rng.normal(6.5, 1, 3)
        values = np.r_[before, after]
        values[list(blank)] = np.nan
        b, a = values[:3], values[3:]
        t = stats.ttest_ind(b[~np.isnan(b)], a[~np.isnan(a)]).statistic
        expected = t > CRITICAL[len(blank)]
        assert _significant(b[None, :], a[None, :], CRITICAL)[0] == expected


def test_three_missing_sessions_are_too_many():
    before, after = np.array([[8.0, np.nan, np.nan]]), np.array([[2.0, np.nan, 2.5]])
    assert not _significant(before, after, CRITICAL)[0]
