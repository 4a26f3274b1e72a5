from django.apps import AppConfig


class OutcomeConfig(AppConfig):
    name = "alliance.web.outcome"
    label = "outcome"
