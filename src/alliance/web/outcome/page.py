"""The outcome part of the client page: change since intake, expected recovery, dropout risk."""

from __future__ import annotations

from django.utils.translation import gettext

from alliance.web.clinic.instruments import ALLIANCE, for_clinic
from alliance.web.clinic.models import Client, Response
from alliance.web.clinic.tables import outcome_table_from_responses
from alliance.web.formats.numbers import shown_decimal

from .cache import history_version
from .dropout import dropout_reading
from .recovery import DEFAULT_NOTE, clinic_recovery, expected_curve, tracks
from .status import MEASURES, outcome_statuses


def outcome_context(client: Client, responses: list[Response]) -> dict:
    """Status since intake, the client's place on the expected course and the band to draw."""
    instruments = for_clinic(client.clinic_id)
    table = outcome_table_from_responses(responses, {*MEASURES, instruments.outcome})
    version = history_version(client.clinic_id, instruments.outcome)
    model = clinic_recovery(client.clinic_id, version, instruments.outcome)
    track = tracks(model, table, instruments.outcome).get(client.pk)
    return {
        "instruments": instruments,
        "outcome_status": outcome_statuses(table).get(client.pk),
        "track": track,
        "expected": _curve(model, table, instruments.outcome),
        "model_notes": model.notes_,
        "dropout": dropout_reading(client, version, instruments.outcome),
        "default_note": DEFAULT_NOTE,
        "alliance_trend": alliance_trend(responses),
    }


def alliance_trend(responses: list[Response]) -> str:
    """The latest alliance total and its change since the check-in before, in words."""
    totals = [
        r.scores.get("total")
        for r in sorted(responses, key=lambda r: r.session.number)
        if r.instrument == ALLIANCE and r.respondent == "client"
    ]
    totals = [t for t in totals if t is not None]
    if not totals:
        return gettext("no alliance check-in yet")
    latest = shown_decimal(totals[-1])
    if len(totals) == 1:
        return gettext("%(latest)s of 10 at the first check-in") % {"latest": latest}
    delta = round(totals[-1] - totals[-2], 1)
    words = {"latest": latest, "step": shown_decimal(abs(delta))}
    if delta == 0:
        return gettext("%(latest)s of 10, no change since the check-in before") % words
    if delta > 0:
        return gettext("%(latest)s of 10, up %(step)s since the check-in before") % words
    return gettext("%(latest)s of 10, down %(step)s since the check-in before") % words


def _curve(model, table, outcome: str) -> list[tuple[int, float, float, float]]:
    """The expected band of the client's latest episode, from its first score on."""
    scores = table[table["instrument"] == outcome]
    if scores.empty:
        return []
    episode = scores[scores["episode"] == scores["episode"].max()]
    return expected_curve(
        model,
        float(episode["total"].iloc[0]),
        int(episode["session"].iloc[0]),
        int(episode["session"].iloc[-1]),
    )
