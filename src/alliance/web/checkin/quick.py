"""The usual check-in, checked without building its forms.

Almost every submit answers each question with one of the values shown. For those, this module
checks the answers against rules read from the forms' own fields and returns what the forms would
return; anything else (a missing or unexpected answer, an answer for a goal that is not the
client's, answers the scorer refuses) gets None, and the forms check it and say what is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from django import forms

from alliance.measures import Item, Score, ScoringError, get_instrument, score_one
from alliance.web.clinic.models import Goal, Task
from alliance.web.goals import questions
from alliance.web.goals.checkin import PREFIXES
from alliance.web.security.hygiene import text_problem

from .forms import GOAL_PROGRESS, _prototype, field_name

FORM_PREFIXES = (field_name(GOAL_PROGRESS, ""), *PREFIXES)


@dataclass(frozen=True)
class Rule:
    """What a field accepts: a choice among `choices` (as sent) or free text up to max_length."""

    required: bool
    choices: Mapping[str, object] | None = None  # sent text -> cleaned value
    max_length: int | None = None


@dataclass(frozen=True)
class Checked:
    answers: dict[str, dict[str, object]]  # {instrument: {item: value}}, as CheckinForm.answers()
    scores: dict[str, Score]
    ratings: dict[str, object]  # as goals.checkin.ratings_of(RatingsForm)


def rule_of(field: forms.Field) -> Rule:
    """The rule a form field enforces, for the field types the check-in uses."""
    if isinstance(field, forms.ChoiceField):
        coerce = getattr(field, "coerce", str)
        return Rule(field.required, {str(key): coerce(key) for key, _ in field.choices})
    if isinstance(field, forms.CharField) and field.strip:
        return Rule(field.required, max_length=field.max_length)
    raise TypeError(f"no quick rule for {type(field).__name__}")


@lru_cache(maxsize=1024)
def _item_rule(item: Item) -> Rule:
    return rule_of(_prototype(item, item.label))


@lru_cache(maxsize=16)
def _rating_rule(kind: str) -> Rule:
    return rule_of(questions.BUILDERS[kind]())


def check(
    data: Mapping[str, str], instruments: list[str], goals: list[Goal], tasks: list[Task]
) -> Checked | None:
    """The cleaned answers, scores and ratings of a submit the forms would accept, or None."""
    answers = _answers(data, instruments, goals)
    ratings = _ratings(data, goals, tasks)
    if answers is None or ratings is None or _unasked(data, instruments, goals, tasks):
        return None
    try:
        scores = {instrument: score_one(instrument, items) for instrument, items in answers.items()}
    except ScoringError:
        return None
    return Checked(answers, scores, ratings)


def _answers(data, instruments, goals) -> dict[str, dict[str, object]] | None:
    found: dict[str, dict[str, object]] = {}
    for instrument_id in instruments:
        instrument = get_instrument(instrument_id)
        items = found.setdefault(instrument_id, {})
        for item_id, item in _questions(instrument, goals):
            value = _clean(data.get(field_name(instrument_id, item_id)), _item_rule(item))
            if value is _INVALID:
                return None
            if value is not None:
                items[item_id] = value
    return {instrument: items for instrument, items in found.items() if items}


def _questions(instrument, goals) -> list[tuple[str, Item]]:
    if instrument.id == GOAL_PROGRESS:
        return [(str(goal.pk), instrument.items[0]) for goal in goals]
    return [(item.id, item) for item in instrument.items]


def _ratings(data, goals, tasks) -> dict[str, object] | None:
    found = {}
    for name, kind in questions.asked(goals, tasks):
        value = _clean(data.get(name), _rating_rule(kind))
        if value is _INVALID:
            return None
        if value is not None:
            found[name] = value
    return found


def _unasked(data, instruments, goals, tasks) -> bool:
    """Whether an answer names a goal or task question the forms would not ask."""
    asked = {name for name, _ in questions.asked(goals, tasks)}
    if GOAL_PROGRESS in instruments:
        asked |= {field_name(GOAL_PROGRESS, str(goal.pk)) for goal in goals}
    return any(key.startswith(FORM_PREFIXES) and key not in asked for key in data)


_INVALID = object()


def _clean(sent: str | None, rule: Rule) -> object:
    """The cleaned value, None when unanswered (and allowed to be), or _INVALID."""
    if sent is None or sent == "":
        return _INVALID if rule.required else None
    if rule.choices is not None:
        return rule.choices.get(sent, _INVALID)
    text = sent.strip()
    if text_problem(text) or (rule.max_length is not None and len(text) > rule.max_length):
        return _INVALID
    if not text:
        return _INVALID if rule.required else None
    return text
