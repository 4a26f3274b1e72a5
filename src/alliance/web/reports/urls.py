from django.urls import path

from . import team_page, views

urlpatterns = [
    path("clients/<str:code>/report/", views.client_report, name="client-report"),
    path(
        "clients/<str:code>/report.pdf",
        views.client_report,
        {"pdf": True},
        name="client-report-pdf",
    ),
    path("supervision/<str:username>/", views.supervision_report, name="supervision-report"),
    path(
        "supervision/<str:username>/report.pdf",
        views.supervision_report,
        {"pdf": True},
        name="supervision-report-pdf",
    ),
    path("team/", team_page.team, name="team"),
]
