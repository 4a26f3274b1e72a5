"""The check-in's questions rendered in Python for an unanswered form (..rendering), and each
section of the form, kept per process when it may be (..rendering.kept_section)."""

from django import template

from ..rendering import kept_section
from ..rendering import questions_html as render_questions

register = template.Library()
SECTION = "checkin/_section.html"


@register.filter
def questions_html(fields):
    """The questions of an unbound form, as `checkin/_question.html` renders each."""
    return render_questions(fields)


@register.simple_tag(takes_context=True)
def section_html(context, section, counter, parts):
    """One section of the form as `checkin/_section.html` renders it; an unanswered section of a
    shipped instrument is rendered once per process for its language, wording and place."""

    def render():
        return context.template.engine.get_template(SECTION).render(context)

    if section.kept_as is None:
        return render()
    return kept_section((*section.kept_as, counter, parts), render)
