"""The project's .po catalogues read in Python, so the tests need no gettext tools installed."""

from __future__ import annotations

import ast
from pathlib import Path

import alliance.web

WEB = Path(alliance.web.__file__).parent
CATALOGUES = sorted(WEB.glob("**/locale/es/LC_MESSAGES/django.po"))
CONTEXT_SEPARATOR = "\x04"  # how gettext keys a message with a context: "context\x04msgid"


def po_entries(path: Path) -> list[dict]:
    """Each entry of a .po file but its header: flags, msgctxt, msgid, msgid_plural, msgstr[n]."""
    entries, entry, key = [], {"flags": set()}, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if entry.get("msgid"):
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


def as_catalogue(entries: list[dict]) -> dict:
    """The entries keyed as Python's gettext keys them: msgid, or (msgid, n) for plural forms,
    each msgid prefixed by its context when it has one."""
    found = {}
    for entry in entries:
        msgid = entry["msgid"]
        if "msgctxt" in entry:
            msgid = entry["msgctxt"] + CONTEXT_SEPARATOR + msgid
        if "msgid_plural" in entry:
            forms = sorted(key for key in entry if key.startswith("msgstr["))
            found |= {(msgid, n): entry[key] for n, key in enumerate(forms)}
        else:
            found[msgid] = entry["msgstr"]
    return found
