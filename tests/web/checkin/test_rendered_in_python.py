"""An unanswered check-in's questions are rendered in Python (alliance.web.checkin.rendering) and
its sections of shipped instruments kept per process, the goals and tasks part in Python too
(alliance.web.goals.checkin_html), and the frame around them kept per process
(alliance.web.checkin.page); the page is the one the templates render question by question,
byte for byte but the CSRF token, in English and Spanish, with and without licensed wording, with
goals and tasks whose words need escaping and with none, and on the therapist's form."""

from __future__ import annotations

import json
import re

import pytest
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils.safestring import mark_safe

from alliance.web.checkin import page
from alliance.web.checkin.links import create_link
from alliance.web.checkin.templatetags import checkin_questions
from alliance.web.clinic.models import Goal, Task, TaskKind
from alliance.web.goals import checkin_html
from alliance.web.wording.models import LicensedWording
from tests.web.wording.test_licensed_wording import licensed, upload

TRICKY = "Sleep <better> & \"rest\" 'often' 100%"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def _through_the_partial(fields):
    """The questions as the page rendered them before: the partial, once per question."""
    return mark_safe(
        "".join(render_to_string("checkin/_question.html", {"field": f}) for f in fields)
    )


def _section_through_the_partial(section, counter, parts):
    """A section as the page rendered it before: its partial."""
    context = {"section": section, "forloop": {"counter": counter}, "parts": parts}
    return mark_safe(render_to_string(checkin_questions.SECTION, context))


def _through_the_template(ratings, parts):
    """The goals and tasks part as the page rendered it before: its template."""
    context = {"ratings": ratings, "parts": parts}
    return mark_safe(render_to_string(checkin_questions.RATINGS, context))


def _both(browser, url: str, monkeypatch) -> tuple[str, str]:
    """The page as served (its frame and sections kept from an earlier page when they were), and
    the page rendered whole through its template, with every section through its partial, its
    questions through theirs and its goals and tasks part through its template."""
    served = browser.get(url)
    assert served.status_code == 200
    with monkeypatch.context() as patched:
        patched.setattr(checkin_questions, "render_questions", _through_the_partial)
        patched.setattr(checkin_questions, "kept_section", lambda key, render: render())
        patched.setattr(checkin_questions, "render_section", _section_through_the_partial)
        patched.setattr(checkin_questions, "ratings_html", _through_the_template)
        patched.setattr(page, "frame_may_be_kept", lambda request, context: False)
        before = browser.get(url)
    return tuple(CSRF.sub("csrf", page.content.decode()) for page in (served, before))


@pytest.fixture
def busy_client(theos_client):
    """Theo's client with two goals (one with markup in its words) and both kinds of task."""
    Goal.objects.create(client=theos_client, text=TRICKY, priority=2)
    Task.objects.create(client=theos_client, description="Walk <daily>", rationale="Mood & <sleep>")
    Task.objects.create(client=theos_client, description="Breathe & 'rest'", kind=TaskKind.BETWEEN)
    return theos_client


def _checkin_url(client) -> str:
    _, token = create_link(client.sessions.get(number=1), by=client.therapist)
    return reverse("checkin", args=[token])


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("worded", [False, True], ids=["short labels", "licensed wording"])
def test_the_check_in_page_is_the_partials_page(
    client, busy_client, login, ada, clinic, monkeypatch, language, worded
):
    busy_client.language = language
    busy_client.save(update_fields=["language"])
    if worded:
        assert upload(login(ada), clinic, licensed(language=language)).status_code == 302
        client.logout()
    served, before = _both(client, _checkin_url(busy_client), monkeypatch)
    assert served == before
    assert served.count('type="radio"') > 150 and "&lt;better&gt; &amp; &quot;rest&quot;" in served
    assert "Mood &amp; &lt;sleep&gt;" in served and "Breathe &amp; &#x27;rest&#x27;" in served
    assert ("Made-up licensed question 9" in served) is worded


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_client_without_goals_or_tasks_sees_the_templates_page(
    client, theos_client, monkeypatch, language
):
    theos_client.goals.all().delete()
    theos_client.language = language
    theos_client.save(update_fields=["language"])
    served, before = _both(client, _checkin_url(theos_client), monkeypatch)
    assert served == before and 'id="section-goals-tasks"' in served
    assert 'name="goal-proposal"' in served and 'name="goal-most-now"' not in served


