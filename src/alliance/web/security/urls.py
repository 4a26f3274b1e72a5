from django.urls import path

from . import idle, subject_views, twofactor_views, views

urlpatterns = [
    path("audit/", views.audit_page, name="audit"),
    path("privacy/", subject_views.subject_requests, name="subject-requests"),
    path("privacy/export/", subject_views.export, name="subject-export"),
    path("privacy/erase/", subject_views.erase_client, name="subject-erase"),
    path("session/still-here/", idle.still_here, name="still-here"),
    path("2fa/setup/", twofactor_views.setup, name="two-factor-setup"),
    path("2fa/verify/", twofactor_views.verify, name="two-factor-verify"),
]
