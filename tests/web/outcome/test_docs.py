"""The outcome features stay documented: the alert kind, the caching and the PDF requirements."""

from pathlib import Path

from alliance.web.clinic.models import AlertKind
from alliance.web.outcome.cache import REFIT_EVERY

CLINIC_DOCS = Path(__file__).resolve().parents[3] / "docs" / "clinic.md"


def test_the_not_on_track_alert_kind_is_in_the_alert_table():
    text = CLINIC_DOCS.read_text()
    assert f"| `{AlertKind.NOT_ON_TRACK}` | warning |" in text


def test_the_refit_rule_and_the_pdf_requirements_are_documented():
    text = CLINIC_DOCS.read_text()
    assert f"divided by {REFIT_EVERY}" in text
    assert "## PDF requirements" in text and "Pango" in text
