import pytest
from django.core.exceptions import ImproperlyConfigured

from alliance.web.settings import database_from_url, envbool, envint, envstr


@pytest.mark.parametrize(
    "value, expected",
    [("true", True), ("false", False), ("True", True), ("FALSE", False), ("", True)],
)
def test_envbool_reads_true_and_false(monkeypatch, value, expected):
    monkeypatch.setenv("ALLIANCE_TEST_FLAG", value)
    assert envbool("ALLIANCE_TEST_FLAG", True) is expected


@pytest.mark.parametrize("value", ["yes", "1", "on", "no", "0"])
def test_envbool_refuses_anything_else(monkeypatch, value):
    monkeypatch.setenv("ALLIANCE_TEST_FLAG", value)
    with pytest.raises(ImproperlyConfigured, match="ALLIANCE_TEST_FLAG must be 'true' or 'false'"):
        envbool("ALLIANCE_TEST_FLAG", False)


def test_envint_reads_whole_numbers_and_names_the_variable_when_not(monkeypatch):
    monkeypatch.setenv("ALLIANCE_TEST_N", "12")
    assert envint("ALLIANCE_TEST_N", 1) == 12
    monkeypatch.setenv("ALLIANCE_TEST_N", "twelve")
    with pytest.raises(ImproperlyConfigured, match="ALLIANCE_TEST_N must be a whole number"):
        envint("ALLIANCE_TEST_N", 1)


def test_unset_variables_take_their_default(monkeypatch):
    monkeypatch.delenv("ALLIANCE_TEST_UNSET", raising=False)
    assert envstr("ALLIANCE_TEST_UNSET", "x") == "x"
    assert envint("ALLIANCE_TEST_UNSET", 3) == 3
    assert envbool("ALLIANCE_TEST_UNSET", False) is False


def test_database_url_gives_a_postgresql_entry():
    entry = database_from_url("postgres://alice:s%40cret@db.example:5433/alliance")
    assert entry["ENGINE"] == "django.db.backends.postgresql"
    assert (entry["USER"], entry["PASSWORD"], entry["HOST"], entry["PORT"], entry["NAME"]) == (
        "alice",
        "s@cret",
        "db.example",
        "5433",
        "alliance",
    )


def test_database_url_without_password_or_port():
    entry = database_from_url("postgresql://postgres@127.0.0.1/alliance")
    assert (entry["USER"], entry["PASSWORD"], entry["PORT"]) == ("postgres", "", "")


@pytest.mark.parametrize(
    "url, problem",
    [
        ("mysql://u@h/db", "must start with postgres://"),
        ("postgres://u@h:5432/", "must name a database"),
    ],
)
def test_database_url_problems_are_named(url, problem):
    with pytest.raises(ImproperlyConfigured, match=problem):
        database_from_url(url)


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    import importlib

    import alliance.web.settings as settings_module

    monkeypatch.delenv("ALLIANCE_SECRET_KEY", raising=False)
    monkeypatch.setenv("ALLIANCE_DEBUG", "false")
    with pytest.raises(ImproperlyConfigured, match="ALLIANCE_SECRET_KEY must be set"):
        importlib.reload(settings_module)
    monkeypatch.undo()
    importlib.reload(settings_module)


def test_postgresql_prepares_only_what_is_asked_unless_turned_off(monkeypatch):
    from alliance.web.settings import ONLY_WHEN_ASKED

    monkeypatch.delenv("ALLIANCE_DB_PREPARED_STATEMENTS", raising=False)
    entry = database_from_url("postgres://postgres@127.0.0.1/alliance")
    assert entry["OPTIONS"]["prepare_threshold"] == ONLY_WHEN_ASKED
    assert entry["CONN_MAX_AGE"] > 0  # a prepared statement lives as long as its connection
    monkeypatch.setenv("ALLIANCE_DB_PREPARED_STATEMENTS", "false")
    assert database_from_url("postgres://postgres@127.0.0.1/alliance")["OPTIONS"] == {
        "prepare_threshold": None
    }
