from django.urls import path

from . import views

urlpatterns = [
    path("clients/<str:code>/ruptures/<int:pk>/", views.review, name="rupture"),
]
