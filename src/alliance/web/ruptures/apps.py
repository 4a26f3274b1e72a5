from django.apps import AppConfig


class RupturesConfig(AppConfig):
    name = "alliance.web.ruptures"
    label = "ruptures"

    def ready(self) -> None:
        from alliance.web.followup.steps import ANALYSE, register_step

        from .loop import rupture_step

        register_step(ANALYSE, 10, rupture_step)
