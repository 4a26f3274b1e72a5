from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "alliance.web.demo"
    label = "demo"
