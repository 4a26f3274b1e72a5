"""`alliance serve` refuses to start a clinic with unsafe settings and names the variable."""

import pytest
from click.testing import CliRunner

from alliance.cli import main
from alliance.cli.start_checks import start_problems

GOOD = {"ALLIANCE_SECRET_KEY": "s" * 50, "ALLIANCE_HTTPS": "true"}


def test_safe_settings_have_no_problem():
    assert start_problems(GOOD) == []


def test_a_short_secret_key_is_refused_with_its_length():
    (problem,) = start_problems({**GOOD, "ALLIANCE_SECRET_KEY": "x"})
    assert problem.startswith("ALLIANCE_SECRET_KEY is 1 characters; use at least 50")


def test_debug_mode_is_refused():
    (problem,) = start_problems({**GOOD, "ALLIANCE_DEBUG": "True"})
    assert problem.startswith("ALLIANCE_DEBUG=true")


def test_https_left_unset_is_refused():
    (problem,) = start_problems({"ALLIANCE_SECRET_KEY": "s" * 50})
    assert problem.startswith("ALLIANCE_HTTPS is not set")


def test_https_false_said_explicitly_is_accepted_for_a_tls_terminating_proxy():
    assert start_problems({**GOOD, "ALLIANCE_HTTPS": "false"}) == []


@pytest.mark.parametrize(
    "environ, named",
    [
        ({"ALLIANCE_SECRET_KEY": "short", "ALLIANCE_HTTPS": "true"}, "ALLIANCE_SECRET_KEY"),
        ({**GOOD, "ALLIANCE_DEBUG": "true"}, "ALLIANCE_DEBUG"),
        ({"ALLIANCE_SECRET_KEY": "s" * 50}, "ALLIANCE_HTTPS"),
    ],
)
def test_serve_stops_before_starting_and_names_the_variable(monkeypatch, environ, named):
    for name in ("ALLIANCE_SECRET_KEY", "ALLIANCE_DEBUG", "ALLIANCE_HTTPS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code != 0 and named in result.output
