"""A bounded, seeded fuzz of every form with free text: any text, however odd, gets a page and
never a server error, and text the forms must refuse (control characters, broken encoding, too
long) stores nothing."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance.web.checkin.links import create_link
from alliance.web.clinic.models import Client, Goal, Response, Rupture, Task
from alliance.web.security.hygiene import text_problem

FUZZ = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TEXT = st.text(st.characters(codec="utf-8"), max_size=400) | st.sampled_from(
    ["\x00", "a\x1bb", "\ufffd", "x" * 5000, "<script>alert(1)</script>", "Ω" * 301, " "]
)


def _refused(text: str, max_length: int) -> bool:
    return bool(text_problem(text.strip())) or len(text.strip()) > max_length


def _check(page, rows_before: int, rows_after: int, text: str, max_length: int) -> None:
    assert page.status_code < 500
    if _refused(text, max_length):
        assert rows_after == rows_before, repr(text)


@FUZZ
@given(text=TEXT)
def test_the_goal_form(login, theo, theos_client, text):
    session, before = login(theo), Goal.objects.count()
    page = session.post(
        reverse("goal-new", args=[theos_client.code]), {"text": text, "priority": 1}
    )
    _check(page, before, Goal.objects.count(), text, 300)


@FUZZ
@given(description=TEXT, rationale=TEXT)
def test_the_task_form(login, theo, theos_client, description, rationale):
    session, before = login(theo), Task.objects.count()
    data = {"description": description, "rationale": rationale, "kind": "method"}
    page = session.post(reverse("task-new", args=[theos_client.code]), data)
    assert page.status_code < 500
    if _refused(description, 300) or _refused(rationale, 500):
        assert Task.objects.count() == before


@FUZZ
@given(name=TEXT)
def test_the_new_client_form(login, theo, name):
    session, before = login(theo), Client.objects.count()
    page = session.post(reverse("new-client"), {"display_name": name, "started": "2026-01-05"})
    _check(page, before, Client.objects.count(), name, 100)


@FUZZ
@given(comment=TEXT)
def test_the_checkin_comment(client, theo, theos_client, valid_answers, comment):
    _, token = create_link(theos_client.sessions.get(number=1), by=theo)
    before = Response.objects.count()
    data = valid_answers(theos_client, **{"alliance-checkin__7": comment})
    page = client.post(reverse("checkin", args=[token]), data)
    _check(page, before, Response.objects.count(), comment, 1000)
    Response.objects.all().delete()
    theos_client.submissions.all().delete()


@FUZZ
@given(noticed=TEXT)
def test_the_rupture_record(login, theo, theos_client, noticed):
    rupture, _ = Rupture.objects.get_or_create(
        client=theos_client, onset_session=1, lowest_session=1, last_session=1, rule="v-episode"
    )
    before = Rupture.objects.exclude(noticed="").count()
    url = reverse("rupture", args=[theos_client.code, rupture.pk])
    page = login(theo).post(url, {"noticed": noticed, "kind": "withdrawal"})
    _check(page, before, Rupture.objects.exclude(noticed="").count(), noticed, 4000)


@FUZZ
@given(email=TEXT, code=TEXT)
def test_the_reset_the_code_and_the_audit_filter(client, login, pia, email, code):
    assert client.post(reverse("password_reset"), {"email": email}).status_code < 500
    assert not mail.outbox
    assert login(pia).get(reverse("audit"), {"client": code, "user": email}).status_code < 500
    assert client.post(reverse("two-factor-verify"), {"code": code}).status_code < 500


def test_the_fuzz_is_seeded_and_bounded():
    assert FUZZ.derandomize and FUZZ.max_examples == 20


pytestmark = pytest.mark.django_db
