"""The check-in's questions rendered in Python for an unanswered form (..rendering), each section
of the form, kept per process when it may be (..rendering.kept_section), and the client's goals
and tasks part (goals.checkin_html)."""

from django import template

from alliance.web.goals.checkin_html import ratings_html

from ..rendering import kept_section
from ..rendering import questions_html as render_questions
from ..rendering import section_html as render_section

register = template.Library()
SECTION = "checkin/_section.html"
RATINGS = "goals/_checkin_questions.html"


@register.filter
def questions_html(fields):
    """The questions of an unbound form, as `checkin/_question.html` renders each."""
    return render_questions(fields)


@register.simple_tag(takes_context=True)
def section_html(context, section, counter, parts):
    """One section of the form as `checkin/_section.html` renders it: in Python when unanswered,
    and once per process for its language, wording and place when of a shipped instrument."""
    if context["form"].is_bound:
        return context.template.engine.get_template(SECTION).render(context)

    def render():
        return render_section(section, counter, parts)

    if section.kept_as is None:
        return render()
    return kept_section((*section.kept_as, counter, parts), render)


@register.simple_tag(takes_context=True)
def ratings_part_html(context, ratings, parts):
    """The goals and tasks part as `goals/_checkin_questions.html` renders it: in Python for an
    unanswered form, through the template for one sent back with its errors."""
    if ratings.is_bound:
        return context.template.engine.get_template(RATINGS).render(context)
    return ratings_html(ratings, parts)
