from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "alliance.web.reports"
    label = "reports"
