"""Dropout risk on the client page: DropoutRiskModel fitted per clinic, shown with its reasons."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import numpy as np
import pandas as pd
from statsmodels.tools.sm_exceptions import PerfectSeparationError

from alliance.analysis.dropout import DropoutRiskModel, unrepaired_counts
from alliance.web.clinic.instruments import ALLIANCE, for_clinic
from alliance.web.clinic.models import (
    Client,
    Ending,
    Episode,
    Respondent,
    Response,
    Rupture,
    RuptureStatus,
)
from alliance.web.clinic.tables import (
    course_table,
    episode_endings,
    outcome_table_from_query,
    rupture_events,
)

from .cache import fitted

MIN_ENDED, MIN_DROPOUTS = 20, 5  # ended episodes, and of them dropped out, before we fit


@dataclass(frozen=True)
class DropoutFit:
    """The clinic's model, or why there is none."""

    model: DropoutRiskModel | None
    reason: str = ""


@dataclass(frozen=True)
class DropoutReading:
    level: str  # "higher than", "about the same as", "lower than" the clinic's typical risk
    reasons: tuple[str, ...]
    note: str = ""


def _names(outcome: str) -> dict[str, str]:
    return {ALLIANCE: "alliance", outcome: "outcome"}


def sessions_for(responses, ruptures, outcome: str) -> pd.DataFrame:
    """The model's session table (one row per episode session) from querysets of responses
    and of ruptures (the unrepaired ones are counted); `outcome` is the clinic's measure."""
    wide = course_table(outcome_table_from_query(responses), _names(outcome))
    # onsets are the client's session numbers, so they are counted on the client and the
    # session number, not on the episode's course
    events = rupture_events(ruptures.filter(status=RuptureStatus.UNREPAIRED))
    unrepaired = unrepaired_counts(wide, events, client="client_id", session="session")
    return pd.DataFrame(
        {
            "client_id": wide["ident"],
            "session": wide["course"],
            "alliance": wide["alliance"],
            "outcome": wide["outcome"],
            "unrepaired_ruptures": unrepaired,
        }
    )


def fit_dropout(clinic_id: int, outcome: str | None = None) -> DropoutFit:
    """Fit on every episode of the clinic; ended episodes give the labels, open ones none."""
    outcome = outcome or for_clinic(clinic_id).outcome
    clients = episode_endings(Episode.objects.filter(client__clinic_id=clinic_id))
    ended = [v for v in clients["ended"] if v != "open"]
    dropouts = ended.count(Ending.DROPPED_OUT)
    if len(ended) < MIN_ENDED or dropouts < MIN_DROPOUTS:
        return DropoutFit(
            None,
            f"The clinic has too little history to estimate dropout risk: "
            f"{len(ended)} ended episodes, {dropouts} of them dropped out "
            f"(at least {MIN_ENDED} and {MIN_DROPOUTS} needed).",
        )
    sessions = sessions_for(
        Response.objects.filter(
            client__clinic_id=clinic_id,
            respondent=Respondent.CLIENT,
            instrument__in=list(_names(outcome)),
        ),
        Rupture.objects.filter(client__clinic_id=clinic_id),
        outcome,
    )
    try:
        return DropoutFit(DropoutRiskModel().fit(sessions, clients))
    except (ValueError, np.linalg.LinAlgError, PerfectSeparationError) as problem:
        return DropoutFit(
            None, f"The dropout model could not be fitted on this clinic's history ({problem})."
        )


def dropout_reading(client: Client, version: tuple[int, int], outcome: str) -> DropoutReading:
    """The client's risk after their latest session, in words with its reasons."""
    fit = fitted(
        f"dropout:{outcome}",
        client.clinic_id,
        partial(fit_dropout, client.clinic_id, outcome),
        version,
    )
    if fit.model is None:
        return DropoutReading("", (), fit.reason)
    mine = _latest_episode(client, outcome)
    if len(mine) < 2:
        return DropoutReading("", (), "Not enough check-ins yet to judge dropout risk.")
    try:
        risk = fit.model.explain(mine)
    except ValueError as problem:
        return DropoutReading("", (), f"Dropout risk could not be read ({problem}).")
    return DropoutReading(_level(risk.risk, risk.typical_risk), risk.reasons)


def _latest_episode(client: Client, outcome: str) -> pd.DataFrame:
    mine = sessions_for(
        Response.objects.filter(
            client=client, respondent=Respondent.CLIENT, instrument__in=list(_names(outcome))
        ),
        client.ruptures.all(),
        outcome,
    )
    return mine[mine["client_id"] == mine["client_id"].iloc[-1]] if len(mine) else mine


def _level(risk: float, typical: float) -> str:
    ratio = risk / typical if typical > 0 else 1.0
    if ratio > 1.5:
        return "higher than"
    return "lower than" if ratio < 2 / 3 else "about the same as"
