from django.apps import AppConfig


class WordingConfig(AppConfig):
    name = "alliance.web.wording"
    label = "wording"
    verbose_name = "Licensed wording"
