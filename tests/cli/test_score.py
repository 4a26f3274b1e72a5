"""`alliance score FILE`: scores an answer file as a table, JSON or CSV, or fails cleanly."""

from __future__ import annotations

import csv
import io
import json
import re

from click.testing import CliRunner

from alliance.cli import main

HEADER = "client_id,session,instrument,item,value"
# WAI-SR items 1-12: goal (4, 6, 8, 11) = 15, task (1, 2, 10, 12) = 14, bond (3, 5, 7, 9) = 10
WAI_VALUES = {1: 4, 2: 3, 3: 3, 4: 4, 5: 2, 6: 4, 7: 3, 8: 3, 9: 2, 10: 4, 11: 4, 12: 3}
WAI_RESULT = {
    "client_id": "c-017",
    "session": 3,
    "instrument": "wai-sr",
    "respondent": "client",
    "scores": {"total": 39, "goal": 15, "task": 14, "bond": 10},
    "band": None,
    "flags": [],
    "complete": True,
}


def wai_lines(client: str = "c-017", session: int = 3, suffix: str = "") -> list[str]:
    return [
        f"{client},{session},wai-sr,{item},{value}{suffix}" for item, value in WAI_VALUES.items()
    ]


def answer_file(tmp_path, lines: list[str], header: str = HEADER):
    path = tmp_path / "answers.csv"
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return str(path)


def score(*args: str):
    return CliRunner().invoke(main, ["score", *args])


def test_json_output_is_exactly_the_documented_contract(tmp_path):
    result = score(answer_file(tmp_path, wai_lines()), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == [WAI_RESULT]


def test_json_has_one_object_per_client_session_instrument_and_respondent(tmp_path):
    lines = (
        wai_lines("a", 1, ",client")
        + wai_lines("a", 1, ",therapist")
        + wai_lines("a", 2, ",client")
        + wai_lines("b", 1, ",client")
    )
    path = answer_file(tmp_path, lines, HEADER + ",respondent")
    records = json.loads(score(path, "--format", "json").stdout)
    keys = [(r["client_id"], r["session"], r["instrument"], r["respondent"]) for r in records]
    assert sorted(keys) == [
        ("a", 1, "wai-sr", "client"),
        ("a", 1, "wai-sr", "therapist"),
        ("a", 2, "wai-sr", "client"),
        ("b", 1, "wai-sr", "client"),
    ]
    assert all(r["scores"]["total"] == 39 for r in records)


def test_json_carries_bands_flags_means_and_incomplete_administrations(tmp_path):
    phq = [f"p,1,phq-9,{n},0" for n in range(1, 9)] + ["p,1,phq-9,9,1"]
    checkin = [
        f"p,1,alliance-checkin,{n},{v}"
        for n, v in zip(range(1, 7), [10, 8, 9, 7, 6, 5], strict=True)
    ]
    records = json.loads(score(answer_file(tmp_path, phq + checkin), "--format", "json").stdout)
    by_instrument = {r["instrument"]: r for r in records}
    assert by_instrument["phq-9"]["scores"] == {"total": 1}
    assert by_instrument["phq-9"]["band"] == "minimal"
    assert by_instrument["phq-9"]["flags"] == ["risk-self-harm"]
    checkin_record = by_instrument["alliance-checkin"]
    assert checkin_record["scores"] == {"total": 7.5, "goal": 9, "task": 8, "bond": 5.5}
    assert checkin_record["complete"] is False  # the required 'something felt off' item is missing


def test_optional_columns_are_accepted_and_the_contract_keys_stay_the_same(tmp_path):
    lines = wai_lines(suffix=",client,t-2,2026-03-04")
    path = answer_file(tmp_path, lines, HEADER + ",respondent,therapist_id,date")
    result = score(path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == [WAI_RESULT]


def test_csv_output_has_one_row_per_score_with_whole_numbers_printed_whole(tmp_path):
    lines = wai_lines() + [
        f"c-017,3,alliance-checkin,{n},{v}"
        for n, v in [(1, 10), (2, 8), (3, 9), (4, 7), (5, 6), (6, 5), (8, 0)]
    ]
    result = score(answer_file(tmp_path, lines), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [
        "client_id",
        "session",
        "instrument",
        "respondent",
        "scale",
        "score",
        "band",
        "flags",
        "complete",
    ]
    scores = {(row["instrument"], row["scale"]): row["score"] for row in rows}
    assert scores == {
        ("wai-sr", "total"): "39",
        ("wai-sr", "goal"): "15",
        ("wai-sr", "task"): "14",
        ("wai-sr", "bond"): "10",
        ("alliance-checkin", "total"): "7.5",
        ("alliance-checkin", "goal"): "9",
        ("alliance-checkin", "task"): "8",
        ("alliance-checkin", "bond"): "5.5",
    }
    assert {row["session"] for row in rows} == {"3"}


def test_the_default_table_prints_whole_scores_and_blanks_for_withheld_ones(tmp_path):
    lines = wai_lines() + ["c-017,4,phq-9,1,2"]
    result = score(answer_file(tmp_path, lines))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    wai_total = next(line for line in lines if "wai-sr" in line and "total" in line)
    assert wai_total.split()[-2:] == ["39", "True"]
    assert not re.search(r"\bnan\b", result.stdout.lower()) and "None" not in result.stdout
    assert "risk-item-unanswered" in result.stdout  # the lone PHQ-9 answer left item 9 out


def test_an_out_of_range_value_fails_naming_the_row_item_and_value_with_nothing_on_stdout(tmp_path):
    lines = wai_lines()
    lines[4] = "c-017,3,wai-sr,5,9"
    result = score(answer_file(tmp_path, lines), "--format", "json")
    assert result.exit_code != 0
    assert result.stdout == ""
    assert "row 5" in result.stderr and "item 5" in result.stderr and "'9'" in result.stderr


def test_an_unknown_instrument_fails_naming_the_row(tmp_path):
    result = score(answer_file(tmp_path, wai_lines() + ["c-017,3,wai-xl,1,3"]))
    assert result.exit_code != 0 and result.stdout == ""
    assert "row 13" in result.stderr and "unknown instrument 'wai-xl'" in result.stderr


def test_a_missing_column_fails_naming_it(tmp_path):
    path = answer_file(tmp_path, ["c,1,phq-9,1"], "client_id,session,instrument,item")
    result = score(path)
    assert result.exit_code != 0 and result.stdout == ""
    assert "missing column(s) value" in result.stderr


def test_a_missing_file_fails_cleanly(tmp_path):
    result = score(str(tmp_path / "nowhere.csv"))
    assert result.exit_code != 0 and result.stdout == ""
    assert "no such file" in result.stderr
