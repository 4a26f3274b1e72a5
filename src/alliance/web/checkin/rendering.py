"""The questions of an unanswered check-in form rendered in Python: the page's 150-odd radio
buttons through the template engine cost about a hundred times the bare page they sit in.

The markup is exactly that of `checkin/_question.html`, which still renders a form sent back with
errors (tests/web/checkin/test_rendered_in_python.py holds the two equal). Every value is escaped
here, as the template's autoescaping would."""

from __future__ import annotations

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext


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
    auto_id = conditional_escape(field.auto_id)
    described = f' aria-describedby="{auto_id}_hint"' if hint else ""
    hint_html = f'<p class="hint%s" id="{auto_id}_hint">{conditional_escape(hint)}</p>'
    options = "".join(_option(field, value, label, compact) for value, label in f.choices)
    return (
        f'\n\n<fieldset class="question"{described}>\n'
        f"  <legend>{conditional_escape(field.label)}{_optional(f)}</legend>\n"
        f"  {hint_html % '' if hint and not compact else ''}\n"
        "  \n"
        f'  <div class="options{" compact" if compact else ""}">\n'
        f"  {options}\n"
        "  </div>\n"
        f"  {hint_html % ' anchors' if hint and compact else ''}\n"
        "</fieldset>\n\n\n"
    )


def _option(field: forms.BoundField, value, label, compact) -> str:
    checked = " checked" if str(field.value()) == str(value) else ""
    shown = conditional_escape(value if compact else label)
    name = conditional_escape(field.html_name)
    return (
        f'\n    <label><input type="radio" name="{name}" value="{conditional_escape(value)}"'
        f"{checked}> <span>{shown}</span></label>\n  "
    )


def _optional(f: forms.Field) -> str:
    if f.required:
        return ""
    return f' <span class="optional">{conditional_escape(gettext("(optional)"))}</span>'


def _text_question(field: forms.BoundField) -> str:
    auto_id = conditional_escape(field.auto_id)
    value = field.value()
    return (
        '\n\n<div class="question">\n'
        f'  <label for="{auto_id}">{conditional_escape(field.label)}</label>\n'
        "  \n"
        f'  <textarea name="{conditional_escape(field.html_name)}" id="{auto_id}" rows="3" '
        f'maxlength="2000">{conditional_escape(value) if value else ""}</textarea>\n'
        "</div>\n\n\n"
    )
