from django.apps import AppConfig


class ClinicAdminConfig(AppConfig):
    name = "alliance.web.clinicadmin"
    label = "clinicadmin"
    default_auto_field = "django.db.models.BigAutoField"
