"""The client-facing catalogs are complete in Spanish, and the shipped .mo files are the .po files
compiled: a msgstr left empty or fuzzy, or a .po changed without compiling, fails here."""

from __future__ import annotations

import ast
import gettext
from pathlib import Path

import pytest

import alliance.web

WEB = Path(alliance.web.__file__).parent
CLIENT_FACING = ("checkin", "delivery", "goals")  # apps whose catalogs the client reads
CATALOGS = [WEB / app / "locale" / "es" / "LC_MESSAGES" / "django.po" for app in CLIENT_FACING]


def po_entries(path: Path) -> list[dict]:
    """Each entry of a .po file: its flags, msgid, msgid_plural and msgstr (or msgstr[n])."""
    entries, entry, key = [], {"flags": set()}, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if "msgid" in entry:
                entries.append(entry)
            entry, key = {"flags": set()}, None
        elif line.startswith("#,"):
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        else:
            key, _, quoted = line.partition(" ")
            entry[key] = ast.literal_eval(quoted)
    return entries


def as_catalog(entries: list[dict]) -> dict:
    """The entries as Python's gettext keys them: msgid, or (msgid, n) for plural forms."""
    found = {}
    for entry in entries:
        if "msgid_plural" in entry:
            forms = sorted(key for key in entry if key.startswith("msgstr["))
            found |= {(entry["msgid"], n): entry[key] for n, key in enumerate(forms)}
        else:
            found[entry["msgid"]] = entry["msgstr"]
    return found


@pytest.mark.parametrize("catalog", CATALOGS, ids=CLIENT_FACING)
def test_every_message_has_a_spanish_translation(catalog):
    entries = [entry for entry in po_entries(catalog) if entry["msgid"]]
    assert len(entries) >= 15
    untranslated = [
        entry["msgid"]
        for entry in entries
        if "fuzzy" in entry["flags"] or not all(as_catalog([entry]).values())
    ]
    assert untranslated == []


@pytest.mark.parametrize("catalog", CATALOGS, ids=CLIENT_FACING)
def test_the_shipped_mo_file_is_its_po_file_compiled(catalog):
    with catalog.with_suffix(".mo").open("rb") as compiled:
        shipped = gettext.GNUTranslations(compiled)._catalog
    written = as_catalog([entry for entry in po_entries(catalog) if entry["msgid"]])
    assert {key: text for key, text in shipped.items() if key != ""} == written


def test_every_placeholder_survives_the_translation():
    for catalog in CATALOGS:
        for entry in po_entries(catalog):
            if "python-format" in entry["flags"]:
                for text in as_catalog([entry]).values():
                    names = {part.split(")")[0] for part in entry["msgid"].split("%(")[1:]}
                    assert all(f"%({name})" in text for name in names), entry["msgid"]
