from django.apps import AppConfig


class RupturesConfig(AppConfig):
    name = "alliance.web.ruptures"
    label = "ruptures"
