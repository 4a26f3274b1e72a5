"""Every kind of alert the clinic raises, with its severity and what raises it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Severity(models.TextChoices):
    URGENT = "urgent", _("Urgent")
    WARNING = "warning", _("Warning")
    INFO = "info", _("For review")


class AlertKind(models.TextChoices):
    """value, severity, what raises it, and the short words shown on badges.

    `Alert.kind` keeps plain choices-free text, so adding a kind here needs no migration."""

    RISK_SELF_HARM = (
        "risk-self-harm",
        Severity.URGENT,
        "PHQ-9 item 9 above 0, whatever the total",
        _("risk of self-harm"),
    )
    RISK_ITEM_UNANSWERED = (
        "risk-item-unanswered",
        Severity.WARNING,
        "PHQ-9 item 9 unanswered while other items were answered",
        _("risk question unanswered"),
    )
    RUPTURE_REPORTED = (
        "rupture-reported",
        Severity.WARNING,
        "the client said something felt off (check-in item 8 above 0)",
        _("something felt off"),
    )
    ALLIANCE_DROP = (
        "alliance-drop",
        Severity.WARNING,
        "the alliance total fell by the reliable-change value since the last check-in",
        _("alliance dropped"),
    )
    ALLIANCE_REVIEW = (
        "alliance-review",
        Severity.INFO,
        "the alliance total is below the instrument's cutoff",
        _("alliance below the line"),
    )
    RUPTURE = (
        "rupture",
        Severity.WARNING,
        "the rupture detector found a new episode",
        _("possible rupture"),
    )
    TASK_DISAGREEMENT = (
        "task-disagreement",
        Severity.WARNING,
        "the client agreed with a task less than the clinic's line",
        _("disagrees with a task"),
    )
    NOT_ON_TRACK = (
        "not-on-track",
        Severity.WARNING,
        "the latest outcome is above the expected range",
        _("not on track"),
    )
    CHECKINS_MISSED = (
        "checkins-missed",
        Severity.WARNING,
        "the client let the clinic's number of sent check-ins in a row expire unanswered",
        _("missed check-ins"),
    )

    def __new__(cls, value: str, severity: str, description: str):
        kind = str.__new__(cls, value)
        kind._value_ = value
        kind.severity = Severity(severity)
        kind.description = description
        return kind
