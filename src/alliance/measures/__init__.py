"""Instruments as data files, and their scoring."""

from .loader import InstrumentFileError, load_instrument_file, parse_instrument
from .model import DIMENSIONS, Instrument, Item, Scale
from .registry import UnknownInstrumentError, get_instrument, list_instruments
from .scoring import Score, ScoringError, score_answers, score_one

__all__ = [
    "DIMENSIONS",
    "Instrument",
    "InstrumentFileError",
    "Item",
    "Scale",
    "Score",
    "ScoringError",
    "UnknownInstrumentError",
    "get_instrument",
    "list_instruments",
    "load_instrument_file",
    "parse_instrument",
    "score_answers",
    "score_one",
]
