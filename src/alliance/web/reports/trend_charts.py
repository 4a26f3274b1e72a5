"""The team trends' three charts by month: the alliance by part, the outcome, the repair rate;
each with its legend, the page's table being their text alternative."""

from __future__ import annotations

from django.utils.safestring import SafeString

from alliance.measures import get_instrument
from alliance.web.charts.legend import render_legend
from alliance.web.charts.months import MonthChart, MonthLine, month_entries, render_months
from alliance.web.clinic.instruments import short_name

from .trends import FEW_CHECKINS, FEW_RUPTURES, Month

PARTS = [("goal", "Goals", "square"), ("task", "Tasks", "triangle"), ("bond", "Bond", "diamond")]


def better_words(outcome: str) -> str:
    return "higher is better" if get_instrument(outcome).higher_is_better else "lower is better"


def trend_charts(months: list[Month], outcome: str) -> list[dict[str, SafeString]]:
    return [_alliance(months), _outcome(months, outcome), _repair(months)]


def _drawn(chart: MonthChart, chart_id: str) -> dict[str, SafeString]:
    return {
        "svg": render_months(chart, chart_id=chart_id),
        "legend": render_legend(month_entries(chart)),
    }


def _few_checkins(months: list[Month]) -> list[bool]:
    return [m.checkins < FEW_CHECKINS for m in months]


def _alliance(months: list[Month]) -> dict[str, SafeString]:
    lines = [MonthLine("Alliance (all items)", "outcome", [m.alliance for m in months])]
    lines += [
        MonthLine(name, dim, [getattr(m, dim) for m in months], shape) for dim, name, shape in PARTS
    ]
    chart = MonthChart(
        title="The alliance by month, as the clients rated it",
        desc="Mean client check-in rating (0-10, higher is better) of each month, in all and by "
        "goals, tasks and bond; the table below gives every figure and count.",
        y_label="Mean rating (0-10)",
        y_range=(0, 10),
        months=[m.month for m in months],
        lines=lines,
        few=_few_checkins(months),
        few_words=f"fewer than {FEW_CHECKINS} check-ins that month",
    )
    return _drawn(chart, "trend-alliance")


def _outcome(months: list[Month], outcome: str) -> dict[str, SafeString]:
    name, better = short_name(outcome), better_words(outcome)
    chart = MonthChart(
        title=f"The outcome by month: {name}",
        desc=f"Mean {name} total of each month's answers ({better}); the table below gives "
        "every figure and count.",
        y_label=f"Mean {name} ({better})",
        y_range=get_instrument(outcome).scale_range("total"),
        months=[m.month for m in months],
        lines=[MonthLine(f"Mean {name}", "outcome", [m.outcome for m in months])],
        few=[m.outcome_count < FEW_CHECKINS for m in months],
        few_words=f"fewer than {FEW_CHECKINS} answers that month",
    )
    return _drawn(chart, "trend-outcome")


def _repair(months: list[Month]) -> dict[str, SafeString]:
    rates = [None if m.repair_rate is None else 100 * m.repair_rate for m in months]
    chart = MonthChart(
        title="The repair rate by the month ruptures began",
        desc="Share repaired among the ruptures that began that month and whose repair window "
        "has closed (open ones are left out until it closes); the table below gives the counts.",
        y_label="Repaired (%)",
        y_range=(0, 100),
        months=[m.month for m in months],
        lines=[MonthLine("Repaired, of the ruptures decided", "goal", rates)],
        few=[m.closed < FEW_RUPTURES for m in months],
        few_words=f"fewer than {FEW_RUPTURES} decided ruptures that month",
    )
    return _drawn(chart, "trend-repair")
