"""The research report (`alliance analyze --report`) as a reader sees it, at 1280 px and on a 320 px
phone: no page scrolling sideways, every word of its charts 11 px or more on the screen, no two
words of a chart touching, each inside its chart; a screenshot of the interval chart is saved."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from alliance.cli import main
from alliance.simulate import simulate_clinic

from .chart_words import chart_words, unreadable
from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    sessions = folder / "sessions.csv"
    simulate_clinic(n_clients=60, seed=7).sessions.to_csv(sessions, index=False)
    target = folder / "report.html"
    result = CliRunner().invoke(main, ["analyze", str(sessions), "--report", str(target)])
    assert result.exit_code == 0, result.output
    return target


@pytest.mark.parametrize("screen", [DESKTOP, PHONE], ids=["desktop", "phone-320"])
def test_the_reports_charts_read_at_every_width(chromium, report, screen, screenshots):
    context = chromium.new_context(**screen)
    page = context.new_page()
    page.goto(report.as_uri())
    assert page.evaluate(OVERFLOW) <= 0
    charts = chart_words(page, "svg")
    assert len(charts) >= 2 and unreadable(charts) == []
    interval = page.locator("figure", has_text="Outcome points per alliance point")
    assert interval.count() == 1
    assert interval.locator("svg text", has_text="Alliance, within a client").count() == 1
    suffix = "" if screen is DESKTOP else "-phone-320"
    interval.screenshot(path=screenshots / f"research-report-intervals{suffix}.png")
    context.close()
