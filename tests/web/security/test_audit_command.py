"""`alliance audit` prints the audit; a therapist's page view is a read under their name."""

import json

import pytest
from click.testing import CliRunner
from django.urls import reverse

from alliance.cli import main
from alliance.web.clinic.models import AuditEvent


def _audit(*args: str) -> str:
    result = CliRunner().invoke(main, ["audit", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_json_lists_a_therapists_page_view_as_a_read(login, theo, theos_client, coras_client, cora):
    login(theo).get(reverse("client", args=[theos_client.code]))
    login(cora).get(reverse("client", args=[coras_client.code]))
    rows = json.loads(_audit("--client", "C-THEO1", "--format", "json"))
    assert [(r["user"], r["action"], r["client"], r["what"]) for r in rows] == [
        ("theo", "read", "C-THEO1", "client-page")
    ]
    assert {"when", "user", "action", "client", "what"} <= set(rows[0])


def test_user_and_since_filters_and_the_table_and_csv_formats(login, theo, theos_client):
    login(theo).get(reverse("client", args=[theos_client.code]))
    assert "theo" in _audit("--user", "THEO") and "1 row(s)" in _audit("--user", "theo")
    assert _audit("--since", "2999-01-01").strip().endswith("0 row(s)")
    lines = _audit("--user", "theo", "--format", "csv").splitlines()
    assert lines[0] == "when,user,action,client,what,target,ip" and ",read,C-THEO1," in lines[1]


def test_a_bad_date_names_the_option(db):
    result = CliRunner().invoke(main, ["audit", "--since", "yesterday"])
    assert result.exit_code == 2 and "--since" in result.output


def test_reading_the_audit_from_the_command_line_is_audited(db):
    _audit("--client", "C-THEO1")
    assert AuditEvent.objects.get(action="audit-command").target == "client=C-THEO1"


VIEW_A_CLIENT = """
import django, os, sys
from pathlib import Path
from alliance.cli._django import stored_secret
folder = Path(sys.argv[1])
os.environ.update(ALLIANCE_DATA_DIR=str(folder), ALLIANCE_SECRET_KEY=stored_secret(folder),
                  DJANGO_SETTINGS_MODULE="alliance.web.settings")
django.setup()
from django.core.management import call_command
from django.test import Client as Browser
from alliance.web.accounts.models import Clinic, User
from alliance.web.clinic.record import add_client
import datetime as dt
call_command("migrate", verbosity=0)
clinic = Clinic.objects.create(name="Riverside")
theo = User.objects.create_user("theo", password="x" * 12, clinic=clinic)
client = add_client(therapist=theo, started=dt.date(2026, 1, 5))
browser = Browser()
browser.force_login(theo)
from django_otp.plugins.otp_totp.models import TOTPDevice
session = browser.session
session["otp_device_id"] = TOTPDevice.objects.create(user=theo, name="phone").persistent_id
session.save()
assert browser.get(f"/clients/{client.code}/", HTTP_HOST="localhost").status_code == 200
print(client.code)
"""


@pytest.mark.slow  # two fresh processes and a migrated database
def test_the_command_reads_the_audit_of_a_data_directory(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    run = [sys.executable, "-c", VIEW_A_CLIENT, str(tmp_path)]
    code = subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout.strip()
    command = [str(Path(sys.executable).parent / "alliance"), "audit", "--data-dir", str(tmp_path)]
    command += ["--client", code, "--format", "json"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    reads = [row for row in json.loads(done.stdout) if row["action"] == "read"]
    assert [(row["user"], row["client"]) for row in reads] == [("theo", code)]
