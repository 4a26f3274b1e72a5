"""Invalid UTF-8 and control characters in free text are refused with a field error, and nothing
is stored."""

import pytest
from django.urls import reverse

from alliance.web.clinic.models import Goal, Response
from alliance.web.security.hygiene import text_problem


@pytest.mark.parametrize("text", ["a\x00b", "bell\x07", "esc\x1b[31m", "c1\x85", "bad \ufffd"])
def test_control_characters_and_undecodable_bytes_are_named(text):
    assert text_problem(text)


@pytest.mark.parametrize("text", ["Sleep better", "tabs\tand\nlines\r\n", "émigré 睡眠 🙂"])
def test_ordinary_text_in_any_language_passes(text):
    assert text_problem(text) == ""


def _post_raw(client, url: str, body: bytes):
    return client.post(url, body, content_type="application/x-www-form-urlencoded")


def test_invalid_utf8_in_a_goal_is_refused_with_a_field_error(login, theo, theos_client):
    url = reverse("goal-new", args=[theos_client.code])
    page = _post_raw(login(theo), url, b"text=Sleep+%FF%FE+better&priority=1")
    assert page.status_code == 400 and "not valid UTF-8" in page.text
    assert list(Goal.objects.values_list("text", flat=True)) == ["Sleep better"]


def test_a_control_character_in_the_checkin_comment_is_refused(
    client, theos_client, checkin_token, valid_answers
):
    data = valid_answers(theos_client, **{"alliance-checkin__7": "More time\x1b on sleep"})
    page = client.post(reverse("checkin", args=[checkin_token]), data)
    assert "control character" in page.text
    assert not Response.objects.exists()


def test_invalid_utf8_in_the_checkin_comment_is_refused_not_replaced(
    client, theos_client, checkin_token, valid_answers
):
    from urllib.parse import urlencode

    data = valid_answers(theos_client, **{"alliance-checkin__7": "PLACEHOLDER"})
    body = urlencode(data).encode().replace(b"PLACEHOLDER", b"caf%C3")
    page = _post_raw(client, reverse("checkin", args=[checkin_token]), body)
    assert "not valid UTF-8" in page.text
    assert not Response.objects.exists()
