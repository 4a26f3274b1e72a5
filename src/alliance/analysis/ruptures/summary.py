"""The printable summary of a fitted detector."""

from __future__ import annotations

import pandas as pd


def summarise(events: pd.DataFrame, rule_names: list[str], n_clients: int) -> pd.DataFrame:
    """One row per rule and one for all events: counts, share of clients, repair and depth."""
    rows = {name: _row(events[_fired(events, name)], n_clients) for name in rule_names}
    rows["all"] = _row(events, n_clients)
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "rule"
    return frame


def _fired(events: pd.DataFrame, name: str) -> pd.Series:
    return (
        events["rule"].str.split("+").apply(lambda names: name in names)
        if len(events)
        else pd.Series([], dtype=bool)
    )


def _row(events: pd.DataFrame, n_clients: int) -> dict[str, float]:
    clients = events["client_id"].nunique()
    repaired = events["repaired"]
    return {
        "events": len(events),
        "clients": clients,
        "share_of_clients": round(clients / n_clients, 4) if n_clients else float("nan"),
        "repaired": int((repaired == True).sum()),  # noqa: E712 (None is neither)
        "not_repaired": int((repaired == False).sum()),  # noqa: E712
        "unknown": int(repaired.isna().sum()),
        "median_depth_sd": float(events["depth_sd"].median()) if len(events) else float("nan"),
    }
