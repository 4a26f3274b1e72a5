"""A bounded, seeded fuzz of every POST form a page shows, found in the page's own HTML: each field
gets odd text, junk in place of a choice, or its own value. No answer is a server error, and a post
with text the forms must refuse (a control character, broken encoding) stores nothing."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance.web.security.hygiene import text_problem

from .forms_on_page import Form, post_forms
from .test_form_fuzz import FUZZ as FREE_TEXT_FUZZ

FUZZ = settings(FREE_TEXT_FUZZ, max_examples=12)  # seeded and bounded as that fuzz, fewer cases
ODD = st.text(st.characters(codec="utf-8"), max_size=120) | st.sampled_from(
    ["\x00", "a\x1bb", "-1", "1e309", "2026-02-30", "9" * 40, "<b>x</b>", " ", "C-THEO1"]
)
# what only records who did what, or sessions and lockout bookkeeping, may change on any post
BOOKKEEPING = {"auditevent", "session", "accessattempt", "accesslog", "accessfailurelog"}


def _stored_rows() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.model_name not in BOOKKEEPING and model._meta.managed
    }


def _value(field, data):
    if field.kind == "hidden":
        return field.value
    if field.kind == "checkbox":
        return data.draw(st.sampled_from([None, field.value or "on"]))
    if field.kind == "select" and field.options:
        return data.draw(st.sampled_from(field.options) | ODD)
    if field.kind == "radio":
        return data.draw(st.sampled_from([field.value]) | ODD)
    return data.draw(st.sampled_from([field.value]) | ODD)


def _post_each_form(session, url: str, data) -> int:
    """Post every form of the page but the layout's log-out button; how many there were."""
    page = session.get(url)
    assert page.status_code == 200, url
    forms = [f for f in post_forms(page.content.decode(), url) if f.action != reverse("logout")]
    for form in forms:
        _post_one(session, form, {f.name: _refused_or_own(f) for f in form.fields})
        drawn = {f.name: _value(f, data) for f in form.fields}
        _post_one(session, form, {name: v for name, v in drawn.items() if v is not None})
    return len(forms)


def _refused_or_own(field) -> str:
    """A control character in every text field, every other field its own value."""
    return "a\x1bb" if field.takes_text else field.value or next(iter(field.options), "")


def _post_one(session, form: Form, values: dict) -> None:
    bad = [
        name
        for name, value in values.items()
        if any(f.name == name and f.takes_text for f in form.fields) and text_problem(value)
    ]
    before = _stored_rows()
    answer = session.post(form.action, values)
    assert answer.status_code < 500, (form.action, values)
    if bad:
        assert _stored_rows() == before, (form.action, bad, values)


def _client_pages(client) -> list[str]:
    code = client.code
    goal, task, rupture = client.goals.first(), client.tasks.get(), client.ruptures.get()
    return [
        reverse("client", args=[code]),
        reverse("goal-new", args=[code]),
        reverse("goal-edit", args=[code, goal.pk]),
        reverse("task-new", args=[code]),
        reverse("task-edit", args=[code, task.pk]),
        reverse("therapist-form", args=[code, 1]),
        reverse("rupture", args=[code, rupture.pk]),
    ]


@FUZZ
@given(data=st.data())
def test_every_form_about_a_client(login, theo, full_record, data):
    session = login(theo)
    found = sum(_post_each_form(session, url, data) for url in _client_pages(full_record))
    assert found >= len(_client_pages(full_record))


@FUZZ
@given(data=st.data())
def test_every_form_of_a_therapists_own_pages(login, theo, data):
    session = login(theo)
    pages = [reverse("new-client"), reverse("api-tokens"), reverse("digest")]
    assert sum(_post_each_form(session, url, data) for url in pages) >= 3


@FUZZ
@given(data=st.data())
def test_every_form_of_the_admins_pages(login, ada, clinic, data):
    session = login(ada)
    pages = [
        reverse("webhooks"),
        reverse("subject-requests"),
        reverse("exports"),
        reverse("clinic-settings"),
        reverse("clinic-delivery"),
    ]
    assert sum(_post_each_form(session, url, data) for url in pages) >= 6


@FUZZ
@given(data=st.data())
def test_the_checkin_form(client, theo, theos_client, data):
    from alliance.web.checkin.links import create_link

    _, token = create_link(theos_client.sessions.get(number=1), by=theo)
    assert _post_each_form(client, reverse("checkin", args=[token]), data) == 1
    # what the answers stored goes, so the next example's link opens a blank form
    theos_client.responses.all().delete()
    theos_client.submissions.all().delete()
    theos_client.sessions.get(number=1).goal_agreements.all().delete()
    theos_client.goal_proposals.all().delete()


def test_the_page_reader_finds_each_post_form_with_its_fields():
    html = (
        '<form method="get" action="/s"><input name="q"></form>'
        '<form method="post" action="/a"><input type="hidden" name="h" value="1">'
        '<textarea name="t"></textarea><select name="s"><option value="x">X</option>'
        '<option value="y">Y</option></select><input type="submit" value="Go"></form>'
    )
    (form,) = post_forms(html, "/page")
    assert form.action == "/a"
    assert [(f.name, f.kind, f.value) for f in form.fields] == [
        ("h", "hidden", "1"),
        ("t", "textarea", ""),
        ("s", "select", ""),
    ]
    assert form.fields[2].options == ["x", "y"] and form.fields[1].takes_text


pytestmark = [pytest.mark.django_db, pytest.mark.slow]
