from django.urls import path

from . import snooze, views

urlpatterns = [
    path("alerts/<int:pk>/acknowledge/", views.acknowledge, name="acknowledge-alert"),
    path("alerts/<int:pk>/snooze/", snooze.snooze, name="snooze-alert"),
]
