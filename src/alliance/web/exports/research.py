"""A research export: study-specific pseudonyms for clients and therapists, no free text unless
asked for. The same code gets the same pseudonym within a study and unrelated ones across
studies; without the server's secret key they cannot be traced back."""

from __future__ import annotations

import hashlib
import hmac

import pandas as pd
from django.conf import settings

from alliance.measures import get_instrument


def pseudonym(study: str, kind: str, code: str) -> str:
    message = f"{study}\x00{kind}\x00{code}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()
    return f"{kind[0].upper()}-{digest[:12]}"


def for_research(table: pd.DataFrame, study: str, *, free_text: bool = False) -> pd.DataFrame:
    found = table.copy()
    found["client_id"] = [pseudonym(study, "client", code) for code in found["client_id"]]
    found["therapist_id"] = [pseudonym(study, "therapist", code) for code in found["therapist_id"]]
    if not free_text and len(found):
        pairs = zip(found["instrument"], found["item"], strict=True)
        found = found[[not _is_text(instrument, item) for instrument, item in pairs]]
    return found.reset_index(drop=True)


def _is_text(instrument_id: str, item_id: str) -> bool:
    return get_instrument(instrument_id).item(item_id).kind == "text"
