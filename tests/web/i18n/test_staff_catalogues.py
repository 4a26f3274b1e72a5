"""Every staff catalogue is fully translated into Spanish and compiled from its current text."""

from __future__ import annotations

import subprocess

import pytest

from tests.web.i18n.staff_templates import WEB

CATALOGUES = sorted(WEB.glob("**/locale/es/LC_MESSAGES/django.po"))


def test_the_staff_apps_and_the_site_pages_have_a_spanish_catalogue():
    names = {path.relative_to(WEB).parts[0] for path in CATALOGUES}
    assert {"locale", "caseload", "clientpage", "goals", "ruptures", "security"} <= names


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda path: path.relative_to(WEB).parts[0])
def test_every_message_has_a_spanish_translation(po):
    report = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    assert "untranslated" not in report and "fuzzy" not in report, f"{po}: {report}"


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda path: path.relative_to(WEB).parts[0])
def test_the_compiled_catalogue_is_current(po, tmp_path):
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check", "-o", str(fresh), str(po)], check=True)
    assert fresh.read_bytes() == po.with_suffix(".mo").read_bytes(), f"{po}: run compilemessages"
