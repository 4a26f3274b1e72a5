"""One form for any set of instruments: a question per item, checked on the server by the scorer."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

from django import forms
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from alliance.measures import Instrument, Item, Score, ScoringError, get_instrument, score_one
from alliance.web.clinic.formfields import fresh_copy
from alliance.web.clinic.instruments import title_of
from alliance.web.clinic.models import Goal
from alliance.web.security.hygiene import TextHygiene

SEPARATOR = "__"
GOAL_PROGRESS = "goal-progress"
CHOOSE_SHOWN = gettext_noop("Please choose one of the answers shown (%(low)s to %(high)s).")


@dataclass
class Section:
    instrument: Instrument
    fields: list[forms.BoundField]
    short_labels: bool = False  # a standard instrument shown without its licensed wording
    kept_as: tuple | None = None  # all its unanswered markup depends on, when it may be kept

    @property
    def title(self) -> str:
        """The instrument's full name in the page's language."""
        return title_of(self.instrument)


def field_name(instrument_id: str, item_id: str) -> str:
    return f"{instrument_id}{SEPARATOR}{item_id}"


def _choice_field(item: Item, label: str) -> forms.TypedChoiceField:
    shown = {"low": item.low, "high": item.high}
    field = forms.TypedChoiceField(
        label=label,
        required=item.required,
        coerce=int,
        widget=forms.RadioSelect,
        choices=[(option.value, option.label) for option in item.options],
        error_messages={
            "required": gettext("Please choose an answer."),
            "invalid_choice": gettext(CHOOSE_SHOWN) % shown,
        },
    )
    field.compact = len(item.options) > 5  # a 0-10 scale shows numbers, with its anchors as a hint
    # buttons that show their own words need no hint repeating them
    anchors = [option for option in item.options if option.label != str(option.value)]
    field.hint = "; ".join(_anchor(o.value, o.label) for o in anchors) if field.compact else ""
    return field


def _anchor(value: int, label: str) -> str:
    text = label.removeprefix(f"{value} - ")
    return gettext("%(value)s means %(text)s") % {"value": value, "text": text}


def _text_field(item: Item) -> forms.CharField:
    return forms.CharField(
        label=item.label,
        required=item.required,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


_PROTOTYPES: dict[tuple[str, str, str, str], forms.Field] = {}
MAX_PROTOTYPES = 4096  # goal progress has one per goal text; past this, build without keeping


def _prototype(instrument_id: str, item: Item, label: str) -> forms.Field:
    """A question's field, built once per process and language (alliance.web.clinic.formfields);
    found by names, which hash faster than the item itself."""
    key = (instrument_id, item.id, label, translation.get_language() or "")
    found = _PROTOTYPES.get(key)
    if found is None:
        found = _text_field(item) if item.kind == "text" else _choice_field(item, label)
        if len(_PROTOTYPES) < MAX_PROTOTYPES:
            _PROTOTYPES[key] = found
    return found


@cache
def items_in(instrument_id: str, language: str) -> tuple[Item, ...]:
    """The shipped instrument's items with their question and answers in `language`, put in
    that language once per process (they never change while it runs)."""
    return tuple(item.in_language(language) for item in get_instrument(instrument_id).items)


def question_field(instrument_id: str, item: Item, label: str) -> forms.Field:
    """A fresh copy of the question's field, for one form."""
    return fresh_copy(_prototype(instrument_id, item, label))


class CheckinForm(TextHygiene, forms.Form):
    """The questions of the given instruments; goal-progress asks one question per goal.

    `worded` ({instrument: {item id: item}}) holds the clinic's licensed wording in the active
    language, shown instead of the short labels; the project's own wording is shown in the
    active language."""

    def __init__(
        self,
        *args,
        instruments: list[str],
        goals: list[Goal],
        worded: dict[str, dict[str, Item]] | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.instruments = [get_instrument(i) for i in instruments]
        self.goals = goals
        self.worded = worded or {}
        self.language = translation.get_language() or ""
        self.section_names: list[tuple[Instrument, list[str]]] = []
        for instrument in self.instruments:
            self.section_names.append((instrument, self._add_fields(instrument)))

    def _add_fields(self, instrument: Instrument) -> list[str]:
        names = []
        for item_id, label, item in self._questions(instrument):
            name = field_name(instrument.id, item_id)
            self.fields[name] = question_field(instrument.id, item, label)
            names.append(name)
        return names

    def _questions(self, instrument: Instrument):
        items = items_in(instrument.id, self.language)
        if instrument.id == GOAL_PROGRESS:
            return [(str(goal.pk), goal.text, items[0]) for goal in self.goals]
        worded = self.worded.get(instrument.id, {})
        shown = [worded.get(item.id, item) for item in items]
        return [(item.id, item.label, item) for item in shown]

    @cached_property
    def sections(self) -> list[Section]:
        return [
            Section(
                inst, [self[name] for name in names], self._short_labels(inst), self._kept_as(inst)
            )
            for inst, names in self.section_names
            if names
        ]

    def _kept_as(self, instrument: Instrument) -> tuple | None:
        """An unanswered section's markup follows from the instrument, the language, its
        licensed wording and the form's naming; goal progress also names the client's goals."""
        if self.is_bound or instrument.id == GOAL_PROGRESS:
            return None
        worded = tuple(self.worded.get(instrument.id, {}).values())
        return (instrument.id, self.language, worded, self.prefix, self.auto_id)

    def _short_labels(self, instrument: Instrument) -> bool:
        return instrument.wording == "labels" and instrument.id not in self.worded

    def clean(self) -> dict:
        cleaned = super().clean()
        prefix = field_name(GOAL_PROGRESS, "")
        unknown = [key for key in self.data if key.startswith(prefix) and key not in self.fields]
        if unknown:
            raise forms.ValidationError(
                gettext("An answer was sent for a goal that is not one of yours.")
            )
        if not self.errors:
            self._score_each()
        return cleaned

    def _score_each(self) -> None:
        """Score every instrument once; a valid form keeps the scores in `scores` for storing."""
        self.scores: dict[str, Score] = {}
        for instrument, items in self.answers().items():
            try:
                self.scores[instrument] = score_one(instrument, items)
            except ScoringError as error:
                name = field_name(instrument, error.item or "")
                self.add_error(name if name in self.fields else None, str(error))

    def answers(self) -> dict[str, dict[str, object]]:
        """{instrument: {item: value}} from the cleaned data; unanswered optional items left out."""
        found: dict[str, dict[str, object]] = {}
        for instrument, names in self.section_names:
            items = found.setdefault(instrument.id, {})
            for name in names:
                value = self.cleaned_data.get(name)
                if value not in (None, ""):
                    items[name.split(SEPARATOR, 1)[1]] = value
        return {instrument: items for instrument, items in found.items() if items}
