"""The client and the supervision PDFs laid out as pages: no page but the last left half empty (a
section too tall for what is left of a page runs on to the next), each chart printed once (the
wide picture; the narrow one is for phones) with every word 8 pt or more on A4, and each chart with
its key and text alternative."""

from __future__ import annotations

import pytest
import weasyprint
from django.urls import reverse

from alliance.web.clinic.answers import store_answers
from tests.web.outcome_helpers import store_series

FULLEST_GAP = 0.2  # at most this share of a page (not the last) is left empty
SMALLEST_POINTS = 8  # a chart's words on paper
POINTS_PER_PX = 0.75  # CSS: 96 px to the inch, 72 pt


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


def _boxes(box):
    yield box
    for child in box.all_children() if hasattr(box, "all_children") else []:
        yield from _boxes(child)


def _printed_charts(pages) -> list[tuple[str, float]]:
    """Each chart drawn on the pages: its class, and its smallest word in points on paper."""
    found = []
    for page in pages:
        for box in _boxes(page._page_box):
            tag = getattr(box, "element_tag", None) or ""
            if tag.endswith("}svg") and "chart" in box.element.get("class", ""):
                scale = box.width / float(box.element.get("viewBox").split()[2])
                sizes = [float(t.get("font-size")) for t in box.element.iterfind(".//{*}text")]
                found.append((box.element.get("class"), min(sizes) * scale * POINTS_PER_PX))
    return found


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


@pytest.fixture
def long_caseload(theo, make_client):
    """Twelve clients of Theo's, one a month apart in how they do, three of them off track."""
    for n in range(12):
        client = make_client(theo, code=f"C-CASE{n:02d}", sessions=4)
        worse = n % 4 == 0
        totals = [18, 20, 22, 23] if worse else [18 - n, 16 - n, 14 - n, 12 - n]
        store_series(client, [max(t, 0) for t in totals], rating=6 if worse else 9, follow_up=True)


def _laid_out(response) -> list:
    assert response["Content-Type"] == "application/pdf"
    return _Recording.pages


def _half_empty(pages) -> list[float]:
    return [round(_filled(page), 2) for page in pages[:-1] if _filled(page) < 1 - FULLEST_GAP]


def test_no_page_of_the_client_pdf_is_left_half_empty(login, theo, long_course, monkeypatch):
    monkeypatch.setattr(weasyprint, "HTML", _Recording)
    pages = _laid_out(login(theo).get(reverse("client-report-pdf", args=[long_course.code])))
    assert len(pages) >= 2
    assert _half_empty(pages) == []


def test_the_client_pdf_prints_each_chart_once_in_words_of_8_points_or_more(
    login, theo, long_course, monkeypatch
):
    monkeypatch.setattr(weasyprint, "HTML", _Recording)
    pages = _laid_out(login(theo).get(reverse("client-report-pdf", args=[long_course.code])))
    charts = _printed_charts(pages)
    assert [css for css, _ in charts] == ["chart wide-chart"] * 2
    assert [round(points, 1) for _, points in charts if points < SMALLEST_POINTS] == []


def test_the_supervision_pdf_reads_on_paper_and_leaves_no_page_half_empty(
    login, theo, sam, long_caseload, monkeypatch
):
    monkeypatch.setattr(weasyprint, "HTML", _Recording)
    pages = _laid_out(login(sam).get(reverse("supervision-report-pdf", args=[theo.username])))
    assert len(pages) >= 2 and _half_empty(pages) == []
    charts = _printed_charts(pages)
    assert [css for css, _ in charts] == ["chart intervals wide-chart"]
    assert charts[0][1] >= SMALLEST_POINTS


def test_the_report_charts_carry_keys_and_text_alternatives(login, theo, long_course):
    html = login(theo).get(reverse("client-report", args=[long_course.code])).content.decode()
    for chart in ("report-alliance", "report-outcome"):
        assert f'aria-labelledby="{chart}-title {chart}-desc"' in html
        assert f'<desc id="{chart}-desc">' in html
    assert html.count('aria-label="Key to the chart"') == 2
    assert "</svg>Agreeing on what we work on</li>" in html and "</svg>Your score</li>" in html
    assert "</svg>mild (5-9)</li>" in html
