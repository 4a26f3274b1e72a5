"""`alliance score` on 10 million answer rows in a folder of Parquet files partitioned by site:
peak memory of the whole process beside a bare pass that reads the whole table, sums per
administration and writes (both alternated A B A B; time and memory judged).

Targets: peak memory at most 2 GB, and at most 2x the bare pass's peak (which holds the table
once); time at most 3x the bare pass.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ._compare import PAIRS, REPO, Comparison, alliance_argv, judge
from .bench_scoring import generate_answers

N_ROWS = 10_000_000
PART_ROWS = 1_000_000
SITES = 4
MAX_PEAK_BYTES = 2 * 1024**3
TARGET_MEMORY_RATIO = 2.0
TARGET_TIME_RATIO = 3.0


def write_folder(folder: Path, n_rows: int = N_ROWS, part_rows: int = PART_ROWS) -> int:
    """Parquet parts of whole clients under site=s0 ... site=s3; returns the rows written."""
    written = 0
    for part in range(-(-n_rows // part_rows)):
        rows = generate_answers(min(part_rows, n_rows - written), seed=part + 1)
        rows["client_id"] = f"p{part}-" + rows["client_id"]
        site = folder / f"site=s{part % SITES}"
        site.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pandas(rows, preserve_index=False), site / f"{part}.parquet")
        written += len(rows)
    return written


def peak_and_seconds(argv: list[str]) -> tuple[int, float]:
    import time

    started = time.perf_counter()
    found = subprocess.run(
        [sys.executable, "-m", "benchmarks._peak", *argv],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    )
    return int(found.stdout.split()[-1]), time.perf_counter() - started


def run(n_rows: int = N_ROWS, *, pairs: int = PAIRS, part_rows: int = PART_ROWS) -> bool:
    with tempfile.TemporaryDirectory(prefix="alliance-bench-big-") as folder:
        data, out = Path(folder) / "answers", Path(folder) / "out.csv"
        written = write_folder(data, n_rows, part_rows)
        project = alliance_argv("score", str(data), "--format", "csv")
        bare = [sys.executable, "-m", "benchmarks._baseline", "score", str(data), str(out)]
        peaks, times = {"project": [], "bare": []}, Comparison()
        for _ in range(pairs):
            for side, argv, seconds in (
                ("project", project, times.project),
                ("bare", bare, times.baseline),
            ):
                peak, elapsed = peak_and_seconds(argv)
                peaks[side].append(peak)
                seconds.append(elapsed)
    return _report(written, peaks, times)


def _report(written: int, peaks: dict[str, list[int]], times: Comparison) -> bool:
    project, bare = max(peaks["project"]), max(peaks["bare"])
    ratio = project / bare
    within = project <= MAX_PEAK_BYTES and ratio <= TARGET_MEMORY_RATIO
    print(f"rows: {written:,} answer rows in {SITES} site partitions of Parquet files")
    print(
        f"peak memory: alliance score {project / 1024**3:.2f} GB, bare pass "
        f"{bare / 1024**3:.2f} GB (highest of {len(peaks['project'])} runs each); ratio "
        f"{ratio:.2f}x, target at most {MAX_PEAK_BYTES / 1024**3:g} GB and "
        f"{TARGET_MEMORY_RATIO:g}x: {'PASS' if within else 'FAIL'}"
    )
    speed = judge("alliance score vs read + group-by sum + write", times, at_most=TARGET_TIME_RATIO)
    print(f"median peak: project {statistics.median(peaks['project']) / 1024**3:.2f} GB")
    return within and speed
