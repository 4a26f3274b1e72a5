from django.apps import AppConfig


class OutcomeConfig(AppConfig):
    name = "alliance.web.outcome"
    label = "outcome"

    def ready(self) -> None:
        from alliance.web.followup.steps import ANALYSE, register_step

        from .alerts import recovery_step

        register_step(ANALYSE, 30, recovery_step)
