from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "alliance.web.security"
    label = "security"
