"""The client PDF laid out as pages: no page but the last left half empty (a section too tall for
what is left of a page runs on to the next), and each chart with its key and text alternative."""

from __future__ import annotations

import pytest
import weasyprint
from django.urls import reverse

from alliance.web.clinic.answers import store_answers
from tests.web.outcome_helpers import store_series

FULLEST_GAP = 0.2  # at most this share of a page (not the last) is left empty


class _Recording(weasyprint.HTML):
    """The renderer the view uses, keeping the laid-out pages it wrote."""

    pages: list = []

    def write_pdf(self, *args, **kwargs):
        document = self.render()
        _Recording.pages = document.pages
        return document.write_pdf(*args, **kwargs)


def _bottoms(box):
    children = list(box.all_children()) if hasattr(box, "all_children") else []
    if not children:
        yield box.position_y + box.margin_height()
    for child in children:
        yield from _bottoms(child)


def _filled(page) -> float:
    """The share of the page's content area its content reaches down to."""
    box = page._page_box
    content = [child for child in box.children if type(child).__name__ != "MarginBox"]
    bottom = max(b for child in content for b in _bottoms(child))
    return (bottom - box.content_box_y()) / box.height


@pytest.fixture
def long_course(theo, make_client):
    client = make_client(theo, code="C-PAGES", sessions=8, goals=("Sleep", "Work", "Friends"))
    store_series(client, [19, 18, 18, 16, 17, 13, 11, 9], rating=7)
    for number in range(1, 9):
        progress = {str(goal.pk): number for goal in client.goals.all()}
        store_answers(
            client.sessions.get(number=number),
            {"goal-progress": progress},
            respondent="client",
        )
    return client


def test_no_page_of_the_client_pdf_is_left_half_empty(login, theo, long_course, monkeypatch):
    monkeypatch.setattr(weasyprint, "HTML", _Recording)
    response = login(theo).get(reverse("client-report-pdf", args=[long_course.code]))
    assert response["Content-Type"] == "application/pdf"
    pages = _Recording.pages
    assert len(pages) >= 2
    assert [round(_filled(page), 2) for page in pages[:-1] if _filled(page) < 1 - FULLEST_GAP] == []


def test_the_report_charts_carry_keys_and_text_alternatives(login, theo, long_course):
    html = login(theo).get(reverse("client-report", args=[long_course.code])).content.decode()
    for chart in ("report-alliance", "report-outcome"):
        assert f'aria-labelledby="{chart}-title {chart}-desc"' in html
        assert f'<desc id="{chart}-desc">' in html
    assert html.count('aria-label="Key to the chart"') == 2
    assert "</svg>Agreeing on what we work on</li>" in html and "</svg>Your score</li>" in html
    assert "</svg>mild (5-9)</li>" in html
