from django.apps import AppConfig


class CheckinConfig(AppConfig):
    name = "alliance.web.checkin"
    label = "checkin"

    def ready(self) -> None:
        from alliance.web.followup.steps import STORE, register_step

        from .submissions import store_waiting_submissions

        register_step(STORE, 10, store_waiting_submissions)
