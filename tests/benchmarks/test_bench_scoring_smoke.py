"""The scoring benchmark's generator, and the whole-process comparison on a small file."""

from __future__ import annotations

from alliance.measures import get_instrument, score_answers
from benchmarks import bench_scoring
from benchmarks.bench_scoring import KEYS, generate_answers, group_sum


def test_the_generator_is_seeded_and_writes_the_interchange_format():
    first, again = generate_answers(1_000, seed=3), generate_answers(1_000, seed=3)
    assert len(first) == 1_000
    assert first.equals(again)
    assert list(first.columns) == [
        "client_id",
        "session",
        "instrument",
        "item",
        "value",
        "respondent",
    ]
    assert set(first["instrument"]) == {"alliance-checkin", "phq-9", "wai-sr"}


def test_every_generated_value_is_a_valid_answer_and_scores_like_the_baseline_groups():
    answers = generate_answers(1_000, seed=4)
    for (instrument_id, item_id), values in answers.groupby(["instrument", "item"])["value"]:
        assert set(values) <= set(get_instrument(instrument_id).item(item_id).values)
    scored = score_answers(answers)
    assert len(scored) == len(group_sum(answers))
    assert not scored.duplicated(KEYS).any()
    wai = scored[scored["instrument"] == "wai-sr"]
    assert wai["total"].dropna().between(12, 60).all()


def test_the_benchmark_runs_both_processes_and_judges_the_ratio(capsys):
    bench_scoring.run(2_000, pairs=1)
    printed = capsys.readouterr().out
    assert "alliance score vs read + group-by sum + write" in printed
    assert "target at most 3x" in printed
