from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "alliance.web.goals"
    label = "goals"

    def ready(self) -> None:
        from alliance.web.clinic.alert_words import register_words
        from alliance.web.clinic.models import AlertKind
        from alliance.web.followup.steps import ANALYSE, register_step

        from .disagreement import disagreement_words
        from .steps import disagreement_step

        register_step(ANALYSE, 20, disagreement_step)  # after ruptures: an open one explains it
        register_words(AlertKind.TASK_DISAGREEMENT, disagreement_words)
