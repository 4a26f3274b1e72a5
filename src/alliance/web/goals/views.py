"""Add and edit a client's goals and tasks: their own therapist only, through the access helper."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from alliance.web.clinic.access import get_own_client
from alliance.web.clinic.audit import record_read

from .forms import GoalForm, TaskForm
from .record import save_goal, save_task


def _page(request, client, form, save, title: str, anchor: str):
    if request.method == "POST" and form.is_valid():
        save(form, client, by=request.user)
        return redirect(reverse("client", args=[client.code]) + anchor)
    context = {"client": client, "form": form, "title": title}
    return render(request, "goals/edit.html", context, status=400 if form.errors else 200)


@login_required
def new_goal(request, code: str):
    client = get_own_client(request.user, code)
    form = GoalForm(request.POST or None, initial={"priority": client.goals.count() + 1})
    return _page(request, client, form, save_goal, "Add a goal", "#goals-heading")


@login_required
def edit_goal(request, code: str, pk: int):
    client = get_own_client(request.user, code)
    goal = get_object_or_404(client.goals, pk=pk)
    record_read(request, client, "goal-form", goal)
    form = GoalForm(request.POST or None, instance=goal, editing=True)
    return _page(request, client, form, save_goal, "Edit the goal", "#goals-heading")


@login_required
def new_task(request, code: str):
    client = get_own_client(request.user, code)
    form = TaskForm(request.POST or None, client=client)
    return _page(request, client, form, save_task, "Add a task", "#tasks-heading")


@login_required
def edit_task(request, code: str, pk: int):
    client = get_own_client(request.user, code)
    task = get_object_or_404(client.tasks, pk=pk)
    record_read(request, client, "task-form", task)
    form = TaskForm(request.POST or None, instance=task, client=client, editing=True)
    return _page(request, client, form, save_task, "Edit the task", "#tasks-heading")
