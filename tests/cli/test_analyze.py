import json

import pytest
from click.testing import CliRunner

from alliance.cli import main
from alliance.simulate import simulate_clinic

STATUSES = {"on-track", "not-on-track", "better-than-expected"}


@pytest.fixture(scope="module")
def session_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("analyze") / "sessions.csv"
    simulate_clinic(n_clients=150, seed=4).sessions.to_csv(path, index=False)
    return path


def run(*args):
    return CliRunner().invoke(main, ["analyze", *map(str, args)])


def test_json_follows_the_stable_contract(session_file):
    result = run(session_file, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"alliance_outcome", "clients"}
    effects = data["alliance_outcome"]
    assert set(effects) == {"within", "between", "n_clients", "n_sessions"}
    assert set(effects["within"]) == {"estimate", "ci_low", "ci_high"}
    assert effects["within"]["ci_low"] < effects["within"]["estimate"] < 0
    assert len(data["clients"]) == 150
    client = data["clients"][0]
    assert set(client) == {
        "client_id",
        "session",
        "status",
        "expected",
        "lower",
        "upper",
        "reliable_change",
        "category",
        "deviation",
        "course_deviation",
        "projected_change",
        "band_status",
    }
    assert {c["status"] for c in data["clients"]} <= STATUSES
    assert {c["band_status"] for c in data["clients"]} <= STATUSES


def test_the_expected_range_stays_inside_the_phq9_scale(session_file):
    clients = json.loads(run(session_file, "--format", "json").stdout)["clients"]
    assert min(c["lower"] for c in clients) >= 0
    assert max(c["upper"] for c in clients) <= 27


def test_the_status_flags_the_clients_projected_to_end_worst(session_file):
    clients = json.loads(run(session_file, "--format", "json").stdout)["clients"]
    flagged = [c["projected_change"] for c in clients if c["status"] == "not-on-track"]
    others = [c["projected_change"] for c in clients if c["status"] == "on-track"]
    assert flagged and others
    assert min(flagged) > sorted(others)[len(others) // 2]


def test_reliable_change_uses_the_given_reference(session_file):
    default = json.loads(run(session_file, "--format", "json").stdout)["clients"][0]
    wider = json.loads(
        run(session_file, "--format", "json", "--sd", "8", "--reliability", "0.5").stdout
    )["clients"][0]
    # PHQ-9 default: S_diff = 6 / 1.96; reference: S_diff = sqrt(2) * 8 * sqrt(0.5) = 8
    assert wider["reliable_change"] == pytest.approx(
        default["reliable_change"] * (6 / 1.96) / 8, abs=1e-3
    )


def test_report_is_self_contained_html_with_charts(session_file, tmp_path):
    report = tmp_path / "report.html"
    result = run(session_file, "--report", report)
    assert result.exit_code == 0
    html = report.read_text()
    assert html.count("<svg") >= 2 and "http://" not in html.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )
    assert "not-on-track" in html and "fitting expected" in result.stderr


def test_a_missing_column_is_named_and_stdout_stays_empty(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("client_id,session,alliance,outcome\na,1,8,12\n")
    result = run(bad, "--format", "json")
    assert result.exit_code != 0 and result.stdout == ""
    assert "therapist_id" in result.stderr


def test_a_bad_value_names_the_row_and_column(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("client_id,therapist_id,session,alliance,outcome\na,t,1,8,12\na,t,2,eight,11\n")
    result = run(bad)
    assert result.exit_code != 0 and result.stdout == ""
    assert "row 3: column alliance has 'eight'" in result.stderr


def test_sd_without_reliability_is_refused(session_file):
    result = run(session_file, "--sd", "5")
    assert result.exit_code != 0 and "--reliability" in result.stderr


def test_an_outcome_outside_the_instrument_range_is_refused(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("client_id,therapist_id,session,alliance,outcome\na,t,1,8,12\na,t,2,8,31\n")
    result = run(bad)
    assert result.exit_code != 0 and result.stdout == ""
    assert "column outcome has 31, outside the phq-9 range 0 to 27" in result.stderr


def test_an_empty_therapist_is_named(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("client_id,therapist_id,session,alliance,outcome\na,t,1,8,12\na,,2,8,11\n")
    result = run(bad)
    assert result.exit_code != 0 and "row 3: column therapist_id is empty" in result.stderr


def test_a_header_only_file_is_refused(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("client_id,therapist_id,session,alliance,outcome\n")
    result = run(bad)
    assert result.exit_code != 0 and "no sessions" in result.stderr


def test_an_unknown_instrument_is_refused(session_file):
    result = run(session_file, "--instrument", "nope")
    assert result.exit_code != 0 and result.stdout == "" and "nope" in result.stderr
