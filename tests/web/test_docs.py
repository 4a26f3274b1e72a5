"""The docs stay honest: every setting, alert kind and URL is documented."""

import ast
import re
from pathlib import Path

from django.urls import get_resolver

DOCS = Path(__file__).resolve().parents[2] / "docs"
SETTINGS = Path(__file__).resolve().parents[2] / "src/alliance/web/settings.py"


def test_every_environment_variable_is_documented():
    names = set(re.findall(r'env(?:str|int|bool)\("([A-Z_]+)"', SETTINGS.read_text()))
    documented = (DOCS / "clinic.md").read_text()
    assert names and all(f"`{name}`" in documented for name in names)


def test_every_clinic_setting_is_in_the_settings_table():
    from alliance.web.clinic.models import ClinicSettings

    documented = (DOCS / "clinic.md").read_text()
    table = documented.split("| Setting | Default | Meaning |")[1].split("\n\n")[0]
    names = [f.name for f in ClinicSettings._meta.concrete_fields if f.name not in {"id", "clinic"}]
    assert "crisis_contact_number" in names
    assert [name for name in names if f"| `{name}` |" not in table] == []


def test_every_alert_kind_is_in_the_alert_table_with_its_severity():
    from alliance.web.clinic.models import AlertKind

    documented = (DOCS / "clinic.md").read_text()
    table = documented.split("| Kind | Severity |")[1].split("\n\n")[0]
    rows = [f"| `{kind}` | {kind.severity.label.lower()} |" for kind in AlertKind]
    assert len(rows) >= 7 and [row for row in rows if row not in table] == []


def test_every_flag_that_raises_an_alert_is_an_alert_kind_of_its_severity():
    from alliance.measures import list_instruments
    from alliance.web.clinic.models import AlertKind, Severity

    raising = [
        flag
        for inst in list_instruments()
        for flag in inst.flags
        if flag.urgent or inst.respondent == "client"
    ]
    kinds = {flag.id: AlertKind(flag.id).severity for flag in raising}
    expected = {flag.id: Severity.URGENT if flag.urgent else Severity.WARNING for flag in raising}
    assert "risk-self-harm" in kinds and kinds == expected


def test_every_page_is_in_the_url_map():
    documented = (DOCS / "clinic.md").read_text()
    for pattern in get_resolver().url_patterns:
        route = str(pattern.pattern)
        for inner in getattr(pattern, "url_patterns", [pattern]):
            full = (route + str(inner.pattern)) if route else str(inner.pattern)
            shown = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"<\1>", full)
            shown = shown.replace("<number>", "<n>").replace("<pk>", "<id>")
            assert full.startswith("admin/") or f"`{shown}`" in documented, shown


def test_the_task_backend_and_its_worker_are_documented():
    from django.conf import settings

    from alliance.cli.worker import command

    clinic, deployment = ((DOCS / page).read_text() for page in ("clinic.md", "deployment.md"))
    backend = settings_module_tasks()["default"]["BACKEND"]
    assert "`TASKS`" in clinic and f"`{backend}`" in clinic
    assert settings.TASKS["default"]["BACKEND"] != backend  # the tests run tasks at once
    assert f"alliance {command.name}" in deployment and "After a crash" in deployment


def settings_module_tasks() -> dict:
    """TASKS as the shipped settings module sets it (the tests' own settings replace it)."""
    found = re.search(r"^TASKS = (\{.*\})$", SETTINGS.read_text(), re.MULTILINE)
    return ast.literal_eval(found.group(1))
