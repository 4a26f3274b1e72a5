"""What runs after each check-in, inside its transaction: the client's goal and task ratings,
the rupture detector, and a task-disagreement alert when no open rupture already explains it."""

from __future__ import annotations

from alliance.web.clinic.models import ClinicSettings, Session
from alliance.web.goals.checkin import RatingsForm, store_ratings
from alliance.web.goals.disagreement import disagreement_alert
from alliance.web.outcome.alerts import after_checkin as follow_recovery

from .follow import follow_client


def after_client_checkin(session: Session, ratings: RatingsForm) -> None:
    checks = store_ratings(session, ratings)
    settings = ClinicSettings.for_clinic(session.client.clinic_id)
    if follow_client(session.client, session, settings=settings) is None:
        disagreement_alert(session, checks, settings.task_agreement_line)
    follow_recovery(session.client)


def after_therapist_form(session: Session) -> None:
    follow_client(session.client, session)
