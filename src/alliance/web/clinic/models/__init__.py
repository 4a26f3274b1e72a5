"""The clinical record, one file per part."""

from .alert_kinds import AlertKind, Severity
from .alerts import Alert
from .audit import AppendOnly, AuditEvent, AuditKind
from .goals import (
    Goal,
    GoalAgreement,
    GoalStatus,
    GoalStatusChange,
    Task,
    TaskCheck,
    TaskDone,
    TaskKind,
    TaskStatus,
)
from .record import Attendance, Client, Ending, Episode, Session
from .responses import CheckinLink, CheckinSubmission, Respondent, Response
from .ruptures import Rupture, RuptureKind, RuptureStatus
from .settings import ClinicSettings

__all__ = [
    "Alert",
    "AlertKind",
    "Attendance",
    "AppendOnly",
    "AuditEvent",
    "AuditKind",
    "CheckinLink",
    "CheckinSubmission",
    "Client",
    "ClinicSettings",
    "Ending",
    "Episode",
    "Goal",
    "GoalAgreement",
    "GoalStatus",
    "GoalStatusChange",
    "Respondent",
    "Response",
    "Rupture",
    "RuptureKind",
    "RuptureStatus",
    "Session",
    "Severity",
    "Task",
    "TaskCheck",
    "TaskDone",
    "TaskKind",
    "TaskStatus",
]
