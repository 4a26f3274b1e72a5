import numpy as np
import pandas as pd

from alliance.analysis.ruptures.baseline import recent_mean
from alliance.analysis.ruptures.table import check_sessions


def test_the_recent_level_is_the_mean_of_the_last_attended_sessions_of_that_client():
    table = pd.DataFrame(
        {
            "client_id": ["a"] * 6 + ["b"] * 3,
            "session": [1, 2, 3, 4, 5, 6, 1, 2, 3],
            "alliance": [1.0, 2.0, np.nan, 4.0, 5.0, 6.0, 9.0, 7.0, 5.0],
        }
    )
    sessions = check_sessions(table)
    level = recent_mean(sessions.required("alliance"), sessions, 2)
    # a: before session 4 the last two answered are 1 and 2 (3 is missing); b starts afresh
    expected = [np.nan, 1.0, 1.5, 1.5, 3.0, 4.5, np.nan, 9.0, 8.0]
    np.testing.assert_allclose(level, expected)
