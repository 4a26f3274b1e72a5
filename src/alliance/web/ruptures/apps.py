from django.apps import AppConfig


class RupturesConfig(AppConfig):
    name = "alliance.web.ruptures"
    label = "ruptures"

    def ready(self) -> None:
        from alliance.web.clinic.alert_words import register_words
        from alliance.web.clinic.models import AlertKind
        from alliance.web.followup.steps import ANALYSE, PREPARE, register_step

        from .explain import rupture_words
        from .loop import prepare_ruptures, rupture_step

        register_step(PREPARE, 10, prepare_ruptures)  # the detector, before the transaction
        register_step(ANALYSE, 10, rupture_step)
        register_words(AlertKind.RUPTURE, rupture_words)
