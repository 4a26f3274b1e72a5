from django.apps import AppConfig


class OutcomeConfig(AppConfig):
    name = "alliance.web.outcome"
    label = "outcome"

    def ready(self) -> None:
        from alliance.web.followup.steps import ANALYSE, PREPARE, register_step

        from .alerts import prepare_recovery, recovery_step

        register_step(PREPARE, 30, prepare_recovery)  # the placement, before the transaction
        register_step(ANALYSE, 30, recovery_step)
