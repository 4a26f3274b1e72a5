"""The serving benchmark's bare view, its report and a tiny end-to-end run (no timing judged)."""

from __future__ import annotations

import pytest

from benchmarks import bench_serving
from benchmarks._web_urls import BARE_SELECT_PATH, BARE_SELECT_REPLY

TINY = bench_serving.Sizes(
    users=2, checkin_users=2, clients=2, sessions=2, links=2, per_round=4, rounds=1
)


@pytest.mark.urls("benchmarks._web_urls")
def test_the_bare_view_reads_one_row_in_one_query(client, db, django_assert_num_queries):
    with django_assert_num_queries(1):
        page = client.get(BARE_SELECT_PATH)
    assert page.content == BARE_SELECT_REPLY


def _pairs(page_rate: float, *, pairs: int = 5, ok: int = 10) -> list[dict]:
    side = {"requests": 10, "failures": {}}
    return [
        {
            "bare": {**side, "ok": 10, "per_second": 100.0},
            "page": {**side, "ok": ok, "per_second": page_rate},
        }
    ] * pairs


def test_each_page_is_judged_on_the_median_of_its_pairs_ratios(capsys):
    sizes = bench_serving.Sizes()
    assert bench_serving.report("x", {"caseload": _pairs(11), "checkin": _pairs(55)}, sizes)
    assert not bench_serving.report("x", {"caseload": _pairs(9), "checkin": _pairs(55)}, sizes)
    assert not bench_serving.report("x", {"caseload": _pairs(11), "checkin": _pairs(45)}, sizes)
    short = {"caseload": _pairs(11, pairs=4), "checkin": _pairs(55)}
    assert not bench_serving.report("x", short, sizes)
    failed = {"caseload": _pairs(11, ok=9), "checkin": _pairs(55)}
    assert not bench_serving.report("x", failed, sizes)
    printed = capsys.readouterr().out
    assert "caseload, 16 users at once: 11.0/s; bare one-row view (baseline): 100.0/s" in printed
    assert "median of the pairs' ratios 0.550" in printed and "FAIL" in printed


@pytest.mark.slow  # a whole process or many generated cases; `make test` runs it
def test_one_database_is_measured_through_gunicorn():
    with bench_serving.databases()[0][1] as env:
        found = bench_serving.measure(env, TINY)
    for kind in ("caseload", "checkin"):
        (pair,) = found[kind]
        for side in ("bare", "page"):
            assert pair[side]["ok"] == pair[side]["requests"] == TINY.per_round
