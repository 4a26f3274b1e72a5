from django.urls import path

from . import views

urlpatterns = [
    path("clients/<str:code>/goals/new/", views.new_goal, name="goal-new"),
    path("clients/<str:code>/goals/<int:pk>/", views.edit_goal, name="goal-edit"),
    path("clients/<str:code>/tasks/new/", views.new_task, name="task-new"),
    path("clients/<str:code>/tasks/<int:pk>/", views.edit_task, name="task-edit"),
    path(
        "clients/<str:code>/goal-proposals/<int:pk>/accept/",
        views.accept_proposal,
        name="goal-proposal-accept",
    ),
    path(
        "clients/<str:code>/goal-proposals/<int:pk>/reframe/",
        views.reframe_proposal,
        name="goal-proposal-reframe",
    ),
    path(
        "clients/<str:code>/goal-proposals/<int:pk>/discuss/",
        views.discuss_proposal,
        name="goal-proposal-discuss",
    ),
    path("clients/<str:code>/progress-view/", views.progress_view, name="progress-view"),
]
