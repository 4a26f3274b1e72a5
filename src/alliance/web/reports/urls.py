from django.urls import path

from . import team_page, trends_page, views
from .empty_team import shows_an_empty_team

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
    path("team/", shows_an_empty_team(team_page.team), name="team"),
    path("team/trends/", trends_page.team_trends_page, name="team-trends"),
]
