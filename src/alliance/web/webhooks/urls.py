from django.urls import path

from . import views

urlpatterns = [
    path("webhooks/", views.endpoints, name="webhooks"),
    path("webhooks/<int:pk>/", views.deliveries, name="webhook-deliveries"),
    path("webhooks/<int:pk>/toggle/", views.toggle, name="webhook-toggle"),
    path("webhooks/<int:pk>/delete/", views.delete, name="webhook-delete"),
    path(
        "webhooks/<int:pk>/deliveries/<int:delivery_pk>/retry/",
        views.retry,
        name="webhook-retry",
    ),
]
