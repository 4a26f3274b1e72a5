"""Django merges every app's catalogue into one, so a message translated two ways in two apps
shows whichever app comes first, on both apps' pages: each message has one translation (a
message meant differently in two places carries a context)."""

from __future__ import annotations

from collections import defaultdict

from .catalogues import CATALOGUES, WEB, as_catalogue, po_entries


def _translations() -> dict:
    found: dict = defaultdict(dict)
    for path in CATALOGUES:
        entries = [e for e in po_entries(path) if "fuzzy" not in e["flags"]]
        for key, text in as_catalogue(entries).items():
            if text:
                found[key][str(path.relative_to(WEB))] = text
    return found


def test_every_message_has_one_translation_across_the_catalogues():
    twice = {key: where for key, where in _translations().items() if len(set(where.values())) > 1}
    assert twice == {}


def test_the_catalogues_are_read():
    assert len(CATALOGUES) >= 10 and len(_translations()) > 500
