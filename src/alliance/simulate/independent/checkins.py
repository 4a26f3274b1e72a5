"""Session check-ins of the independent family, as item-level answers with the truth beside them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .clients import draw_clients
from .items import client_answers, total_sd

CLIENT_FORM, THERAPIST_FORM = "alliance-checkin", "alliance-checkin-t"


@dataclass
class IndependentClinic:
    """Answers in the interchange format, and what was planted in them."""

    answers: pd.DataFrame
    clients: pd.DataFrame
    ruptures: pd.DataFrame  # client_id, onset/lowest session, depth_sd, kind, repaired, client_type
    misclicks: pd.DataFrame  # client_id, session, item: one item answered 0 by mistake
    courses: pd.DataFrame  # client_id, session, course: the total without noise or ruptures

    def without(self, *parts: str) -> pd.DataFrame:
        """The answers without 'reports' (item 8) and/or 'therapist' (the therapist's form)."""
        answers = self.answers
        if "reports" in parts:
            answers = answers[~((answers["instrument"] == CLIENT_FORM) & (answers["item"] == "8"))]
        if "therapist" in parts:
            answers = answers[answers["instrument"] != THERAPIST_FORM]
        return answers.reset_index(drop=True)


def checkin_clinic(n_clients: int = 600, seed: int = 1) -> IndependentClinic:
    """A clinic of the independent family; the same seed gives the same clinic."""
    rng = np.random.default_rng(seed)
    clients = draw_clients(n_clients, rng)
    answers, ruptures, misclicks, courses = [], [], [], []
    for client in clients.itertuples(index=False):
        rows, planted, slips, course = client_answers(client, rng)
        answers += rows
        courses.append(
            pd.DataFrame(
                {
                    "client_id": client.client_id,
                    "session": np.arange(1, len(course) + 1),
                    "course": course,
                }
            )
        )
        ruptures += [{"client_id": client.client_id, **r} for r in planted]
        misclicks += [{"client_id": client.client_id, **m} for m in slips]
    truth = pd.DataFrame(ruptures, columns=RUPTURE_COLUMNS)
    truth = truth.merge(clients[["client_id", "client_type", "reporter"]], on="client_id")
    return IndependentClinic(
        pd.DataFrame(answers),
        clients.drop(columns="dimension_offsets").assign(total_sd=total_sd(clients["noise_sd"])),
        truth,
        pd.DataFrame(misclicks, columns=["client_id", "session", "item"]),
        pd.concat(courses, ignore_index=True),
    )


RUPTURE_COLUMNS = [
    "client_id",
    "onset_session",
    "lowest_session",
    "depth_sd",
    "kind",
    "repaired",
    "repair_session",
    "end_session",
]
