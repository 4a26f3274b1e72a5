"""Project against baseline, alternated in one run: A B A B ..., medians, ratio, PASS or FAIL.

Every benchmark in this folder times its two sides through `alternate`, so background load on a
shared machine falls on both sides alike, and judges the ratio of the medians with `judge`.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PAIRS = 5  # the fewest A B pairs a judged figure rests on
REPO = Path(__file__).resolve().parents[1]
# the benchmarks and this checkout's own package (not whichever copy is installed)
PYTHONPATH = os.pathsep.join([str(REPO), str(REPO / "src")])


@dataclass
class Comparison:
    """Seconds of each alternated run of the project and of its baseline."""

    project: list[float] = field(default_factory=list)
    baseline: list[float] = field(default_factory=list)

    @property
    def project_median(self) -> float:
        return statistics.median(self.project)

    @property
    def baseline_median(self) -> float:
        return statistics.median(self.baseline)

    @property
    def ratio(self) -> float:
        return self.project_median / self.baseline_median if self.baseline_median else float("inf")


def alternate(
    project: Callable[[], object], baseline: Callable[[], object], *, pairs: int = PAIRS
) -> Comparison:
    """Run project then baseline, `pairs` times over, timing each run on its own."""
    found = Comparison()
    for _ in range(pairs):
        found.project.append(_seconds(project))
        found.baseline.append(_seconds(baseline))
    return found


def _seconds(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def judge(label: str, found: Comparison, *, at_most: float, unit: str = "s") -> bool:
    """Print both medians and their ratio against the target; True when the ratio is met."""
    met = found.ratio <= at_most
    scale = 1000.0 if unit == "ms" else 1.0
    print(
        f"{label}: project {found.project_median * scale:.3f} {unit}, "
        f"baseline {found.baseline_median * scale:.3f} {unit} "
        f"(medians of {len(found.project)} alternated pairs); "
        f"ratio {found.ratio:.2f}x, target at most {at_most:g}x: {'PASS' if met else 'FAIL'}",
        flush=True,
    )
    return met


def judge_at_least(label: str, share: float, *, target: float) -> bool:
    """For rates: the project's share of the baseline's rate, judged against a floor."""
    met = share >= target
    print(
        f"{label}: {100 * share:.1f}% of the baseline, target at least {100 * target:g}%: "
        f"{'PASS' if met else 'FAIL'}",
        flush=True,
    )
    return met


def log_slope(points: list[tuple[float, float]]) -> float:
    """The least-squares slope through (log size, log seconds) points: the growth power."""
    mean_x = statistics.fmean(x for x, _ in points)
    mean_y = statistics.fmean(y for _, y in points)
    top = sum((x - mean_x) * (y - mean_y) for x, y in points)
    return top / sum((x - mean_x) ** 2 for x, _ in points)


def run_process(argv: list[str], *, stdout: Path | None = None) -> None:
    """Run one whole process (as a user would), its output to a file; fail loudly on an error."""
    env = {**os.environ, "PYTHONPATH": PYTHONPATH}
    with open(stdout or os.devnull, "wb") as sink:
        subprocess.run(argv, cwd=REPO, env=env, stdout=sink, stderr=subprocess.PIPE, check=True)


def alliance_argv(*args: str) -> list[str]:
    """The `alliance` command line, run by this interpreter from the checkout's src."""
    return [sys.executable, "-m", "alliance", *args]


def python_argv(module: str, *args: str) -> list[str]:
    return [sys.executable, "-m", module, *args]
