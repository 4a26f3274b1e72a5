"""The check-in's questions rendered in Python for an unanswered form (..rendering)."""

from django import template

from ..rendering import questions_html as render_questions

register = template.Library()


@register.filter
def questions_html(fields):
    """The questions of an unbound form, as `checkin/_question.html` renders each."""
    return render_questions(fields)
