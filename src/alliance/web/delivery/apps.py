from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "alliance.web.delivery"
    label = "delivery"
    verbose_name = "Delivery"

    def ready(self) -> None:
        from alliance.web.clinic.alert_words import register_words
        from alliance.web.clinic.background import gave_up
        from alliance.web.followup.steps import ANALYSE, register_step

        from . import hooks
        from .failures import task_gave_up
        from .missed import KIND, missed_words
        from .steps import answered_step, urgent_notice_step

        hooks.connect()
        gave_up.connect(task_gave_up, dispatch_uid="delivery-task-gave-up")
        register_step(ANALYSE, 40, answered_step)  # closes the delivery and the missed warning
        register_step(ANALYSE, 50, urgent_notice_step)
        register_words(KIND, missed_words)
