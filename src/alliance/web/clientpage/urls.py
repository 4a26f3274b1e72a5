from django.urls import path

from . import views

urlpatterns = [
    path("clients/new/", views.new_client, name="new-client"),
    path("clients/<str:code>/", views.client_page, name="client"),
    path("clients/<str:code>/sessions/", views.new_session, name="new-session"),
    path("clients/<str:code>/episode/end/", views.close_episode, name="end-episode"),
    path("clients/<str:code>/episode/reopen/", views.reopen, name="reopen-episode"),
]
