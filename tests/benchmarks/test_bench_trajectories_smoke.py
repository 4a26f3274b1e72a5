from benchmarks import bench_trajectories


def test_the_session_table_is_seeded_and_passes_the_commands_checks():
    first, again = (
        bench_trajectories.sessions_table(2_000),
        bench_trajectories.sessions_table(2_000),
    )
    assert first.equals(again)
    assert first["outcome"].between(0, bench_trajectories.MAX_OUTCOME).all()
    assert {"goal", "task", "bond"} <= set(first.columns)


def test_the_benchmark_runs_the_command_and_the_default_model_against_the_bare_pass(capsys):
    bench_trajectories.run(n_sessions=2_000, pairs=1)
    printed = capsys.readouterr().out
    assert "alliance analyze vs read + within OLS" in printed
    assert "AllianceOutcomeModel() (default: total + 3 dimensions)" in printed
    assert printed.count("ratio") == 2
