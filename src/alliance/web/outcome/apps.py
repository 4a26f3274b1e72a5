from django.apps import AppConfig


class OutcomeConfig(AppConfig):
    name = "alliance.web.outcome"
    label = "outcome"

    def ready(self) -> None:
        from alliance.web.clinic.alert_words import register_words
        from alliance.web.clinic.models import AlertKind
        from alliance.web.followup.steps import ANALYSE, PREPARE, register_step

        from .alerts import prepare_recovery, recovery_step
        from .off_track_words import off_track_words

        register_step(PREPARE, 30, prepare_recovery)  # the placement, before the transaction
        register_step(ANALYSE, 30, recovery_step)
        register_words(AlertKind.NOT_ON_TRACK, off_track_words)
