"""`alliance score`, `ruptures` and `analyze` read Parquet (a file or a folder partitioned by
site) as they read CSV, and scoring in chunks of whole clients gives the same administrations."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from click.testing import CliRunner

from alliance.cli import main
from alliance.interop import sources
from benchmarks.bench_ruptures import session_table
from benchmarks.bench_scoring import generate_answers
from benchmarks.bench_trajectories import sessions_table


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of 500 rows, and no source small enough to be read whole."""
    monkeypatch.setattr(sources, "CHUNK_ROWS", 500)
    monkeypatch.setattr(sources, "WHOLE_ROWS", 0)
    monkeypatch.setattr(sources, "WHOLE_CSV_BYTES", 0)


@pytest.fixture
def answers(tmp_path):
    table = generate_answers(6_000, seed=21)
    table.to_csv(tmp_path / "answers.csv", index=False)
    return table


def rows_of(text: str) -> pd.DataFrame:
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    return frame.sort_values(list(frame.columns), ignore_index=True)


def test_a_parquet_file_and_a_partitioned_folder_score_as_the_csv_does(tmp_path, answers):
    answers.to_parquet(tmp_path / "answers.parquet", index=False)
    sites = answers.assign(site=answers["client_id"].str[-1].map(lambda d: f"s{int(d) % 3}"))
    sites.drop(columns="site").to_csv(tmp_path / "plain.csv", index=False)
    sites.to_parquet(tmp_path / "by-site", partition_cols=["site"], index=False)
    from_csv = run("score", str(tmp_path / "answers.csv"), "--format", "csv")
    assert run("score", str(tmp_path / "answers.parquet"), "--format", "csv") == from_csv
    folder = run("score", str(tmp_path / "by-site"), "--format", "csv")
    assert rows_of(folder).equals(rows_of(from_csv))


def test_a_small_file_is_read_whole_in_one_piece(tmp_path, answers):
    assert len(list(sources.client_chunks(tmp_path / "answers.csv", rows=500))) == 1


def test_scoring_in_chunks_of_whole_clients_gives_every_administration_once(
    tmp_path, answers, request
):
    whole = run("score", str(tmp_path / "answers.csv"), "--format", "json")
    request.getfixturevalue("small_chunks")
    chunks = list(sources.client_chunks(tmp_path / "answers.csv"))
    assert len(chunks) > 5
    clients = [set(chunk["client_id"]) for _, chunk in chunks]
    assert sum(map(len, clients)) == len(set().union(*clients))  # no client split
    in_chunks = run("score", str(tmp_path / "answers.csv"), "--format", "json")
    assert in_chunks != whole  # printed chunk by chunk, so in another order
    key = lambda r: (r["client_id"], r["session"], r["instrument"], r["respondent"])  # noqa: E731
    assert sorted(json.loads(in_chunks), key=key) == sorted(json.loads(whole), key=key)
    csv_rows = run("score", str(tmp_path / "answers.csv"), "--format", "csv")
    assert csv_rows.count("client_id,") == 1  # one header however many chunks


def test_an_error_in_a_later_chunk_names_the_row_of_the_file(tmp_path, answers, small_chunks):
    answers.loc[5_000, "value"] = 99
    answers.to_csv(tmp_path / "bad.csv", index=False)
    result = CliRunner().invoke(main, ["score", str(tmp_path / "bad.csv")])
    assert result.exit_code != 0
    assert "row 5001," in result.output and "value '99'" in result.output


def test_rows_of_a_client_apart_are_read_whole_and_still_scored_right(
    tmp_path, answers, small_chunks
):
    shuffled = answers.sample(frac=1, random_state=3)
    shuffled.to_csv(tmp_path / "shuffled.csv", index=False)
    assert len(list(sources.client_chunks(tmp_path / "shuffled.csv"))) == 1
    got = run("score", str(tmp_path / "shuffled.csv"), "--format", "csv")
    assert rows_of(got).equals(
        rows_of(run("score", str(tmp_path / "answers.csv"), "--format", "csv"))
    )


def test_ruptures_and_analyze_read_parquet_as_they_read_csv(tmp_path):
    sessions = session_table(n_clients=40, n_sessions=8)
    sessions.to_csv(tmp_path / "s.csv", index=False)
    sessions.to_parquet(tmp_path / "s.parquet", index=False)
    for command in ("ruptures",):
        assert run(command, str(tmp_path / "s.parquet"), "--format", "json") == run(
            command, str(tmp_path / "s.csv"), "--format", "json"
        )
    outcome = sessions_table(1_500)
    outcome.to_csv(tmp_path / "o.csv", index=False)
    outcome.to_parquet(tmp_path / "o.parquet", index=False)
    parquet = run("analyze", str(tmp_path / "o.parquet"), "--format", "json")
    assert json.loads(parquet) == json.loads(
        run("analyze", str(tmp_path / "o.csv"), "--format", "json")
    )


def test_a_missing_parquet_folder_is_named(tmp_path):
    result = CliRunner().invoke(main, ["score", str(tmp_path / "nowhere.parquet")])
    assert result.exit_code != 0 and "nowhere.parquet: no such file or folder" in result.output


def test_a_partitioned_folder_scored_in_chunks_holds_the_csvs_rows(tmp_path, answers, request):
    from_csv = run("score", str(tmp_path / "answers.csv"), "--format", "csv")
    answers.assign(site=answers["client_id"].str[-1]).to_parquet(
        tmp_path / "by-site", partition_cols=["site"], index=False
    )
    request.getfixturevalue("small_chunks")
    assert len(list(sources.client_chunks(tmp_path / "by-site"))) > 3
    folder = run("score", str(tmp_path / "by-site"), "--format", "csv")
    assert rows_of(folder).equals(rows_of(from_csv))


@pytest.mark.parametrize(
    ("ids", "together"),
    [
        (["a", "a", "b", "b", None, None], True),
        (["a", None, "a"], False),
        (["a", "b", "a"], False),
        ([None, "a", None], False),
    ],
)
def test_clients_count_as_together_only_in_unbroken_runs(tmp_path, ids, together, small_chunks):
    path = tmp_path / "ids.csv"
    rows = [f"{client or ''},{n},alliance-checkin,1,3" for n, client in enumerate(ids, start=1)]
    path.write_text("client_id,session,instrument,item,value\n" + "\n".join(rows) + "\n")
    assert sources._clients_together(path, "client_id") is together
