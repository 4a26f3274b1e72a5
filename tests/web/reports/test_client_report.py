"""The client progress report: plain words, their goals and progress, their alliance and outcome,
nothing about other clients; as a page with a print stylesheet and as a real PDF."""

from django.urls import reverse

from alliance.web.clinic.answers import store_answers
from tests.web.outcome_helpers import store_series

JARGON = ("PHQ-9", "not-on-track", "reliable change", "deteriorated", "cutoff", "rupture")


def _progress(client):
    goal = client.goals.get()
    store_series(client, [18, 14, 9])
    for number, rating in ((1, 3), (2, 5), (3, 6)):
        store_answers(
            client.sessions.get(number=number),
            {"goal-progress": {str(goal.pk): rating}},
            respondent="client",
        )


def test_it_shows_goals_progress_alliance_and_outcome_in_plain_words(login, theo, make_client):
    client = make_client(theo, code="C-PLAIN", sessions=3, goals=("Sleep through the night",))
    _progress(client)
    other = make_client(theo, code="C-OTHER", sessions=1)
    html = login(theo).get(reverse("client-report", args=[client.code])).content.decode()
    assert "Sleep through the night" in html and "6 out of 10 (session 3)" in html
    assert "How working together has felt" in html and "Agreeing on how we work" in html
    assert "18 at the start, 9 most recently" in html
    assert "improved by more than everyday ups and downs" in html
    assert other.code not in html
    visible = html.split("</style>", 1)[1]
    assert not [word for word in JARGON if word in visible.split("<svg")[0]]
    assert "@media print" in html and "@page" in html


def test_the_pdf_is_a_real_pdf(login, theo, make_client):
    client = make_client(theo, code="C-PDF", sessions=3)
    _progress(client)
    response = login(theo).get(reverse("client-report-pdf", args=[client.code]))
    assert response["Content-Type"] == "application/pdf"
    body = response.content
    assert body.startswith(b"%PDF-") and len(body) > 10_000 and body.rstrip().endswith(b"%%EOF")


def test_exporting_the_pdf_is_audited(login, theo, theos_client):
    login(theo).get(reverse("client-report-pdf", args=[theos_client.code]))
    assert theos_client.audit_events.filter(kind="export", actor_name="theo").exists()
