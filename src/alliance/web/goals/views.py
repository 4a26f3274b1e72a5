"""Add and edit a client's goals and tasks and answer their goal proposals: their own therapist
only, through the access helper."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alliance.web.clinic.access import get_own_client
from alliance.web.clinic.audit import record, record_read

from . import voice
from .forms import GoalForm, ProgressViewForm, ReframeForm, TaskForm
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


def _open_proposal(request, code: str, pk: int):
    client = get_own_client(request.user, code)
    return client, get_object_or_404(voice.open_proposals(client), pk=pk)


def _to_goals(client):
    return redirect(reverse("client", args=[client.code]) + "#goals-heading")


@login_required
@require_POST
def accept_proposal(request, code: str, pk: int):
    """The client's proposal becomes a goal in their own words."""
    client, proposal = _open_proposal(request, code, pk)
    goal = voice.accept(proposal, by=request.user)
    messages.success(
        request,
        _('"%(text)s" is now goal %(priority)s.') % {"text": goal.text, "priority": goal.priority},
    )
    return _to_goals(client)


@login_required
@require_POST
def discuss_proposal(request, code: str, pk: int):
    """Keep the proposal listed, to talk through with the client."""
    client, proposal = _open_proposal(request, code, pk)
    voice.to_discuss(proposal, by=request.user)
    messages.success(
        request, _('"%(text)s" is marked to discuss together.') % {"text": proposal.text}
    )
    return _to_goals(client)


@login_required
def reframe_proposal(request, code: str, pk: int):
    """Edit the proposal's wording with the client, then accept it as a goal."""
    client, proposal = _open_proposal(request, code, pk)
    record_read(request, client, "goal-proposal-form", proposal)
    form = ReframeForm(request.POST or None, initial={"text": proposal.text})
    if request.method == "POST" and form.is_valid():
        goal = voice.accept(proposal, by=request.user, wording=form.cleaned_data["text"])
        messages.success(
            request,
            _('"%(text)s" is now goal %(priority)s.')
            % {"text": goal.text, "priority": goal.priority},
        )
        return _to_goals(client)
    context = {"client": client, "form": form, "proposal": proposal}
    return render(request, "goals/reframe.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def progress_view(request, code: str):
    """The therapist's choice for this client: whether the thank-you page shows their progress."""
    client = get_own_client(request.user, code)
    form = ProgressViewForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"{form.fields['shown'].label}: {' '.join(form.errors['shown'])}")
        return _to_goals(client)
    client.sees_own_progress = form.choice()
    client.save(update_fields=["sees_own_progress"])
    record(request.user, client, "progress-view-changed", client)
    messages.success(request, _("Saved: what the client sees after a check-in."))
    return _to_goals(client)
