"""The clinical record, one file per part."""

from .alerts import Alert, Severity
from .audit import AuditEvent
from .goals import Goal, GoalStatus, Task
from .record import Attendance, Client, Ending, Episode, Session
from .responses import CheckinLink, Respondent, Response
from .settings import ClinicSettings

__all__ = [
    "Alert", "Attendance", "AuditEvent", "CheckinLink", "Client", "ClinicSettings", "Ending",
    "Episode", "Goal", "GoalStatus", "Respondent", "Response", "Session", "Severity", "Task",
]
