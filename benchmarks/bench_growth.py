"""How the science's cost grows with size: `alliance score`, `ruptures` and `analyze`, whole
process, at 10^5, 10^6 and 10^7 rows, each beside its bare pass at the same size, alternated.

The growth power is the slope of log seconds on log rows from the smallest size to the largest,
on the seconds net of starting the process (each side's median on 1,000 rows, subtracted), since a
fixed start-up would otherwise pass for slow growth. Target: at most 1.1 (about linear: twice the
rows, about twice the work), for the project as for its bare pass. Each process's processor
seconds (user and system, all its threads) are timed beside its wall seconds, and the power is
judged on the processor seconds, which other work on a shared machine moves far less (the wall
figures are printed too). `ALLIANCE_BENCH_GROWTH_TOP` (rows) caps the largest size for a machine
without the memory or the time for 10^7.

`python -m benchmarks.bench_growth peak KIND [ROWS]` measures peak resident memory instead: the
command's and its bare pass's at one size (10^6 rows by default), beside the table's own size in
memory; target: the command at most twice its bare pass, which holds the same table.
"""

from __future__ import annotations

import math
import os
import resource
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ._compare import Comparison, alliance_argv, alternate, log_slope, python_argv, run_process
from .bench_big_inputs import peak_and_seconds
from .bench_ruptures import session_table
from .bench_scoring import generate_answers
from .bench_trajectories import sessions_table

SIZES = (100_000, 1_000_000, 10_000_000)
STARTUP_ROWS = 1_000
TARGET_POWER = 1.1
PEAK_ROWS = 1_000_000
TARGET_MEMORY_RATIO = 2.0


def _ruptures_rows(n_rows: int) -> pd.DataFrame:
    return session_table(max(n_rows // 20, 1), 20)


WORK: dict[str, tuple[Callable[[int], pd.DataFrame], list[str]]] = {
    "score": (generate_answers, ["score", "--format", "csv"]),
    "ruptures": (_ruptures_rows, ["ruptures", "--format", "csv"]),
    "analyze": (sessions_table, ["analyze", "--format", "json"]),
}


def sizes() -> list[int]:
    top = int(os.environ.get("ALLIANCE_BENCH_GROWTH_TOP", SIZES[-1]))
    return [size for size in SIZES if size <= top]


def measure(kind: str, n_rows: int, pairs: int) -> tuple[int, Comparison, Comparison]:
    """One size of one command: its input written as Parquet, then both sides alternated.
    Returns the rows, the wall seconds and the processor seconds."""
    make, args = WORK[kind]
    table = make(n_rows)
    cpu = Comparison()
    with tempfile.TemporaryDirectory(prefix=f"alliance-bench-growth-{kind}-") as folder:
        source, out = Path(folder) / "input.parquet", Path(folder) / "out"
        table.to_parquet(source, index=False)
        del table
        command = [args[0], str(source), *args[1:]]
        bare = python_argv("benchmarks._baseline", kind, str(source), str(out))
        found = alternate(
            lambda: cpu.project.append(_cpu_seconds(alliance_argv(*command), out)),
            lambda: cpu.baseline.append(_cpu_seconds(bare, None)),
            pairs=pairs,
        )
    return n_rows, found, cpu


def _cpu_seconds(argv: list[str], stdout: Path | None) -> float:
    """Run one process; its processor seconds (user and system, every thread)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run_process(argv, stdout=stdout)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def power(rows: list[int], seconds: list[float]) -> float:
    """The slope of log seconds on log rows (least squares)."""
    return log_slope([(math.log(n), math.log(t)) for n, t in zip(rows, seconds, strict=True)])


def report(
    kind: str, startup: Comparison, found: list[tuple[int, Comparison]], unit: str = "s"
) -> bool:
    rows = [n for n, _ in found]
    print(
        f"{kind} start-up ({STARTUP_ROWS:,} rows): project {startup.project_median:.2f} {unit}, "
        f"baseline {startup.baseline_median:.2f} {unit}",
        flush=True,
    )
    for n, comparison in found:
        print(
            f"{kind} {n:>12,} rows: project {comparison.project_median:8.2f} {unit}, "
            f"baseline {comparison.baseline_median:8.2f} {unit}, ratio {comparison.ratio:.2f}x",
            flush=True,
        )
    project = power(rows, _net([c.project_median for _, c in found], startup.project_median))
    baseline = power(rows, _net([c.baseline_median for _, c in found], startup.baseline_median))
    met = project <= TARGET_POWER
    print(
        f"{kind}: growth power {project:.2f} in {unit} from {rows[0]:,} to {rows[-1]:,} rows "
        f"net of start-up (baseline {baseline:.2f}); target at most {TARGET_POWER:g}: "
        f"{'PASS' if met else 'FAIL'}",
        flush=True,
    )
    return met


def _net(seconds: list[float], startup: float) -> list[float]:
    return [max(s - startup, 1e-3) for s in seconds]


def run(kinds: tuple[str, ...] = tuple(WORK), *, pairs: int = 3) -> bool:
    chosen = sizes()
    if len(chosen) < 2:
        raise ValueError(f"need two sizes or more to fit a growth power; have {chosen}")
    results = []
    for kind in kinds:
        _, startup, startup_cpu = measure(kind, STARTUP_ROWS, pairs)
        found = [measure(kind, n, pairs if n < 10_000_000 else 1) for n in chosen]
        report(kind, startup, [(n, wall) for n, wall, _ in found], unit="s wall")
        cpu = [(n, processor) for n, _, processor in found]
        results.append(report(kind, startup_cpu, cpu, unit="s CPU"))
    return all(results)


def peak_memory(kind: str, n_rows: int = PEAK_ROWS) -> bool:
    """Peak resident memory of the command and of its bare pass on the same Parquet file."""
    make, args = WORK[kind]
    table = make(n_rows)
    held = int(table.memory_usage(deep=True).sum())
    with tempfile.TemporaryDirectory(prefix=f"alliance-bench-peak-{kind}-") as folder:
        source, out = Path(folder) / "input.parquet", Path(folder) / "out"
        table.to_parquet(source, index=False)
        del table
        project, _ = peak_and_seconds(alliance_argv(args[0], str(source), *args[1:]))
        bare, _ = peak_and_seconds(python_argv("benchmarks._baseline", kind, str(source), str(out)))
    met = project <= TARGET_MEMORY_RATIO * bare
    print(
        f"{kind} {n_rows:,} rows: peak memory project {project / 1e6:,.0f} MB, bare pass "
        f"{bare / 1e6:,.0f} MB, ratio {project / bare:.2f}x (target at most "
        f"{TARGET_MEMORY_RATIO:g}x): {'PASS' if met else 'FAIL'}; the table in memory "
        f"{held / 1e6:,.0f} MB",
        flush=True,
    )
    return met


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["peak"]:
        sys.exit(0 if peak_memory(sys.argv[2], *map(int, sys.argv[3:4])) else 1)
    kinds = tuple(sys.argv[1:]) or tuple(WORK)
    sys.exit(0 if run(kinds) else 1)
