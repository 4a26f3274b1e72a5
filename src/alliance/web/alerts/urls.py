from django.urls import path

from . import views

urlpatterns = [
    path("alerts/<int:pk>/acknowledge/", views.acknowledge, name="acknowledge-alert"),
]
