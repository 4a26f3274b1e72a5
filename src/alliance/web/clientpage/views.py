"""The client page and the staff actions on it; every client is found through the access helper."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from alliance.web.accounts.duties import may_take_clients
from alliance.web.alerts.queries import urgent_alerts
from alliance.web.clinic.access import get_client_for, get_own_client
from alliance.web.clinic.audit import record_read
from alliance.web.clinic.models import Alert, ClinicSettings, Response
from alliance.web.clinic.record import add_client, add_session, end_episode
from alliance.web.clinic.tables import scores_table
from alliance.web.delivery.status import delivery_context
from alliance.web.goals.summary import goal_rows, task_rows
from alliance.web.outcome.page import outcome_context
from alliance.web.ruptures.timeline import chart_marks, timeline_rows

from .charts import alliance_panels, outcome_chart
from .forms import EndEpisodeForm, NewClientForm, SessionForm
from .summary import comments, session_rows, table_rows


@login_required
def client_page(request, code: str):
    """Everything about one client that the user may see."""
    client = get_client_for(request.user, code)
    record_read(request, client, "client-page")
    responses = list(Response.objects.filter(client=client).select_related("session", "client"))
    scores = scores_table(responses)
    settings = ClinicSettings.for_clinic(client.clinic_id)
    ruptures = list(client.ruptures.all())
    outcome = outcome_context(client, responses)
    is_own = client.therapist_id == request.user.pk
    context = {
        **outcome,
        **delivery_context(client, is_own),
        "client": client,
        "is_own": is_own,
        "urgent": urgent_alerts(request.user).filter(client=client),
        "alerts": Alert.objects.open()
        .filter(client=client)
        .exclude(severity="urgent")
        .select_related("rupture"),
        "panels": alliance_panels(scores, chart_marks(ruptures)),
        "outcome": outcome_chart(scores, outcome["expected"], outcome["instruments"].outcome),
        "alliance_table": table_rows(scores),
        "comments": comments(responses),
        "sessions": session_rows(client, responses),
        "clinic_settings": settings,
        "goal_rows": goal_rows(client, responses, settings),
        "task_rows": task_rows(client, settings),
        "ruptures": timeline_rows(ruptures),
        "session_form": SessionForm(),
        "end_form": EndEpisodeForm(),
        "in_care": client.episodes.filter(ended__isnull=True).exists(),
    }
    return render(request, "clientpage/client.html", context)


@login_required
def new_client(request):
    """Add a client to the user's own caseload (a clinic admin holds none, see duties.py)."""
    if not may_take_clients(request.user):
        raise PermissionDenied("A clinic admin does not hold a caseload")
    form = NewClientForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        client = add_client(therapist=request.user, **form.cleaned_data)
        return redirect("client", code=client.code)
    return render(request, "clientpage/new_client.html", {"form": form})


def _act(request, code: str, form_class, action):
    """Run a staff action on the user's own client, or say which field was wrong and why."""
    client = get_own_client(request.user, code)
    form = form_class(request.POST)
    if form.is_valid():
        action(client, by=request.user, **form.cleaned_data)
    else:
        for field, problems in form.errors.items():
            label = form.fields[field].label if field in form.fields else "Form"
            messages.error(request, f"{label or field}: {' '.join(problems)}")
    return redirect("client", code=client.code)


@login_required
@require_POST
def new_session(request, code: str):
    return _act(request, code, SessionForm, add_session)


@login_required
@require_POST
def close_episode(request, code: str):
    return _act(request, code, EndEpisodeForm, end_episode)