def test_the_therapists_form_is_the_partials_form(login, theo, theos_client, monkeypatch):
    url = reverse("therapist-form", args=[theos_client.code, 1])
    served, before = _both(login(theo), url, monkeypatch)
    assert served == before and 'name="alliance-checkin-t__1"' in served


def test_a_kept_section_is_the_section_rendered_again(client, busy_client, monkeypatch):
    url = _checkin_url(busy_client)
    first = client.get(url)  # keeps its sections, or reuses those an earlier page kept
    kept, again = _both(client, url, monkeypatch)
    assert CSRF.sub("csrf", first.content.decode()) == kept == again


def test_a_changed_licensed_wording_shows_at_once(client, theos_client, login, ada, clinic):
    assert upload(login(ada), clinic, licensed()).status_code == 302
    client.logout()
    url = _checkin_url(theos_client)
    assert "Made-up licensed question 3" in client.get(url).content.decode()
    row = LicensedWording.objects.get()
    row.wording = json.loads(json.dumps(row.wording).replace("Made-up licensed", "Reworded"))
    row.save()
    html = client.get(url).content.decode()
    assert "Reworded question 3" in html and "Made-up licensed question" not in html


def test_a_form_sent_back_keeps_the_answers_and_marks_the_errors(
    client, busy_client, valid_answers, monkeypatch
):
    url = _checkin_url(busy_client)
    goal = busy_client.goals.get(text=TRICKY)
    answers = valid_answers(busy_client, **{"phq-9__4": None, f"goal-agreement__{goal.pk}": "11"})
    with monkeypatch.context() as patched:  # a form sent back never reaches the Python parts
        patched.setattr(checkin_html, "ratings_html", None)
        patched.setattr(checkin_questions, "ratings_html", None)
        patched.setattr(checkin_questions, "render_section", None)
        html = client.post(url, answers).content.decode()
    assert 'id="id_phq-9__4_error"' in html and 'aria-invalid="true"' in html
    assert re.search(r'name="phq-9__3" value="1" checked', html)
    assert f'id="id_goal-agreement__{goal.pk}_error"' in html


def test_the_python_part_refuses_a_form_sent_back(busy_client):
    from alliance.web.goals.checkin import RatingsForm

    ratings = RatingsForm({}, goals=list(busy_client.goals.all()), tasks=[])
    with pytest.raises(ValueError, match="sent back"):
        checkin_html.ratings_html(ratings, 3)


@pytest.mark.parametrize("compact", [False, True])
def test_a_hint_with_a_percent_sign_renders_as_the_partial_does(compact):
    from django import forms

    from alliance.web.checkin.rendering import questions_html

    class Form(forms.Form):
        share = forms.TypedChoiceField(
            label="How much <of it>?", choices=[(0, "0%"), (50, "50%")], coerce=int
        )

    form = Form()
    form.fields["share"].hint = "0% is none & 100% is %s all"
    form.fields["share"].compact = compact
    fields = list(form)
    assert str(questions_html(fields)) == str(_through_the_partial(fields))
    assert "0% is none &amp; 100% is %s all" in str(questions_html(fields))


def test_a_second_client_of_the_clinic_gets_the_kept_frame_with_a_token_of_its_own(
    client, busy_client, make_client, theo, monkeypatch
):
    first = client.get(_checkin_url(busy_client)).content.decode()
    other = make_client(theo, code="C-THEO2")
    with monkeypatch.context() as patched:  # the frame is not rendered again
        patched.setattr(page, "PAGE", "no-such-template.html")
        served = Client().get(_checkin_url(other)).content.decode()
    assert CSRF.search(first).group() != CSRF.search(served).group()
    assert "&lt;better&gt;" in first and "&lt;better&gt;" not in served
    assert served.count(page.CSRF_MARK[:11]) == 0 and 'id="section-goals-tasks"' in served


def test_a_pending_message_is_shown_on_the_page_as_the_template_shows_it(client, busy_client):
    from django.contrib.messages import INFO
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.test import RequestFactory

    storage = CookieStorage(RequestFactory().get("/"))
    response = HttpResponse()
    storage.add(INFO, "Saved & <kept>")
    storage.update(response)
    client.cookies[storage.cookie_name] = response.cookies[storage.cookie_name].value
    html = client.get(_checkin_url(busy_client)).content.decode()
    assert '<ul class="messages" role="status"><li>Saved &amp; &lt;kept&gt;</li></ul>' in html
