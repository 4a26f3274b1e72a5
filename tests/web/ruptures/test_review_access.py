"""Who may open a rupture review, who may record what they did, and how bad input is shown."""

import pytest
from django.urls import reverse

from alliance.web.clinic.models import Rupture


@pytest.fixture
def rupture(diary_client) -> Rupture:
    return Rupture.objects.create(
        client=diary_client,
        onset_session=5,
        lowest_session=5,
        last_session=5,
        depth=3.0,
        depth_sd=5.0,
        baseline=8.0,
        dimensions=["task"],
        rule="v-episode",
        thresholds={"v-episode": {"k": 2.0}, "sd_ref": 0.6},
    )


def _url(rupture) -> str:
    return reverse("rupture", args=[rupture.client.code, rupture.pk])


RECORD = {"kind": "withdrawal", "noticed": "Vague talk", "strategies": ["clarify"]}


@pytest.mark.parametrize(
    "persona, status", [("theo", 200), ("sam", 200), ("cora", 404), ("ada", 404)]
)
def test_the_review_is_shown_to_the_therapist_and_their_supervisor(
    request, login, rupture, persona, status
):
    assert login(request.getfixturevalue(persona)).get(_url(rupture)).status_code == status


@pytest.mark.parametrize("persona", ["sam", "cora", "ada"])
def test_only_the_clients_own_therapist_records_what_they_did(request, login, rupture, persona):
    page = login(request.getfixturevalue(persona)).post(_url(rupture), RECORD)
    assert page.status_code == 404
    rupture.refresh_from_db()
    assert rupture.noticed == ""


def test_the_supervisor_reads_the_review_without_a_form(login, sam, rupture):
    html = login(sam).get(_url(rupture)).content.decode()
    assert "The therapist has not recorded anything yet." in html
    assert "Save what I did" not in html


def test_anonymous_visitors_are_sent_to_the_login(client, rupture):
    page = client.get(_url(rupture))
    assert page.status_code == 302 and page.url.startswith(reverse("login"))


def test_a_rupture_of_another_client_is_a_404(login, theo, rupture, make_client):
    other = make_client(theo, code="C-OTHER")
    page = login(theo).get(reverse("rupture", args=[other.code, rupture.pk]))
    assert page.status_code == 404


def test_the_review_says_what_fell_and_which_rule_with_questions(login, theo, rupture):
    html = login(theo).get(_url(rupture)).content.decode()
    assert "the alliance was 3.0 points below the client&#x27;s usual 8.0 of 10" in html
    assert "The alliance was at least 2 SD below the client&#x27;s usual level" in html
    # task strategies come first for a task rupture
    assert html.index("Explain again why a task may help") < html.index("Link it to wider")
    assert "Withdrawal: the client pulls back" in html


@pytest.mark.parametrize(
    "data, field, problem",
    [
        (RECORD | {"noticed": "  "}, "noticed", "Say briefly what you noticed"),
        (RECORD | {"strategies": ["shout"]}, "strategies", "Select a valid choice"),
        (RECORD | {"kind": "sulking"}, "kind", "Select a valid choice"),
    ],
)
def test_bad_input_is_shown_next_to_its_field(login, theo, rupture, data, field, problem):
    page = login(theo).post(_url(rupture), data)
    assert page.status_code == 400
    assert problem in str(page.context["form"].errors[field])
    assert f'id="id_{field}_error"' in page.content.decode()


def test_the_record_shows_on_the_timeline_with_what_was_tried(login, theo, rupture):
    page = login(theo)
    page.post(_url(rupture), RECORD | {"how_it_went": "We talked it through."})
    html = page.get(reverse("client", args=[rupture.client.code])).content.decode()
    assert "Tried: Clear up a misunderstanding. How it went: We talked it through." in html
