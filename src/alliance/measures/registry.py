"""The instruments that ship with alliance, loaded once and looked up by id."""

from __future__ import annotations

from functools import cache

from .loader import INSTRUMENTS_DIR, load_instrument_file
from .model import Instrument


class UnknownInstrumentError(KeyError):
    def __init__(self, instrument_id: str):
        self.instrument_id = instrument_id
        known = ", ".join(sorted(_all()))
        super().__init__(f"unknown instrument {instrument_id!r} (known: {known})")

    def __str__(self) -> str:
        return self.args[0]


@cache
def _all() -> dict[str, Instrument]:
    found = {}
    for path in sorted(INSTRUMENTS_DIR.glob("*.toml")):
        instrument = load_instrument_file(path)
        found[instrument.id] = instrument
    return found


def list_instruments() -> list[Instrument]:
    """Every shipped instrument, ordered by id."""
    return [_all()[key] for key in sorted(_all())]


def get_instrument(instrument_id: str) -> Instrument:
    """One instrument by id; UnknownInstrumentError names the known ones."""
    try:
        return _all()[instrument_id]
    except KeyError:
        raise UnknownInstrumentError(instrument_id) from None
