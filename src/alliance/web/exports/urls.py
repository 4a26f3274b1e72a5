from django.urls import path

from . import import_views, views

urlpatterns = [
    path("exports/", views.export, name="exports"),
    path("exports/import/", import_views.history_import, name="history-import"),
]
