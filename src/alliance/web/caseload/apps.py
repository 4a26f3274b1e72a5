from django.apps import AppConfig


class CaseloadConfig(AppConfig):
    name = "alliance.web.caseload"
    label = "caseload"
