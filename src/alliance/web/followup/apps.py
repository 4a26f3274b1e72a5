from django.apps import AppConfig


class FollowUpConfig(AppConfig):
    name = "alliance.web.followup"
    label = "followup"
