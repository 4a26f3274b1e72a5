"""`alliance simulate` writes the tables and a summary, and refuses bad arguments clearly."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner

from alliance.cli import main

FILES = [
    "answers.csv",
    "sessions.csv",
    "clients.csv",
    "therapists.csv",
    "ruptures.csv",
    "truth.json",
]


def test_it_writes_every_table_and_prints_a_summary(tmp_path):
    out = tmp_path / "clinic"
    result = CliRunner().invoke(
        main, ["simulate", "--clients", "60", "--seed", "4", "--out", str(out), "--therapists", "3"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in out.iterdir()) == sorted(FILES)
    clients = pd.read_csv(out / "clients.csv")
    assert len(clients) == 60
    assert pd.read_csv(out / "therapists.csv")["therapist_id"].tolist() == ["T01", "T02", "T03"]
    assert json.loads((out / "truth.json").read_text())["seed"] == 4
    for word in ["clients", "sessions", "ruptures", "repaired", "dropouts"]:
        assert word in result.output


def test_the_same_seed_writes_the_same_files(tmp_path):
    for name in ["first", "second"]:
        CliRunner().invoke(
            main, ["simulate", "--clients", "30", "--seed", "2", "--out", str(tmp_path / name)]
        )
    for file in FILES:
        assert (tmp_path / "first" / file).read_bytes() == (tmp_path / "second" / file).read_bytes()


def test_written_answers_score_back_with_the_score_command(tmp_path):
    CliRunner().invoke(main, ["simulate", "--clients", "10", "--seed", "1", "--out", str(tmp_path)])
    result = CliRunner().invoke(main, ["score", str(tmp_path / "answers.csv"), "--format", "json"])
    assert result.exit_code == 0, result.output
    sessions = pd.read_csv(tmp_path / "sessions.csv")
    records = [r for r in json.loads(result.output) if r["instrument"] == "phq-9"]
    assert [r["scores"]["total"] for r in records] == sessions["outcome"].tolist()


def test_it_refuses_a_clinic_without_clients(tmp_path):
    result = CliRunner().invoke(main, ["simulate", "--clients", "0", "--out", str(tmp_path)])
    assert result.exit_code != 0
    assert "--clients" in result.output


def test_it_refuses_a_negative_seed(tmp_path):
    result = CliRunner().invoke(
        main, ["simulate", "--clients", "5", "--seed", "-1", "--out", str(tmp_path)]
    )
    assert result.exit_code != 0
    assert "--seed" in result.output


def test_it_refuses_an_output_path_that_is_a_file(tmp_path):
    target = tmp_path / "taken.txt"
    target.write_text("already here")
    result = CliRunner().invoke(main, ["simulate", "--clients", "5", "--out", str(target)])
    assert result.exit_code != 0
    assert "--out" in result.output


def test_it_needs_an_output_directory():
    result = CliRunner().invoke(main, ["simulate", "--clients", "5"])
    assert result.exit_code != 0
    assert "--out" in result.output


@pytest.mark.slow  # a whole process or many generated cases; `make test` runs it
def test_a_large_clinic_shows_progress_on_stderr_only(tmp_path):
    result = CliRunner().invoke(
        main, ["simulate", "--clients", "2000", "--seed", "1", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert "simulating" in result.stderr and "step/s" in result.stderr
    assert "%|" not in result.stdout
    assert result.stdout.startswith("Wrote a synthetic clinic")
