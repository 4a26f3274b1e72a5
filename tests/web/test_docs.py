"""The docs stay honest: every setting, alert kind and URL is documented."""

import re
from pathlib import Path

from django.urls import get_resolver

DOCS = Path(__file__).resolve().parents[2] / "docs"
SETTINGS = Path(__file__).resolve().parents[2] / "src/alliance/web/settings.py"
RULES = Path(__file__).resolve().parents[2] / "src/alliance/web/alerts/rules.py"


def test_every_environment_variable_is_documented():
    names = set(re.findall(r'env(?:str|int|bool)\("([A-Z_]+)"', SETTINGS.read_text()))
    documented = (DOCS / "clinic.md").read_text()
    assert names and all(f"`{name}`" in documented for name in names)


def test_every_alert_kind_is_documented():
    from alliance.measures import list_instruments

    kinds = set(re.findall(r'"(alliance-[a-z]+)",\s*Severity', RULES.read_text()))
    kinds |= {
        flag.id for inst in list_instruments() for flag in inst.flags if inst.respondent == "client"
    }
    documented = (DOCS / "clinic.md").read_text()
    assert "alliance-drop" in kinds and all(f"`{kind}`" in documented for kind in kinds)


def test_every_page_is_in_the_url_map():
    documented = (DOCS / "clinic.md").read_text()
    for pattern in get_resolver().url_patterns:
        route = str(pattern.pattern)
        for inner in getattr(pattern, "url_patterns", [pattern]):
            full = (route + str(inner.pattern)) if route else str(inner.pattern)
            shown = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"<\1>", full)
            shown = shown.replace("<number>", "<n>").replace("<pk>", "<id>")
            assert full.startswith("admin/") or f"`{shown}`" in documented, shown
