from django.apps import AppConfig


class ChartsConfig(AppConfig):
    name = "alliance.web.charts"
    label = "charts"
