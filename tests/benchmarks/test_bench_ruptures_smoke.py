from benchmarks import bench_ruptures


def test_the_benchmark_table_is_seeded_and_complete():
    first = bench_ruptures.session_table(n_clients=30, n_sessions=8)
    again = bench_ruptures.session_table(n_clients=30, n_sessions=8)
    assert len(first) == 240
    assert first.equals(again)
    assert set(first.columns) >= {
        "client_id",
        "session",
        "alliance",
        "goal",
        "task",
        "bond",
        "rupture_reported",
    }


def test_the_pandas_baseline_flags_a_plain_drop():
    table = bench_ruptures.session_table(n_clients=2, n_sessions=6)
    table["alliance"] = [8.0, 8.0, 8.0, 8.0, 5.0, 8.0] * 2
    flags = bench_ruptures.pandas_baseline(table)
    assert list(flags[:6]) == [False, False, False, False, True, False]


def test_the_benchmark_runs_on_a_small_table(capsys):
    bench_ruptures.run(n_clients=200, n_sessions=10)
    printed = capsys.readouterr().out
    assert "RuptureDetector().fit" in printed and "pandas baseline" in printed
    assert "ratio detector / baseline" in printed
