"""The catalogues a client reads hold the check-in's words in Spanish (completeness, placeholders
and the compiled files of every catalogue: tests/web/i18n/test_staff_catalogues.py)."""

from __future__ import annotations

import pytest

from tests.web.i18n.catalogues import WEB, as_catalogue, po_entries

CLIENT_FACING = ("checkin", "delivery", "goals")  # apps whose catalogues the client reads


@pytest.mark.parametrize("app", CLIENT_FACING)
def test_the_client_facing_catalogues_hold_the_check_in_words(app):
    catalogue = as_catalogue(po_entries(WEB / app / "locale" / "es" / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) >= 15
    assert all(catalogue.values())
