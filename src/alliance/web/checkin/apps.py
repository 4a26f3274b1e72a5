from django.apps import AppConfig


class CheckinConfig(AppConfig):
    name = "alliance.web.checkin"
    label = "checkin"
