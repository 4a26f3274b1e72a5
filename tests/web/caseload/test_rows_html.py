"""The list's rows keep each word, date and badge they say once per rendering: the rows of a page
rendered together are byte for byte the rows rendered one by one, in English and Spanish, with
names that need escaping, and a rendering in one language never keeps another's words."""

import datetime as dt

import pytest
from django.utils import translation

from alliance.web.caseload.query import Badge, Change, ListedClient, ListedTherapist, Row, Status
from alliance.web.caseload.rows import rows_html
from alliance.web.outcome.recovery import Track

SPRING = dt.date(2026, 3, 2)


def _row(pk: int, *, name: str = "", active: bool = True, delta: float | None = 1.0) -> Row:
    therapist = ListedTherapist("theo", 'Theo "T" <b>', "O'Neil & co")
    return Row(
        client=ListedClient(pk, f"C-{pk:03d}", name, 1, therapist),
        alliance=[Change("goal", 7.0, delta), Change("task", None, None), Change("bond", 5.5, 0.0)],
        alliance_total=6.5,
        outcome=12.0,
        band="<moderate>",
        alerts=[Badge("urgent", "risk-self-harm"), Badge("warning", "alliance-drop")],
        alliance_change=Change("alliance", 6.5, delta),
        status=Status("improved", "reliable & clinical"),
        track=Track("not-on-track", 4, 12.0, 9.0, 7.0, 11.0, True),
        active=active,
        ended=None if active else SPRING,
        last_session=SPRING,
        checkin_status="Sent <now>",
    )


def _rows() -> list[Row]:
    return [
        _row(1, name='<b>"Zoë" & co</b>'),
        _row(2, active=False),
        _row(3, delta=None),
        _row(4, delta=-2.5),
        _row(5, name="Ana"),
        _row(6, active=False, delta=0.0),
    ]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("show_therapist", [True, False])
def test_rows_rendered_together_are_the_rows_rendered_alone(language, show_therapist):
    rows = _rows()
    with translation.override(language):
        together = rows_html(rows, show_therapist=show_therapist)
        alone = "\n".join(rows_html([row], show_therapist=show_therapist) for row in rows)
    assert together == alone
    assert "&lt;b&gt;&quot;Zoë&quot; &amp; co&lt;/b&gt;" in together
    assert "<b>" not in together and "&lt;now&gt;" in together
    assert ("Theo &quot;T&quot; &lt;b&gt; O&#x27;Neil &amp; co" in together) == show_therapist


def test_a_rendering_says_its_own_language_words():
    rows = _rows()
    with translation.override("en"):
        english = rows_html(rows, show_therapist=False)
    with translation.override("es"):
        spanish = rows_html(rows, show_therapist=False)
    assert "first check-in" in english and "no change" in english
    assert spanish != english
    assert "first check-in" not in spanish and "no change" not in spanish


def test_a_spanish_rendering_writes_its_numbers_with_a_decimal_comma():
    rows = [_row(4, delta=-2.5)]
    with translation.override("en"):
        english = rows_html(rows, show_therapist=False)
    with translation.override("es"):
        spanish = rows_html(rows, show_therapist=False)
    assert '<span class="score">5.5</span>' in english and "down 2.5" in english
    assert '<span class="score">5,5</span>' in spanish and "baja 2,5" in spanish
    assert '<span class="score">7</span>' in spanish  # a whole number has no decimals
    assert "5.5" not in spanish and "2.5" not in spanish
