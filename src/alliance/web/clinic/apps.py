from django.apps import AppConfig


class ClinicConfig(AppConfig):
    name = "alliance.web.clinic"
    label = "clinic"
    verbose_name = "Clinical record"

    def ready(self) -> None:
        from . import rule_words

        rule_words.register()
