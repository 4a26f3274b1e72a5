from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "alliance.web.webhooks"
    label = "webhooks"

    def ready(self) -> None:
        from . import triggers

        triggers.connect()
