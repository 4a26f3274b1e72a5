from django.urls import path

from . import language, views

urlpatterns = [
    path("c/<str:token>/", views.checkin, name="checkin"),
    path("c/<str:token>/thanks/", views.thanks, name="checkin-thanks"),
    path("clients/<str:code>/sessions/<int:number>/checkin-link/", views.new_link, name="new-link"),
    path("clients/<str:code>/language/", language.client_language, name="client-language"),
    path(
        "clients/<str:code>/sessions/<int:number>/therapist-form/",
        views.therapist_form,
        name="therapist-form",
    ),
]
