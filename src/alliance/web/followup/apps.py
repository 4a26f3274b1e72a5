from django.apps import AppConfig
from django.core.signals import request_finished, request_started


class FollowUpConfig(AppConfig):
    name = "alliance.web.followup"
    label = "followup"

    def ready(self) -> None:
        from . import worker

        request_started.connect(worker.request_started, dispatch_uid="follow-up-started")
        request_finished.connect(worker.request_finished, dispatch_uid="follow-up-finished")
