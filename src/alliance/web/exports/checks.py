"""Check an interchange CSV for a history import: every problem by row, before storing any."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field

import pandas as pd

from alliance.interop.tables import ANSWER_COLUMNS
from alliance.measures import UnknownInstrumentError, get_instrument
from alliance.web.accounts.models import User
from alliance.web.clinic.languages import language_choices
from alliance.web.clinic.models import Client, Response

CODE = re.compile(r"[A-Za-z0-9_-]{1,32}")
Key = tuple[str, int, str, str]


@dataclass
class Plan:
    """What an import would store, or the problems that stop it (row 1 is the header)."""

    problems: list[str] = field(default_factory=list)
    administrations: dict[Key, dict] = field(default_factory=dict)
    dates: dict[tuple[str, int], dt.date] = field(default_factory=dict)
    therapists: dict[str, User] = field(default_factory=dict)
    languages: dict[Key, str] = field(default_factory=dict)  # only administrations that say

    @property
    def clients(self) -> set[str]:
        return {key[0] for key in self.administrations}


def read(text: str) -> pd.DataFrame | str:
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        return f"file: not a readable CSV file ({error})"


def plan_import(text: str, clinic_id: int) -> Plan:
    plan = Plan()
    table = read(text)
    if isinstance(table, str):
        plan.problems.append(table)
        return plan
    missing = [c for c in ANSWER_COLUMNS if c not in table.columns]
    if missing:
        plan.problems.append(f"row 1: missing column(s) {', '.join(missing)}")
        return plan
    staff = {u.username: u for u in User.objects.filter(clinic_id=clinic_id, is_active=True)}
    known = {c.code: c for c in Client.objects.filter(code__in=set(table["client_id"]))}
    for row, record in enumerate(table.to_dict("records"), start=2):
        problem = _row(plan, record, staff, known, clinic_id)
        if problem:
            plan.problems.append(f"row {row}: {problem}")
    plan.problems += _stored_already(plan, known)
    return plan


def _row(plan: Plan, record: dict, staff: dict, known: dict, clinic_id: int) -> str | None:
    code = record["client_id"].strip()
    if not CODE.fullmatch(code):
        return "client_id: use letters, digits, '-' or '_' (at most 32)"
    client = known.get(code)
    if client is not None and client.clinic_id != clinic_id:
        return f"client_id: the code {code} is taken"
    number = record["session"].strip()
    if not number.isdigit() or not 1 <= int(number) <= 10**6:
        return "session: use a whole number from 1"
    respondent = (record.get("respondent") or "client").strip()
    if respondent not in ("client", "therapist"):
        return "respondent: use client or therapist"
    try:
        instrument = get_instrument(record["instrument"].strip())
    except UnknownInstrumentError:
        return f"instrument: unknown instrument {record['instrument'][:40]!r}"
    if instrument.open_items:
        return f"instrument: {instrument.id} names the client's goals and cannot be imported"
    key = (code, int(number), instrument.id, respondent)
    problem = (
        _who(plan, record, code, client, staff)
        or _date(plan, record, code, int(number))
        or _language(plan, record, key)
    )
    if problem:
        return problem
    return _answer(plan, key, instrument, record)


def _who(plan: Plan, record: dict, code: str, client, staff: dict) -> str | None:
    name = (record.get("therapist_id") or "").strip()
    if client is not None:
        if name and name != client.therapist.username:
            return f"therapist_id: {code}'s therapist is not {name}"
        return None
    if name not in staff:
        return "therapist_id: a new client needs the username of a therapist of this clinic"
    plan.therapists[code] = staff[name]
    return None


def _date(plan: Plan, record: dict, code: str, number: int) -> str | None:
    text = (record.get("date") or "").strip()
    if not text:
        return None
    try:
        found = dt.date.fromisoformat(text)
    except ValueError:
        return "date: use YYYY-MM-DD"
    if plan.dates.setdefault((code, number), found) != found:
        return f"date: session {number} of {code} already has the date {plan.dates[(code, number)]}"
    return None


def _language(plan: Plan, record: dict, key: Key) -> str | None:
    """The language the questions were shown in: blank when not known, else one offered, the
    same on every answer of the administration."""
    text = (record.get("language") or "").strip()
    if not text:
        return None
    offered = [code for code, _name in language_choices()]
    if text not in offered:
        return f"language: use one of {', '.join(offered)} or leave it empty, not {text[:20]!r}"
    if plan.languages.setdefault(key, text) != text:
        return f"language: this {key[2]} of session {key[1]} is already in {plan.languages[key]}"
    return None


def _answer(plan: Plan, key: Key, instrument, record: dict) -> str | None:
    item_id, value = record["item"].strip(), record["value"].strip()
    try:
        item = instrument.item(item_id)
    except KeyError:
        return f"item: {instrument.id} has no item {item_id[:20]!r}"
    items = plan.administrations.setdefault(key, {})
    if item_id in items:
        return f"item: {instrument.id} item {item_id} is answered twice for this session"
    if item.kind == "text":
        items[item_id] = value
        return None
    if not value.lstrip("-").isdigit() or int(value) not in item.values:
        allowed = ", ".join(map(str, item.values))
        return f"value: {instrument.id} item {item_id} takes {allowed}, not {value[:20]!r}"
    items[item_id] = int(value)
    return None


def _stored_already(plan: Plan, known: dict) -> list[str]:
    found = []
    for code, number, instrument, respondent in plan.administrations:
        client = known.get(code)
        if (
            client is not None
            and Response.objects.filter(
                client=client, session__number=number, instrument=instrument, respondent=respondent
            ).exists()
        ):
            found.append(
                f"{code}, session {number}: {instrument} by the {respondent} is already stored"
            )
        elif (code, number) not in plan.dates and not (
            client and client.sessions.filter(number=number).exists()
        ):
            found.append(f"{code}, session {number}: a new session needs its date")
    return found
