from benchmarks import bench_big_inputs


def test_the_folder_holds_whole_clients_partitioned_by_site(tmp_path):
    written = bench_big_inputs.write_folder(tmp_path, n_rows=3_000, part_rows=1_000)
    assert written == 3_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site=s0", "site=s1", "site=s2"]


def test_the_benchmark_measures_peak_memory_and_time_of_both_sides(capsys):
    bench_big_inputs.run(4_000, pairs=1, part_rows=1_000)
    printed = capsys.readouterr().out
    assert "peak memory: alliance score" in printed and "bare pass" in printed
    assert "alliance score vs read + group-by sum + write" in printed
