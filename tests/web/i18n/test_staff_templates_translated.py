"""Every word a staff template shows is inside a translation tag."""

from __future__ import annotations

import pytest

from tests.web.i18n.staff_templates import WEB, staff_templates, untranslated


def test_the_scan_covers_the_staff_templates():
    names = {path.relative_to(WEB).as_posix() for path in staff_templates()}
    assert "templates/base.html" in names
    assert "caseload/templates/caseload/page.html" in names
    assert not any(name.startswith("checkin/") for name in names)


def test_the_scan_finds_loose_text_and_passes_marked_text():
    source = (
        '{% load i18n %}<p title="Loose title">{% translate "Marked" %} 3 · {{ x }}</p>'
        "<p>Loose words</p>{{ when|default:'never' }}{{ when|date:'j M Y' }}"
        "<code>machine_text</code>{% blocktranslate %}Marked {{ x }}{% endblocktranslate %}"
    )
    assert untranslated(source) == ["never", "Loose title", "Loose words"]


@pytest.mark.parametrize("path", staff_templates(), ids=lambda path: path.name)
def test_no_staff_template_shows_untranslated_words(path):
    loose = untranslated(path.read_text())
    assert not loose, f"{path.relative_to(WEB)}: not marked for translation: {loose}"
