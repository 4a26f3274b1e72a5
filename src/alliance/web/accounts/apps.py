from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "alliance.web.accounts"
    label = "accounts"
    verbose_name = "Staff and clinics"
