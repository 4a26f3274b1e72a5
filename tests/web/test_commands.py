import pytest
from click.testing import CliRunner
from django.core.management import CommandError, call_command

from alliance.cli import main
from alliance.cli.demo import stored_secret
from alliance.cli.serve import gunicorn_argv, pending_migrations
from alliance.web.accounts.models import Role, User


def test_serve_refuses_to_start_without_a_secret_key(monkeypatch):
    monkeypatch.delenv("ALLIANCE_SECRET_KEY", raising=False)
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code != 0
    assert "ALLIANCE_SECRET_KEY is not set" in result.output


def test_serve_runs_the_wsgi_app_under_gunicorn():
    argv = gunicorn_argv("0.0.0.0", 9000, 3)
    assert argv[1:4] == ["-m", "gunicorn", "alliance.web.wsgi:application"]
    assert "0.0.0.0:9000" in argv and "3" in argv


def test_a_migrated_database_has_no_pending_migrations(db):
    assert pending_migrations() == []


def test_the_demo_secret_is_generated_once_and_kept_private(tmp_path):
    first = stored_secret(tmp_path)
    assert stored_secret(tmp_path) == first and len(first) >= 50
    assert (tmp_path / "secret_key.txt").stat().st_mode & 0o077 == 0


def test_createclinicadmin_makes_the_first_admin_and_clinic(db, monkeypatch):
    monkeypatch.setenv("FIRST_ADMIN_PASSWORD", "a-very-long-password")
    call_command(
        "createclinicadmin",
        "ada",
        "--clinic",
        "Riverside",
        "--password-from-env",
        "FIRST_ADMIN_PASSWORD",
    )
    ada = User.objects.get(username="ada")
    assert ada.role == Role.ADMIN and ada.is_staff and ada.clinic.name == "Riverside"
    assert ada.check_password("a-very-long-password")


def test_createclinicadmin_refuses_a_short_password(db, monkeypatch):
    monkeypatch.setenv("FIRST_ADMIN_PASSWORD", "short")
    with pytest.raises(CommandError, match="at least 12 characters"):
        call_command("createclinicadmin", "ada", "--password-from-env", "FIRST_ADMIN_PASSWORD")
    assert not User.objects.exists()


def test_a_data_dir_without_a_clinic_database_is_refused(tmp_path):
    import click
    import pytest

    from alliance.cli._django import configure_django

    with pytest.raises(click.ClickException, match="--data-dir: no clinic database"):
        configure_django(tmp_path)


def test_serve_sizes_itself_for_its_cores_unless_told():
    from alliance.cli._sizing import server_size

    assert server_size(2) == server_size(2, threads=4)
    assert (server_size(1).workers, server_size(2).workers, server_size(64).workers) == (2, 3, 12)
    assert server_size(2).threads == 4
    assert server_size(8, workers=3, threads=2).workers == 3
    argv = gunicorn_argv("127.0.0.1", 8000, 3, 4)
    assert argv[argv.index("--worker-class") + 1] == "gthread"
    assert argv[argv.index("--threads") + 1] == "4"
