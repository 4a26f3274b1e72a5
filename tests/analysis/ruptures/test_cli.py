import json

from click.testing import CliRunner

from alliance.cli import main

HEADER = "client_id,session,alliance,bond,goal,task,rupture_reported\n"
ROWS = [
    "c1,1,8,8,8,8,0",
    "c1,2,8.2,8.2,8.2,8.2,0",
    "c1,3,7.8,7.8,7.8,7.8,0",
    "c1,4,8.1,8.1,8.1,8.1,0",
    "c1,5,7.9,7.9,7.9,7.9,0",
    "c1,6,6,2,8,8,2",
    "c1,7,8,8,8,8,0",
]
CONTRACT = {
    "client_id": str,
    "onset_session": int,
    "lowest_session": int,
    "depth": float,
    "depth_sd": float,
    "dimensions": list,
    "rule": str,
    "repaired": bool,
    "repair_session": int,
}


def run(tmp_path, text, *args):
    path = tmp_path / "sessions.csv"
    path.write_text(text)
    return CliRunner().invoke(main, ["ruptures", str(path), *args])


def test_json_follows_the_stable_contract(tmp_path):
    result = run(tmp_path, HEADER + "\n".join(ROWS) + "\n", "--format", "json")
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert len(events) == 1
    event = events[0]
    assert list(event) == list(CONTRACT)
    assert {key: type(value) for key, value in event.items()} == CONTRACT
    assert (event["client_id"], event["onset_session"], event["repair_session"]) == ("c1", 6, 7)
    assert event["dimensions"] == ["bond"] and event["repaired"] is True
    assert event["rule"] == "client-reported"


def test_an_open_episode_has_null_repair_fields(tmp_path):
    result = run(tmp_path, HEADER + "\n".join(ROWS[:6]) + "\n", "--format", "json")
    event = json.loads(result.stdout)[0]
    assert event["repaired"] is None and event["repair_session"] is None


def test_rules_and_settings_come_from_the_command_line(tmp_path):
    text = HEADER + "\n".join(ROWS) + "\n"
    result = run(tmp_path, text, "--rule", "client-reported:min_level=2", "--format", "csv")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == ",".join(CONTRACT)
    assert lines[1].startswith("c1,6,6,") and ",client-reported,True,7" in lines[1]


def test_the_table_format_prints_one_line_per_event(tmp_path):
    result = run(tmp_path, HEADER + "\n".join(ROWS) + "\n")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and "client-reported" in lines[2]
    assert lines[0].startswith("ruptures: scores, dimensions or therapist ratings, and reports:")


def test_a_scores_only_file_finds_ruptures_by_default_and_names_the_rules(tmp_path):
    rows = [f"c1,{n},{v}" for n, v in enumerate([8, 8.2, 7.8, 8.1, 7.9, 4, 4.2, 4.1], 1)]
    rows += [f"c2,{n},{v}" for n, v in enumerate([6, 6.3, 5.8, 6.1, 6.2, 5.9, 6, 6.1], 1)]
    text = "client_id,session,alliance\n" + "\n".join(rows) + "\n"
    result = run(tmp_path, text, "--format", "json")
    assert result.exit_code == 0, result.output
    assert [e["onset_session"] for e in json.loads(result.stdout)] == [6]
    assert "scores only: applied v-episode:k=2.0 and sudden-loss; 1 event found" in result.stderr


def test_the_table_says_which_rules_ran_when_nothing_was_found(tmp_path):
    rows = [f"c1,{n},{v}" for n, v in enumerate([8, 8.2, 7.8, 8.1, 7.9, 8], 1)]
    result = run(tmp_path, "client_id,session,alliance\n" + "\n".join(rows) + "\n")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "ruptures: scores only: applied v-episode:k=2.0 and sudden-loss; no ruptures found",
        "no ruptures found",
    ]


def test_an_explicit_rule_without_its_column_names_the_column(tmp_path):
    rows = [f"c1,{n},{v}" for n, v in enumerate([8, 8.2, 7.8, 8.1, 7.9, 8], 1)]
    text = "client_id,session,alliance\n" + "\n".join(rows) + "\n"
    result = run(tmp_path, text, "--rule", "client-reported")
    assert result.exit_code != 0
    assert "needs the column rupture_reported, which the table lacks" in result.output


def test_item_level_answers_are_accepted(tmp_path):
    lines = ["client_id,session,instrument,item,value"]
    for session, value in enumerate([8, 8, 8, 8, 3, 8], start=1):
        lines += [f"c9,{session},alliance-checkin,{item},{value}" for item in range(1, 7)]
        lines.append(f"c9,{session},alliance-checkin,8,{2 if value == 3 else 0}")
    result = run(tmp_path, "\n".join(lines) + "\n", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [e["onset_session"] for e in json.loads(result.stdout)] == [5]


def test_a_bad_value_fails_with_the_row_and_column_on_stderr(tmp_path):
    result = run(tmp_path, HEADER + ROWS[0] + "\nc1,2,lots,8,8,8,0\n", "--format", "json")
    assert result.exit_code != 0
    assert result.stdout == ""
    assert "column alliance, row 2: 'lots' is not a number" in result.stderr


def test_a_missing_column_fails_cleanly(tmp_path):
    result = run(tmp_path, "client_id,session\nc1,1\n")
    assert result.exit_code != 0 and result.stdout == ""
    assert "missing column(s) alliance" in result.stderr


def test_an_unknown_rule_fails_cleanly(tmp_path):
    result = run(tmp_path, HEADER + ROWS[0] + "\n", "--rule", "gut-feeling")
    assert result.exit_code != 0 and result.stdout == ""
    assert "unknown rule 'gut-feeling'" in result.stderr
