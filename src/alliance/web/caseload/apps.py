from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class CaseloadConfig(AppConfig):
    name = "alliance.web.caseload"
    label = "caseload"

    def ready(self) -> None:
        from alliance.web.clinic.models import Alert, AuditEvent, Client, Episode, Response, Session
        from alliance.web.followup.steps import AFTER, ANALYSE, PREPARE, register_step

        from .backfill import fill_missing
        from .steps import (
            alert_audited,
            alert_saved,
            client_saved,
            episode_changed,
            prepare_summaries,
            response_saved,
            session_changed,
            stale_tracks_step,
            summary_later_step,
            summary_step,
        )

        register_step(PREPARE, 90, prepare_summaries)  # the answers' part, before the transaction
        register_step(ANALYSE, 0, summary_later_step)  # the alerts' rewrites wait for the last
        register_step(ANALYSE, 90, summary_step)  # last: it sums up what the others stored
        register_step(AFTER, 90, stale_tracks_step)  # once per run, not inside each client's
        post_save.connect(alert_saved, sender=Alert, dispatch_uid="summary-alert")
        post_save.connect(alert_audited, sender=AuditEvent, dispatch_uid="summary-alert-audit")
        post_save.connect(episode_changed, sender=Episode, dispatch_uid="summary-episode")
        post_delete.connect(episode_changed, sender=Episode, dispatch_uid="summary-episode-gone")
        post_save.connect(session_changed, sender=Session, dispatch_uid="summary-session")
        post_delete.connect(session_changed, sender=Session, dispatch_uid="summary-session-gone")
        post_save.connect(response_saved, sender=Response, dispatch_uid="summary-response")
        post_save.connect(client_saved, sender=Client, dispatch_uid="summary-client")
        post_migrate.connect(fill_missing, sender=self, dispatch_uid="summary-backfill")
