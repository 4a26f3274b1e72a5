"""The bare passes each whole-process benchmark is judged against, run as their own process.

python -m benchmarks._baseline KIND INPUT OUTPUT, where KIND is score, ruptures or analyze. Each
reads the same file the `alliance` command reads, does the least that work needs in plain
vectorised pandas and numpy, and writes a CSV.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

SCORE_KEYS = ["client_id", "session", "instrument", "respondent"]
SCALES = ["alliance", "goal", "task", "bond"]


def score(table: pd.DataFrame) -> pd.DataFrame:
    """Read + group-by sum: one total per administration."""
    return table.groupby(SCORE_KEYS, sort=False)["value"].sum().reset_index()


def ruptures(table: pd.DataFrame, k: float = 2.0, within: int = 3) -> pd.DataFrame:
    """Expanding mean and SD of earlier sessions per client, a k-SD drop, a return within 3."""
    table = table.sort_values(["client_id", "session"], kind="stable")
    grouped = table.groupby("client_id", sort=False)["alliance"]
    count = grouped.cumcount()
    total, squares = grouped.cumsum(), (table["alliance"] ** 2).groupby(table["client_id"]).cumsum()
    before = count.where(count >= 3)
    mean = (total - table["alliance"]) / before
    var = ((squares - table["alliance"] ** 2) - before * mean**2) / (before - 1)
    drop = table["alliance"] <= mean - k * np.sqrt(var.clip(lower=0))
    ahead = pd.concat([grouped.shift(-n) for n in range(1, within + 1)], axis=1).max(axis=1)
    repaired = drop & (ahead >= mean)
    return table.loc[drop, ["client_id", "session"]].assign(repaired=repaired[drop])


def analyze(table: pd.DataFrame) -> pd.DataFrame:
    """Within-client least squares of outcome on each scale, and per-session outcome quantiles."""
    codes = pd.factorize(table["client_id"])[0]
    outcome = _demeaned(table["outcome"].to_numpy(dtype=float), codes)
    slopes = {}
    for scale in (s for s in SCALES if s in table):
        x = _demeaned(table[scale].to_numpy(dtype=float), codes)
        slopes[scale] = float(x @ outcome / (x @ x))
    quantiles = table.groupby("session")["outcome"].quantile([0.1, 0.5, 0.9]).unstack()
    return quantiles.assign(**slopes).reset_index()


def _demeaned(values: np.ndarray, codes: np.ndarray) -> np.ndarray:
    means = np.bincount(codes, values) / np.bincount(codes)
    return values - means[codes]


WORK = {"score": score, "ruptures": ruptures, "analyze": analyze}


def main(kind: str, source: str, target: str) -> None:
    path = Path(source)
    parquet = path.is_dir() or path.suffix == ".parquet"
    table = pq.read_table(source).to_pandas() if parquet else pd.read_csv(source)
    WORK[kind](table).to_csv(target, index=False)


if __name__ == "__main__":
    main(*sys.argv[1:])
