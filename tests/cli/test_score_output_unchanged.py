"""The column-wise printing of `alliance score` gives byte for byte what the record-by-record
printing it replaced gave, on seeded answers with every kind of value (whole and fractional
scores, withheld scales, bands, flags, several instruments and respondents interleaved)."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from alliance.cli import main
from alliance.cli.score import KEYS, to_records
from alliance.measures import score_answers
from benchmarks.bench_scoring import generate_answers


def record_by_record_frame(records: list[dict]) -> pd.DataFrame:
    """The printing `alliance score` did before: one Python dict per administration and scale."""
    rows = [
        {
            **{key: record[key] for key in KEYS},
            "scale": scale,
            "score": score,
            "band": record["band"] if scale == "total" else None,
            "flags": ";".join(record["flags"]),
            "complete": record["complete"],
        }
        for record in records
        for scale, score in record["scores"].items()
    ]
    columns = [*KEYS, "scale", "score", "band", "flags", "complete"]
    return pd.DataFrame(rows, columns=columns, dtype=object)


def seeded_answers(tmp_path, seed: int) -> tuple[str, pd.DataFrame]:
    answers = generate_answers(4_000, seed=seed)
    rng = np.random.default_rng(seed)
    answers.loc[rng.random(len(answers)) < 0.08, "value"] = None  # withheld and prorated scales
    phq9 = (answers["instrument"] == "phq-9") & (answers["item"] == "9")
    answers.loc[phq9 & (rng.random(len(answers)) < 0.3), "value"] = 2  # a raised flag
    answers["respondent"] = np.where(rng.random(len(answers)) < 0.2, "therapist", "client")
    answers = answers.sample(frac=1, random_state=seed)  # instruments interleaved
    path = tmp_path / "answers.csv"
    answers.to_csv(path, index=False)
    return str(path), answers


def printed(path: str, fmt: str) -> str:
    result = CliRunner().invoke(main, ["score", path, "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_csv_and_the_table_are_what_the_record_printing_gave(tmp_path, seed):
    path, _ = seeded_answers(tmp_path, seed)
    from alliance.interop.tables import read_answers

    old = record_by_record_frame(to_records(score_answers(read_answers(path))))
    buffer = io.StringIO()
    old.to_csv(buffer, index=False)
    assert printed(path, "csv") == buffer.getvalue()
    assert printed(path, "table") == old.fillna("").to_string(index=False) + "\n"


def test_the_seeded_answers_hold_every_kind_of_value(tmp_path):
    path, _ = seeded_answers(tmp_path, 1)
    text = printed(path, "csv")
    scores = pd.read_csv(io.StringIO(text))["score"]
    assert (scores.dropna() % 1 != 0).any() and (scores.dropna() % 1 == 0).any()
    assert scores.isna().any()
    assert "risk-self-harm" in text


def test_codes_that_need_quoting_print_as_to_csv_quotes_them(tmp_path):
    answers = generate_answers(600, seed=4)
    first = answers["client_id"] == answers["client_id"].iloc[0]
    answers.loc[first, "client_id"] = 'north, "A"'
    answers["respondent"] = "client"
    path = tmp_path / "quoted.csv"
    answers.to_csv(path, index=False)
    from alliance.interop.tables import read_answers

    old = record_by_record_frame(to_records(score_answers(read_answers(str(path)))))
    buffer = io.StringIO()
    old.to_csv(buffer, index=False)
    assert printed(str(path), "csv") == buffer.getvalue()
    assert '"north, ""A"""' in buffer.getvalue()


def test_a_file_without_answers_prints_the_header_alone(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("client_id,session,instrument,item,value\n")
    header = "client_id,session,instrument,respondent,scale,score,band,flags,complete\n"
    assert printed(str(path), "csv") == header
