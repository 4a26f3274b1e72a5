import importlib.util
from pathlib import Path

BENCH = Path(__file__).parents[2] / "benchmarks" / "bench_trajectories.py"


def test_the_benchmark_runs_on_small_data(capsys):
    spec = importlib.util.spec_from_file_location("bench_trajectories", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.run(n_episodes=300, n_sessions=2000) is True
    printed = capsys.readouterr().out
    assert "expected curves, 300 episodes" in printed and "baseline" in printed
