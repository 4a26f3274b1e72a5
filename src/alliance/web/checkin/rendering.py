"""The sections and questions of an unanswered check-in form rendered in Python: the page's
150-odd radio buttons through the template engine cost about a hundred times the bare page they
sit in, and the client's own goal-progress section is rendered on every GET.

The markup is exactly that of `checkin/_section.html` and `checkin/_question.html`, which still
render a form sent back with errors (tests/web/checkin/test_rendered_in_python.py holds the two
equal). Every value is escaped here, as the template's autoescaping would; translated sentences
are not, as the templates' `{% translate %}` marks them safe."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from django import forms
from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from .forms import GOAL_PROGRESS, Section


def escaped(value) -> str:
    """Django's conditional_escape (the same output) without its lazy-string wrapper, which costs
    more than the escaping on a page of 150-odd options."""
    if isinstance(value, Promise):
        value = str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return escape(str(value))


KEPT_SECTIONS = 256  # languages x instruments x wordings x places on the page; past this, not kept
_kept: dict[tuple, SafeString] = {}


def kept_section(key: tuple, render: Callable[[], SafeString]) -> SafeString:
    """The section rendered once per process for each `key` (all its markup depends on)."""
    found = _kept.get(key)
    if found is None:
        found = render()
        if len(_kept) < KEPT_SECTIONS:
            _kept[key] = found
    return found


def section_html(section: Section, counter: int, parts: int) -> SafeString:
    """One section of an unbound form, as the section partial renders it at place `counter`."""
    part = f'<span class="part">{_part_of(counter, parts)}</span> ' if parts else ""
    return mark_safe(  # every word escaped here or in questions_html
        f'\n<section class="instrument" aria-labelledby="section-{counter}">\n'
        f'  <h2 id="section-{counter}">{part}{_heading(section)}</h2>\n'
        f"  {_section_hints(section)}\n"
        f"  {questions_html(section.fields)}\n"
        "</section>\n"
    )


def _part_of(part: int, parts: int) -> str:
    return gettext("Part %(part)s of %(parts)s") % {"part": part, "parts": parts}


def _heading(section: Section) -> str:
    """The section's heading; a translated sentence is trusted as the template trusts it."""
    instrument = section.instrument
    if instrument.id == GOAL_PROGRESS:
        return gettext("Your goals")
    if instrument.kind == "outcome":
        return gettext("How you have been over the last two weeks")
    if instrument.respondent == "client":
        return gettext("About today's session")
    return escaped(section.title)


def _section_hints(section: Section) -> str:
    """The section partial's three hints, each or its empty line."""
    instrument = section.instrument
    scale = ""
    if instrument.kind == "outcome" and instrument.wording == "labels":
        said = gettext(
            "%(title)s: how much each of these has bothered you, from 0 (least) to 3 (most)."
        ) % {"title": escaped(section.title)}
        scale = f'<p class="hint">{said}</p>'
    short = ""
    if section.short_labels:
        said = gettext(
            "These are short descriptions: the standard wording of this questionnaire in "
            "your language has not been imported by your clinic."
        )
        short = f'<p class="hint short-labels">{said}</p>'
    progress = ""
    if instrument.id == GOAL_PROGRESS:
        said = gettext("How far have you come on each goal? 0 is no progress, 10 is fully reached.")
        progress = f'<p class="hint">{said}</p>'
    return f"{scale}\n  {short}\n  {progress}"


def questions_html(fields: list[forms.BoundField]) -> SafeString:
    """Each question of an unbound form, as the question partial renders it one after another."""
    return mark_safe("".join(_question(field) for field in fields))  # escaped below


def _question(field: forms.BoundField) -> str:
    if field.form.is_bound:
        raise ValueError("a form sent back is rendered by its template, with its errors")
    if getattr(field.field, "choices", None):
        return _choice_question(field)
    return _text_question(field)


def _choice_question(field: forms.BoundField) -> str:
    f = field.field
    hint, compact = getattr(f, "hint", ""), getattr(f, "compact", "")
    auto_id = escaped(field.auto_id)
    described = f' aria-describedby="{auto_id}_hint"' if hint else ""
    escaped_hint = escaped(hint)

    def hint_html(css: str) -> str:  # the hint's words may hold a "%": never %-formatted
        return f'<p class="hint{css}" id="{auto_id}_hint">{escaped_hint}</p>'

    name, answered = escaped(field.html_name), str(field.value())
    options = "".join(
        _option(name, value, label, checked=answered == str(value), compact=compact)
        for value, label in f.choices
    )
    return (
        f'\n\n<fieldset class="question"{described}>\n'
        f"  <legend>{escaped(field.label)}{_optional(f)}</legend>\n"
        f"  {hint_html('') if hint and not compact else ''}\n"
        "  \n"
        f'  <div class="options{" compact" if compact else ""}">\n'
        f"  {options}\n"
        "  </div>\n"
        f"  {hint_html(' anchors') if hint and compact else ''}\n"
        "</fieldset>\n\n\n"
    )


def _option(name: str, value, label, *, checked: bool, compact) -> str:
    shown = escaped(value if compact else label)
    return (
        f'\n    <label><input type="radio" name="{name}" value="{escaped(value)}"'
        f"{' checked' if checked else ''}> <span>{shown}</span></label>\n  "
    )


def _optional(f: forms.Field) -> str:
    if f.required:
        return ""
    return f' <span class="optional">{escaped(gettext("(optional)"))}</span>'


def _text_question(field: forms.BoundField) -> str:
    auto_id = escaped(field.auto_id)
    value = field.value()
    return (
        '\n\n<div class="question">\n'
        f'  <label for="{auto_id}">{escaped(field.label)}</label>\n'
        "  \n"
        f'  <textarea name="{escaped(field.html_name)}" id="{auto_id}" rows="3" '
        f'maxlength="2000">{escaped(value) if value else ""}</textarea>\n'
        "</div>\n\n\n"
    )
