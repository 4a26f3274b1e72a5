"""`alliance retention` lists the records past the clinic's retention period and, with --apply,
erases them; records in care or within the period stay."""

import datetime as dt

from click.testing import CliRunner

from alliance.cli import main
from alliance.web.clinic.models import AuditEvent, Client, ClinicSettings


def _ended(client, day: dt.date) -> None:
    client.episodes.update(ended=day, ending="completed")


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, ["retention", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_dry_run_lists_and_apply_erases_only_records_past_the_period(
    make_client, theo, clinic, time_machine
):
    time_machine.move_to(dt.datetime(2034, 6, 1, 12, tzinfo=dt.UTC), tick=False)
    ClinicSettings.objects.update_or_create(clinic=clinic, defaults={"retention_years": 7})
    old, recent = make_client(theo, code="C-OLD001"), make_client(theo, code="C-RECENT")
    make_client(theo, code="C-INCARE")
    _ended(old, dt.date(2027, 5, 31))
    _ended(recent, dt.date(2027, 6, 2))
    assert "would erase C-OLD001" in _run() and "1 record(s) due" in _run()
    assert Client.objects.count() == 3
    assert "erased C-OLD001" in _run("--apply")
    assert set(Client.objects.values_list("code", flat=True)) == {"C-RECENT", "C-INCARE"}
    assert AuditEvent.objects.get(kind="erase").action == "erased-past-retention"


def test_no_retention_setting_erases_nothing(make_client, theo):
    _ended(make_client(theo, code="C-OLD001"), dt.date(2000, 1, 1))
    assert "0 record(s)" in _run("--apply") and Client.objects.exists()
