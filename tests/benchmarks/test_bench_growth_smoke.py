import pytest

from benchmarks import bench_growth
from benchmarks._compare import Comparison


def test_the_growth_power_is_the_slope_on_log_scales():
    assert bench_growth.power([10, 100, 1000], [1.0, 10.0, 100.0]) == pytest.approx(1.0)
    assert bench_growth.power([10, 1000], [2.0, 2.0]) == pytest.approx(0.0, abs=1e-9)


def test_start_up_is_taken_off_before_the_fit(capsys):
    startup = Comparison([1.0], [1.0])
    quadratic = [(n, Comparison([1.0 + (n / 1000) ** 2], [1.0 + n / 1000])) for n in (1000, 10_000)]
    assert not bench_growth.report("x", startup, quadratic)
    printed = capsys.readouterr().out
    assert "growth power 2.00" in printed and "(baseline 1.00)" in printed and "FAIL" in printed


def test_the_top_size_can_be_capped_and_a_single_size_is_refused(monkeypatch):
    monkeypatch.setenv("ALLIANCE_BENCH_GROWTH_TOP", "1000000")
    assert bench_growth.sizes() == [100_000, 1_000_000]
    monkeypatch.setenv("ALLIANCE_BENCH_GROWTH_TOP", "100000")
    with pytest.raises(ValueError, match="two sizes or more"):
        bench_growth.run(("score",))


@pytest.mark.slow
def test_each_command_runs_beside_its_bare_pass_at_a_small_size():
    for kind in bench_growth.WORK:
        n, wall, cpu = bench_growth.measure(kind, 2_000, 1)
        assert n == 2_000 and wall.project[0] > 0 and wall.baseline[0] > 0
        assert cpu.project[0] > 0 and cpu.baseline[0] > 0


def test_peak_memory_is_measured_for_both_sides_beside_the_tables_size(capsys):
    bench_growth.peak_memory("analyze", 2_000)
    printed = capsys.readouterr().out
    assert "analyze 2,000 rows: peak memory project" in printed
    assert "bare pass" in printed and "the table in memory" in printed
