from django.urls import path

from . import views

urlpatterns = [
    path("clinic/", views.overview, name="clinic-overview"),
    path("clinic/settings/", views.edit_settings, name="clinic-settings"),
    path("clinic/delivery/", views.edit_delivery, name="clinic-delivery"),
]
