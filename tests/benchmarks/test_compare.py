"""The benchmarks' shared harness: alternation, medians, ratio and its verdict."""

from __future__ import annotations

from benchmarks._compare import Comparison, alternate, judge, judge_at_least


def test_project_and_baseline_run_in_turn():
    order: list[str] = []
    found = alternate(lambda: order.append("A"), lambda: order.append("B"), pairs=3)
    assert order == ["A", "B", "A", "B", "A", "B"]
    assert len(found.project) == len(found.baseline) == 3


def test_the_ratio_is_of_the_medians_and_judged_against_the_target(capsys):
    found = Comparison(project=[3.0, 30.0, 2.0], baseline=[1.0, 1.0, 0.1])
    assert found.ratio == 3.0
    assert judge("x", found, at_most=3.0)
    assert not judge("x", found, at_most=2.9)
    printed = capsys.readouterr().out
    assert "ratio 3.00x, target at most 3x: PASS" in printed and "FAIL" in printed


def test_a_rate_below_its_floor_fails(capsys):
    assert judge_at_least("rate", 0.5, target=0.5)
    assert not judge_at_least("rate", 0.09, target=0.1)
    assert "9.0% of the baseline, target at least 10%: FAIL" in capsys.readouterr().out


def test_a_timed_process_runs_the_code_of_the_checkout_it_lives_in(tmp_path):
    import sys

    from benchmarks._compare import REPO, alliance_argv, run_process

    out = tmp_path / "where.txt"
    run_process([sys.executable, "-c", "import alliance; print(alliance.__file__)"], stdout=out)
    assert out.read_text().strip() == str(REPO / "src" / "alliance" / "__init__.py")
    assert alliance_argv("score")[1:] == ["-m", "alliance", "score"]
