"""What an alert says, worded from what it is, in the reader's language.

An alert keeps its kind and its figures (`Alert.figures`: the scores, thresholds, sessions or
counts it was raised on). The app that raises a kind registers, in its AppConfig.ready, the
function that words those figures in the active language; every page, partial and report reads
them through `Alert.words`. The same words in English are kept on the row (`message`,
`explanation`) when it is raised, so the API, exports and FHIR read a stable text; a row without
figures (raised before they were kept) or of a kind nothing words shows its stored text."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import NamedTuple

from django.utils import translation
from django.utils.translation import pgettext

STORED_LANGUAGE = "en"

log = logging.getLogger(__name__)


class Words(NamedTuple):
    message: str
    explanation: str = ""


Wording = Callable[[dict], Words]
_registered: dict[str, Wording] = {}


def register_words(kind: str, wording: Wording) -> None:
    """Word this kind's alerts with `wording` (figures to Words, in the active language)."""
    _registered[str(kind)] = wording


def worded_kinds() -> list[str]:
    return sorted(_registered)


def stored_words(kind: str, figures: dict) -> Words:
    """The words kept on the row: the kind's, in English whoever's request raised it."""
    with translation.override(STORED_LANGUAGE):
        return _as_text(_registered[str(kind)](figures))


def shown_words(kind: str, figures: dict, message: str, explanation: str) -> Words:
    """The words in the active language, or the stored `message` and `explanation` for a row
    without figures, of a kind nothing words, or whose figures no longer fit its words."""
    wording = _registered.get(kind)
    if wording is None or not figures:
        return Words(message, explanation)
    try:
        return _as_text(wording(figures))
    except (LookupError, TypeError, ValueError):
        log.warning("alert of kind %s: its figures could not be worded", kind)
        return Words(message, explanation)


def quoted(text: str) -> str:
    """Someone's own words (a task, a comment) in the active language's quotation marks."""
    return pgettext("someone's own words", '"%(text)s"') % {"text": text}


def _as_text(words: Words) -> Words:
    return Words(str(words.message), str(words.explanation))
