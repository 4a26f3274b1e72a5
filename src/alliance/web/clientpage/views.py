"""The client page and the staff actions on it; every client is found through the access helper."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alliance.web.accounts.duties import may_take_clients
from alliance.web.alerts.queries import urgent_alerts
from alliance.web.clinic.access import get_client_for, get_own_client
from alliance.web.clinic.audit import record_read
from alliance.web.clinic.models import Alert, ClinicSettings, Ending, Response
from alliance.web.clinic.record import add_client, add_session, end_episode, reopen_episode
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
    return render_client_page(request, get_client_for(request.user, code))


def render_client_page(request, client, *, snooze=None, status: int = 200):
    """The client page of a client found through `clinic.access`; `snooze`, a snooze form
    that failed, is shown with its problems beside its alert."""
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
        **_episode_context(client),
        "snooze": snooze,
    }
    return render(request, "clientpage/client.html", context, status=status)


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


def _episode_context(client) -> dict:
    episodes = list(client.episodes.all())
    in_care = any(episode.ended is None for episode in episodes)
    ended = [episode for episode in episodes if episode.ended is not None]
    last = max(ended, key=lambda episode: episode.ended) if ended and not in_care else None
    return {"in_care": in_care, "last_ended": last}


@login_required
@require_POST
def close_episode(request, code: str):
    """Ask once more before the client leaves the caseload; end the episode only when the
    confirmation page's button is pressed."""
    client = get_own_client(request.user, code)
    form = EndEpisodeForm(request.POST)
    if not form.is_valid() or request.POST.get("confirm") != "yes":
        status = 400 if form.errors else 200
        ending = form.cleaned_data.get("ending") if not form.errors else ""
        context = {
            "client": client,
            "form": form,
            "ending_label": Ending(ending).label if ending else "",
        }
        return render(request, "clientpage/end_episode.html", context, status=status)
    episode = end_episode(client, by=request.user, **form.cleaned_data)
    if episode is None:
        messages.error(request, _("This client has no open episode to end."))
    else:
        messages.success(
            request,
            _(
                "The episode ended on %(day)s: the client is off your active caseload. "
                "Reopen the episode below if that was a mistake."
            )
            % {"day": date_format(episode.ended)},
        )
    return redirect("client", code=client.code)


@login_required
@require_POST
def reopen(request, code: str):
    """Undo the ending: the last episode is open again and the client back on the caseload."""
    client = get_own_client(request.user, code)
    if reopen_episode(client, by=request.user) is None:
        messages.error(request, _("This client's episode is already open."))
    else:
        messages.success(
            request, _("The episode is open again: the client is back on your caseload.")
        )
    return redirect("client", code=client.code)
