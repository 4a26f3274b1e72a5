"""The goals and tasks part of an unanswered check-in rendered in Python: the client's own goals
and tasks, so rendered on every GET, and through the template engine it cost about half the
page's template time.

The markup is exactly that of `goals/_checkin_questions.html`, which still renders a form sent
back with errors (tests/web/checkin/test_rendered_in_python.py holds the two equal). The client's
words are escaped here, as the template's autoescaping would; translated sentences are not, as
the template's `{% translate %}` marks them safe."""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from alliance.web.checkin.rendering import escaped, questions_html

from .checkin import RatingsForm


def ratings_html(ratings: RatingsForm, parts: int) -> SafeString:
    """The goals and tasks part of an unbound ratings form, as its template renders it."""
    if ratings.is_bound:
        raise ValueError("a form sent back is rendered by its template, with its errors")
    groups = "".join(
        f"\n  <h3>{escaped(group.heading)}</h3>\n  {questions_html(group.fields)}\n  "
        for group in ratings.groups
    )
    return mark_safe(  # every word escaped above or in questions_html
        '\n<section class="instrument" aria-labelledby="section-goals-tasks">\n'
        f'  <h2 id="section-goals-tasks">{_part(parts)}'
        f"{gettext('Your goals and what we agreed to do')}</h2>\n"
        "  \n"
        '  <p class="hint">'
        f"{gettext('Your honest view helps your therapist adjust the work to you.')}</p>\n"
        f"  {groups}\n"
        "</section>\n\n"
    )


def _part(parts: int) -> str:
    if not parts:
        return ""
    said = gettext("Part %(part)s of %(parts)s") % {"part": parts, "parts": parts}
    return f'<span class="part">{said}</span> '
