"""The client's voice in the client page's goals section: their proposals, what matters most to
them now, and whether they see their own progress. The page found the client through the access
helper and audited the read; this reads only that client's rows."""

from __future__ import annotations

from django import template

from ..forms import ProgressViewForm, progress_view_initial
from ..progress import shows_progress
from ..voice import accepted_proposals, latest_focus, open_proposals

register = template.Library()


@register.inclusion_tag("goals/_voice.html", takes_context=True)
def client_voice(context) -> dict:
    client, settings = context["client"], context["clinic_settings"]
    is_own = context.get("is_own", False)
    return {
        "client": client,
        "is_own": is_own,
        "csrf_token": context.get("csrf_token"),
        "proposals": list(open_proposals(client)),
        "accepted": list(accepted_proposals(client)),
        "focus": latest_focus(client),
        "shows_progress": shows_progress(client, settings),
        "clinic_shows": settings.clients_see_their_progress,
        "progress_form": ProgressViewForm(initial={"shown": progress_view_initial(client)})
        if is_own
        else None,
    }
