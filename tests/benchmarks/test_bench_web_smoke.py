"""The web benchmark's seeding, posts, caseload timing and report, on tiny sizes (no timing)."""

from __future__ import annotations

import dataclasses

import pytest

from alliance.web.clinic.models import AuditEvent, CheckinLink, Response
from benchmarks import bench_web
from benchmarks._web_caseload import INSTRUMENTS, seed_caseload, time_caseload
from benchmarks._web_data import seed_checkin_links
from benchmarks._web_urls import BARE_INSERT_PATH, BARE_INSERT_REPLY

TINY = bench_web.Sizes(
    per_round=4, rounds=1, threads=2, workers=1, clients=3, sessions=2, renders=1
)


def test_every_seeded_checkin_post_is_accepted_once(client, db):
    posts = seed_checkin_links(3, sessions_per_client=2)
    assert len({post.path for post in posts}) == 3
    for post in posts:
        page = client.post(post.path, post.fields, follow=True)
        assert "Thank you" in page.content.decode()
    assert CheckinLink.objects.filter(used_at__isnull=False).count() == 3
    assert Response.objects.filter(link__isnull=False).count() == 3 * 3


@pytest.mark.urls("benchmarks._web_urls")
def test_the_bare_view_inserts_exactly_one_row(client, db):
    before = AuditEvent.objects.count()
    page = client.post(BARE_INSERT_PATH)
    assert page.content == BARE_INSERT_REPLY
    assert AuditEvent.objects.count() == before + 1


def test_the_seeded_caseload_lists_every_client_with_its_history(db):
    therapist = seed_caseload("tiny", n_clients=3, n_sessions=4)
    assert Response.objects.filter(client__therapist=therapist).count() == 3 * 4 * len(INSTRUMENTS)
    timing = time_caseload(therapist, renders=2)
    assert timing.rows == 3
    assert timing.queries > 0 and timing.median_ms > 0


def _figures(checkin_ok=4, *, checkin=60.0, end_to_end=40.0, median_ms=20.0, pairs=5) -> dict:
    load = {"requests": 4, "seconds": 1.0, "failures": {}}
    pair = {"bare": 100.0, "checkin": checkin, "end_to_end": end_to_end, "drain_seconds": 0.5}
    return {
        "checkin": {**load, "ok": checkin_ok, "per_second": checkin},
        "bare": {**load, "ok": 4, "per_second": 100.0},
        "pairs": [pair] * pairs,
        "alerts": 2,
        "caseload": {"median_ms": median_ms, "renders": 1, "queries": 7, "rows": 3},
        "baseline": {"median_ms": 5.0, "renders": 1, "queries": 7, "rows": 1},
    }


def test_the_report_passes_only_when_every_target_is_met(capsys):
    assert bench_web.report("x", _figures(), TINY)
    assert not bench_web.report("x", _figures(checkin=40), TINY)
    assert not bench_web.report("x", _figures(end_to_end=25), TINY)
    assert not bench_web.report("x", _figures(3), TINY)
    assert not bench_web.report("x", _figures(median_ms=200), TINY)
    assert not bench_web.report("x", _figures(pairs=4), TINY)
    printed = capsys.readouterr().out
    assert "ratio check-in submit / bare: 0.60" in printed
    assert "ratio end to end / bare: 0.40" in printed and "FAIL" in printed


def test_a_caseload_larger_than_a_page_is_judged_on_its_full_first_page(capsys):
    big = dataclasses.replace(TINY, clients=120)
    full_page = _figures()
    full_page["caseload"]["rows"] = 50
    assert bench_web.report("x", full_page, big)
    short_page = _figures()
    short_page["caseload"]["rows"] = 49
    assert not bench_web.report("x", short_page, big)
    assert "caseload of 120 clients x" in capsys.readouterr().out


def test_the_ratios_are_medians_of_each_pairs_own_ratio():
    pairs = [
        {"bare": bare, "checkin": bare * ratio, "end_to_end": bare * ratio / 2, "drain_seconds": 1}
        for bare, ratio in [(100, 0.9), (50, 0.5), (200, 0.6), (80, 0.7), (10, 0.1)]
    ]
    medians = bench_web.pair_medians(pairs)
    assert medians["bare"] == 80 and medians["checkin"] == 56
    assert medians["submit_ratio"] == pytest.approx(0.6)
    assert medians["end_to_end_ratio"] == pytest.approx(0.3)


@pytest.mark.slow  # a whole process or many generated cases; `make test` runs it
def test_one_database_is_measured_end_to_end_through_gunicorn():
    with bench_web.sqlite_database() as database:
        found = bench_web.measure(database, TINY)
    for kind in ("checkin", "bare"):
        assert found[kind]["ok"] == found[kind]["requests"] == TINY.per_round * TINY.rounds
    assert len(found["pairs"]) == TINY.rounds and found["pairs"][0]["end_to_end"] > 0
    assert found["caseload"]["rows"] == TINY.clients
    assert found["baseline"]["rows"] == 1
