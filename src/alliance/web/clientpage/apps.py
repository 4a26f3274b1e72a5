from django.apps import AppConfig


class ClientpageConfig(AppConfig):
    name = "alliance.web.clientpage"
    label = "clientpage"
