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


def test_the_bare_pass_flags_a_two_sd_drop_and_its_return():
    table = bench_ruptures.session_table(n_clients=2, n_sessions=7)
    table["alliance"] = [8.0, 8.2, 7.8, 8.0, 5.0, 8.1, 8.0] * 2
    flagged = bench_ruptures.pandas_baseline(table)
    assert list(flagged["session"]) == [5, 5]
    assert flagged["repaired"].all()


def test_the_benchmark_runs_both_commands_alternated_and_judges_the_ratio(capsys):
    bench_ruptures.run(n_clients=40, n_sessions=6, pairs=1)
    printed = capsys.readouterr().out
    assert "alliance ruptures vs expanding mean/SD pass" in printed
    assert "ratio" in printed and ("PASS" in printed or "FAIL" in printed)
