"""The page benchmark runs end to end on tiny sizes in its own process (no timing judged here)."""

from __future__ import annotations

import pytest

from benchmarks import bench_pages
from benchmarks._compare import Comparison

TINY = bench_pages.Sizes(
    clients=3,
    sessions=2,
    few_sessions=1,
    caseload_series=[1, 3],
    team_sizes=[2, 4],
    team_sessions=1,
    pairs=1,
)


@pytest.mark.slow  # a whole process or many generated cases; `make test` runs it
def test_one_database_is_measured_with_queries_and_the_team_series(capsys):
    with bench_pages.databases()[0][1] as env:
        found = bench_pages.measure(env, TINY)
    assert found["caseload"]["queries"] > 0 and len(found["caseload"]["project"]) == 1
    assert set(found["team"]) == {"2", "4"} and set(found["series"]) == {"1", "3"}
    assert found["team_last_page"]["page"] == 1
    bench_pages.report("sqlite", found, TINY)
    printed = capsys.readouterr().out
    assert "caseload 3 clients x 2 sessions vs 1 client" in printed
    assert "team dashboard time grows as team size to the power" in printed
    assert "caseload time grows as clients to the power" in printed
    assert "team dashboard, page 1 of the largest team vs 1 client" in printed


def test_the_growth_power_is_the_slope_on_log_scales():
    assert abs(bench_pages._slope([(0.0, 0.0), (1.0, 1.5), (2.0, 3.0)]) - 1.5) < 1e-12


def test_a_team_page_over_twice_the_one_client_caseload_fails(capsys):
    slow = {"project": [0.3], "baseline": [0.1], "queries": 5, "baseline_queries": 5}
    fast = {**slow, "project": [0.1]}
    assert not bench_pages._report_team("x", {"10": slow, "20": slow}, {**fast, "page": 2})
    assert not bench_pages._report_team("x", {"10": fast, "20": fast}, {**slow, "page": 2})
    assert bench_pages._report_team("x", {"10": fast, "20": fast}, {**fast, "page": 2})
    assert Comparison([0.3], [0.1]).ratio > bench_pages.TEAM_RATIO
    assert "FAIL" in capsys.readouterr().out
