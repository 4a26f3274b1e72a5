from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "alliance.web.api"
    label = "api"
