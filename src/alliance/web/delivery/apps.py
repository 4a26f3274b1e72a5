from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "alliance.web.delivery"
    label = "delivery"
    verbose_name = "Delivery"

    def ready(self) -> None:
        from . import hooks

        hooks.connect()
