"""Every catalogue is fully translated into Spanish, keeps its placeholders, and ships compiled
from its current text (a msgstr left empty or fuzzy, or a .po changed without compiling, fails)."""

from __future__ import annotations

import gettext

import pytest

from tests.web.i18n.catalogues import CATALOGUES, WEB, as_catalogue, po_entries


def _name(path) -> str:
    return path.relative_to(WEB).parts[0]


def test_the_apps_and_the_site_pages_have_a_spanish_catalogue():
    names = {_name(path) for path in CATALOGUES}
    assert {"locale", "caseload", "checkin", "clientpage", "goals", "ruptures", "security"} <= names


@pytest.mark.parametrize("po", CATALOGUES, ids=_name)
def test_every_message_has_a_spanish_translation(po):
    entries = po_entries(po)
    assert entries, f"{po}: no messages"
    untranslated = [
        entry["msgid"]
        for entry in entries
        if "fuzzy" in entry["flags"] or not all(as_catalogue([entry]).values())
    ]
    assert untranslated == [], f"{po}: untranslated or fuzzy"


@pytest.mark.parametrize("po", CATALOGUES, ids=_name)
def test_the_shipped_mo_file_is_its_po_file_compiled(po):
    with po.with_suffix(".mo").open("rb") as compiled:
        shipped = gettext.GNUTranslations(compiled)._catalog
    written = as_catalogue(po_entries(po))
    assert {key: text for key, text in shipped.items() if key != ""} == written, (
        f"{po}: run compilemessages"
    )


@pytest.mark.parametrize("po", CATALOGUES, ids=_name)
def test_every_placeholder_survives_the_translation(po):
    for entry in po_entries(po):
        if "python-format" in entry["flags"]:
            names = {part.split(")")[0] for part in entry["msgid"].split("%(")[1:]}
            for text in as_catalogue([entry]).values():
                assert all(f"%({name})" in text for name in names), entry["msgid"]
