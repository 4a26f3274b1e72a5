from django.urls import path

from . import twofactor_views, views

urlpatterns = [
    path("audit/", views.audit_page, name="audit"),
    path("2fa/setup/", twofactor_views.setup, name="two-factor-setup"),
    path("2fa/verify/", twofactor_views.verify, name="two-factor-verify"),
]
