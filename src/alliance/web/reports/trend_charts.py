"""The team trends' three charts by month: the alliance by part, the outcome, the repair rate;
each with its legend, the page's table being their text alternative; each drawn wide and narrow,
the stylesheet showing the one that fits."""

from __future__ import annotations

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alliance.measures import get_instrument
from alliance.web.charts.legend import render_legend
from alliance.web.charts.months import MonthChart, MonthLine, month_entries, months_for_screens
from alliance.web.clinic.instruments import short_name

from .trends import FEW_CHECKINS, FEW_RUPTURES, Month

PARTS = [
    ("goal", gettext_lazy("Goals"), "square"),
    ("task", gettext_lazy("Tasks"), "triangle"),
    ("bond", gettext_lazy("Bond"), "diamond"),
]


def better_words(outcome: str) -> str:
    return (
        _("higher is better") if get_instrument(outcome).higher_is_better else _("lower is better")
    )


def trend_charts(months: list[Month], outcome: str) -> list[dict[str, SafeString]]:
    return [_alliance(months), _outcome(months, outcome), _repair(months)]


def _drawn(chart: MonthChart, chart_id: str) -> dict[str, SafeString]:
    return {
        "svg": months_for_screens(chart, chart_id=chart_id),
        "legend": render_legend(month_entries(chart)),
    }


def _few_checkins(months: list[Month]) -> list[bool]:
    return [m.checkins < FEW_CHECKINS for m in months]


def _alliance(months: list[Month]) -> dict[str, SafeString]:
    lines = [MonthLine(_("Alliance (all items)"), "outcome", [m.alliance for m in months])]
    lines += [
        MonthLine(str(name), dim, [getattr(m, dim) for m in months], shape)
        for dim, name, shape in PARTS
    ]
    chart = MonthChart(
        title=_("The alliance by month, as the clients rated it"),
        desc=_(
            "Mean client check-in rating (0-10, higher is better) of each month, in all and by "
            "goals, tasks and bond; the table below gives every figure and count."
        ),
        y_label=_("Mean rating (0-10)"),
        y_range=(0, 10),
        months=[m.month for m in months],
        lines=lines,
        few=_few_checkins(months),
        few_words=_("fewer than %(count)s check-ins that month") % {"count": FEW_CHECKINS},
    )
    return _drawn(chart, "trend-alliance")


def _outcome(months: list[Month], outcome: str) -> dict[str, SafeString]:
    name, better = short_name(outcome), better_words(outcome)
    chart = MonthChart(
        title=_("The outcome by month: %(name)s") % {"name": name},
        desc=_(
            "Mean %(name)s total of each month's answers (%(better)s); the table below gives "
            "every figure and count."
        )
        % {"name": name, "better": better},
        y_label=_("Mean %(name)s (%(better)s)") % {"name": name, "better": better},
        y_range=get_instrument(outcome).scale_range("total"),
        months=[m.month for m in months],
        lines=[
            MonthLine(_("Mean %(name)s") % {"name": name}, "outcome", [m.outcome for m in months])
        ],
        few=[m.outcome_count < FEW_CHECKINS for m in months],
        few_words=_("fewer than %(count)s answers that month") % {"count": FEW_CHECKINS},
    )
    return _drawn(chart, "trend-outcome")


def _repair(months: list[Month]) -> dict[str, SafeString]:
    rates = [None if m.repair_rate is None else 100 * m.repair_rate for m in months]
    chart = MonthChart(
        title=_("The repair rate by the month ruptures began"),
        desc=_(
            "Share repaired among the ruptures that began that month and whose repair window "
            "has closed (open ones are left out until it closes); the table below gives the counts."
        ),
        y_label=_("Repaired (%)"),
        y_range=(0, 100),
        months=[m.month for m in months],
        lines=[MonthLine(_("Repaired, of the ruptures decided"), "goal", rates)],
        few=[m.closed < FEW_RUPTURES for m in months],
        few_words=_("fewer than %(count)s decided ruptures that month") % {"count": FEW_RUPTURES},
    )
    return _drawn(chart, "trend-repair")
