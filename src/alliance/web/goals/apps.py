from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "alliance.web.goals"
    label = "goals"
