"""Benchmarks: each bench_*.py prints its figure beside a baseline measured in the same run."""
