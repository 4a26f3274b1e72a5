"""Form fields built once per process and handed out as cheap copies.

Building a choice field normalises its choices, which costs more than checking an answer; the
check-in builds about twenty per submit. A copy shares the choices (never changed) and copies
everything a form may change: the field, its widget, the widget's attributes, the error messages
and the validators. Django's own deepcopy would normalise the choices again."""

from __future__ import annotations

from typing import TypeVar

from django import forms

T = TypeVar("T")


def fresh_copy(prototype: forms.Field) -> forms.Field:
    """A copy of the prototype that a form may change without touching the prototype."""
    field = _shallow(prototype)
    field.widget = _shallow(prototype.widget)
    field.widget.attrs = dict(prototype.widget.attrs)
    field.error_messages = dict(prototype.error_messages)
    field.validators = list(prototype.validators)
    return field


def _shallow(original: T) -> T:
    """copy.copy for plain objects (fields and widgets), without its generic protocol's cost."""
    found = object.__new__(type(original))
    found.__dict__.update(original.__dict__)
    return found


class CalendarDateInput(forms.DateInput):
    """A browser's date picker. Its value is always ISO (YYYY-MM-DD), whatever the page's
    language: a Spanish page would otherwise fill it as 05/03/2026, which the picker drops."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")
