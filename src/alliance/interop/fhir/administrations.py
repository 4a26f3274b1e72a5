"""Group item-level answers (the interchange format) into administrations, checking each row."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import pandas as pd

from alliance.interop.tables import ANSWER_COLUMNS, TableError, require_columns
from alliance.measures import Instrument, UnknownInstrumentError, get_instrument
from alliance.measures.model import RESPONDENTS

# A FHIR date or dateTime: a time needs its time zone.
FHIR_DATE = re.compile(
    r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?"
)


@dataclass
class Administration:
    """One instrument answered once: by whom, about which client, at which session."""

    client_id: str
    session: int
    instrument: Instrument
    respondent: str
    therapist_id: str | None
    date: str | None
    row: int  # the first answer's row, counted from 1 after the header
    answers: list[tuple[str, int | str | None]] = field(default_factory=list)
    respondent_given: bool = True  # False when the table left it blank, meaning the client
    language: str | None = None  # the language the questions were shown in

    @property
    def key(self) -> tuple[str, int, str, str]:
        return (self.client_id, self.session, self.instrument.id, self.respondent)


def administrations(answers: pd.DataFrame) -> list[Administration]:
    """Administrations in order of first appearance, answers in the order given."""
    require_columns(answers, ANSWER_COLUMNS, source="answers")
    found: dict[tuple, Administration] = {}
    for row, record in enumerate(answers.to_dict("records"), start=1):
        _add(found, row, record)
    return list(found.values())


def _add(found: dict[tuple, Administration], row: int, record: dict) -> None:
    instrument = _instrument(record, row)
    key = (
        _required(record, "client_id", row),
        _session(record, row),
        instrument.id,
        _respondent(record, row),
    )
    date = _date(record, row)
    admin = found.get(key)
    if admin is None:
        admin = found[key] = Administration(
            *key[:2], instrument, key[3], text(record.get("therapist_id")), date, row
        )
        admin.respondent_given = text(record.get("respondent")) is not None
        admin.language = text(record.get("language"))
    _same_as_first(admin, record, row)
    item_id = _required(record, "item", row)
    if any(item_id == seen for seen, _ in admin.answers):
        raise TableError(
            f"row {row}: instrument {instrument.id}, item {item_id}: "
            f"answered twice in the same administration (first in row {admin.row} onwards)"
        )
    admin.answers.append((item_id, _value(instrument, record, row)))


def text(value: object) -> str | None:
    """A cell as text: blank and NaN are None, whole floats lose their `.0`."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "isoformat"):
        return _iso(value)
    found = str(value).strip()
    return found or None


def _iso(value) -> str:
    if isinstance(value, pd.Timestamp) and value == value.normalize() and value.tz is None:
        return value.date().isoformat()
    return value.isoformat()


def _required(record: dict, column: str, row: int) -> str:
    found = text(record.get(column))
    if found is None:
        raise TableError(f"row {row}: {column} is empty")
    return found


def _instrument(record: dict, row: int) -> Instrument:
    try:
        return get_instrument(_required(record, "instrument", row))
    except UnknownInstrumentError as error:
        raise TableError(f"row {row}: {error}") from None


def _session(record: dict, row: int) -> int:
    found = _required(record, "session", row)
    try:
        number = float(found)
    except ValueError:
        number = math.nan
    if not number.is_integer() or number < 0:
        raise TableError(f"row {row}: session {found!r} is not a whole number")
    return int(number)


def _respondent(record: dict, row: int) -> str:
    found = text(record.get("respondent")) or "client"
    if found not in RESPONDENTS:
        raise TableError(f"row {row}: respondent {found!r} is not one of {', '.join(RESPONDENTS)}")
    return found


def _date(record: dict, row: int) -> str | None:
    found = text(record.get("date"))
    if found is not None and not FHIR_DATE.fullmatch(found):
        raise TableError(
            f"row {row}: date {found!r} is not YYYY-MM-DD (or a date and time with a time zone)"
        )
    return found


def _same_as_first(admin: Administration, record: dict, row: int) -> None:
    for column, first in (("therapist_id", admin.therapist_id), ("date", admin.date)):
        found = text(record.get(column))
        if found != first:
            raise TableError(
                f"row {row}: {column} {found!r} differs from {first!r} in row {admin.row} "
                f"of the same administration ({admin.instrument.id}, session {admin.session})"
            )


def _value(instrument: Instrument, record: dict, row: int) -> int | str | None:
    found = text(record.get("value"))
    item_id = text(record.get("item"))
    if item_id is None:
        raise TableError(f"row {row}: item is empty")
    try:
        item = instrument.item(item_id)
    except KeyError:
        raise TableError(f"row {row}: instrument {instrument.id} has no item {item_id!r}") from None
    if found is None or item.kind == "text":
        return found
    try:
        number = float(found)
    except ValueError:
        number = math.nan
    if number not in item.values:
        allowed = ", ".join(map(str, item.values))
        raise TableError(
            f"row {row}: instrument {instrument.id}, item {item_id}: "
            f"value {found!r} is not one of {allowed}"
        )
    return int(number)
