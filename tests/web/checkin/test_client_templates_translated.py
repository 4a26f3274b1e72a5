"""Every word the client's pages show (the check-in, the kiosk, their messages) is inside a
translation tag, so a Spanish-speaking client never meets an English sentence."""

from __future__ import annotations

import pytest

from tests.web.i18n.staff_templates import WEB, untranslated

CLIENT_TEMPLATES = sorted(
    [
        *WEB.glob("checkin/templates/checkin/*.html"),
        *WEB.glob("delivery/templates/delivery/kiosk*.html"),
        *WEB.glob("delivery/templates/delivery/messages/*.txt"),
        WEB / "delivery/templates/delivery/_contact.html",
        WEB / "goals/templates/goals/_checkin_questions.html",
    ]
)


def test_the_scan_covers_the_check_in_the_kiosk_and_the_messages():
    names = {path.name for path in CLIENT_TEMPLATES}
    assert {"client_form.html", "thanks.html", "kiosk.html", "checkin_email.txt"} <= names
    assert len(CLIENT_TEMPLATES) >= 20


@pytest.mark.parametrize("path", CLIENT_TEMPLATES, ids=lambda path: path.name)
def test_no_client_template_shows_untranslated_words(path):
    loose = untranslated(path.read_text())
    assert not loose, f"{path.relative_to(WEB)}: not marked for translation: {loose}"
