from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "alliance.web.exports"
    label = "exports"
