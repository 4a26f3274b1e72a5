from django.urls import path

from . import idle, twofactor_views, views

urlpatterns = [
    path("audit/", views.audit_page, name="audit"),
    path("session/still-here/", idle.still_here, name="still-here"),
    path("2fa/setup/", twofactor_views.setup, name="two-factor-setup"),
    path("2fa/verify/", twofactor_views.verify, name="two-factor-verify"),
]
