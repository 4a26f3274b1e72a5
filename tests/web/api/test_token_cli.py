"""`alliance token create/list/revoke` on the database `alliance serve` and the demo use."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from alliance.cli import main
from alliance.web.api.models import ApiToken
from alliance.web.api.tokens import hash_token

ALLIANCE = str(Path(sys.executable).with_name("alliance"))


def test_create_prints_the_token_alone_on_the_last_line(theo):
    result = CliRunner().invoke(main, ["token", "create", "theo", "--name", "EHR", "--read-only"])
    assert result.exit_code == 0, result.output
    plain = result.output.strip().splitlines()[-1]
    token = ApiToken.objects.get(user=theo)
    assert token.token_hash == hash_token(plain) and token.read_only and token.name == "EHR"


def test_create_with_an_expiry_sets_it(theo):
    result = CliRunner().invoke(main, ["token", "create", "theo", "--expires-days", "7"])
    assert result.exit_code == 0 and "expires 20" in result.output
    assert ApiToken.objects.get(user=theo).expires_at is not None


def test_create_names_an_unknown_user_and_a_bad_expiry(theo):
    unknown = CliRunner().invoke(main, ["token", "create", "nobody"])
    assert unknown.exit_code != 0 and "no staff member is called 'nobody'" in unknown.output
    bad = CliRunner().invoke(main, ["token", "create", "theo", "--expires-days", "0"])
    assert bad.exit_code != 0 and "expires-days" in bad.output
    assert not ApiToken.objects.exists()


def test_list_and_revoke(theo):
    CliRunner().invoke(main, ["token", "create", "theo", "--name", "sync"])
    token = ApiToken.objects.get(user=theo)
    listed = CliRunner().invoke(main, ["token", "list", "theo"])
    assert f"{token.pk}\t{token.prefix}…\tactive" in listed.output and "sync" in listed.output
    revoked = CliRunner().invoke(main, ["token", "revoke", str(token.pk)])
    assert revoked.exit_code == 0
    assert "revoked" in CliRunner().invoke(main, ["token", "list", "theo"]).output
    again = CliRunner().invoke(main, ["token", "revoke", str(token.pk)])
    assert again.exit_code != 0 and "already revoked" in again.output


def _clinic_in(folder: Path) -> None:
    """A migrated clinic database with one therapist, as `alliance demo --data-dir` keeps it."""
    env = {**os.environ, "ALLIANCE_DATA_DIR": str(folder), "ALLIANCE_SECRET_KEY": "x" * 50}
    env.pop("DATABASE_URL", None)
    env["DJANGO_SETTINGS_MODULE"] = "alliance.web.settings"
    script = (
        "import django; django.setup();"
        "from django.core.management import call_command; call_command('migrate', verbosity=0);"
        "from alliance.web.accounts.models import Clinic, User;"
        "User.objects.create_user('theo', clinic=Clinic.objects.create(name='c'))"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True)


def test_create_works_on_a_data_directory(tmp_path):
    _clinic_in(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "ALLIANCE_SECRET_KEY")}
    done = subprocess.run(
        [ALLIANCE, "token", "create", "theo", "--data-dir", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    plain = done.stdout.strip().splitlines()[-1]
    with sqlite3.connect(tmp_path / "alliance.sqlite3") as db:
        hashes = [row[0] for row in db.execute("SELECT token_hash FROM api_apitoken")]
    assert hashes == [hash_token(plain)]
