from django.urls import path

from . import views

urlpatterns = [
    path("clients/<str:code>/goals/new/", views.new_goal, name="goal-new"),
    path("clients/<str:code>/goals/<int:pk>/", views.edit_goal, name="goal-edit"),
    path("clients/<str:code>/tasks/new/", views.new_task, name="task-new"),
    path("clients/<str:code>/tasks/<int:pk>/", views.edit_task, name="task-edit"),
]
