import re

from django.urls import reverse

from alliance.web.checkin.links import hash_token
from alliance.web.clinic.answers import store_answers
from alliance.web.clinic.models import CheckinLink, Session

ALLIANCE = {str(n): 8 for n in range(1, 7)} | {"8": 0}


def _two_sessions_of_answers(client, therapist):
    Session.objects.create(
        client=client, episode=client.episodes.get(), number=2, date=client.sessions.get().date
    )
    goal = client.goals.get()
    for session in client.sessions.all():
        store_answers(
            session,
            {
                "alliance-checkin": ALLIANCE | {"7": "Please go slower."},
                "phq-9": {str(n): 2 for n in range(1, 10)} | {"9": "0"},
                "goal-progress": {str(goal.pk): 3 + session.number},
            },
            respondent="client",
        )
        store_answers(
            session,
            {"alliance-checkin-t": ALLIANCE | {"7": 0}},
            respondent="therapist",
            entered_by=therapist,
        )


def test_the_client_page_shows_charts_with_text_alternatives(login, theo, theos_client):
    _two_sessions_of_answers(theos_client, theo)
    html = login(theo).get(reverse("client", args=[theos_client.code])).content.decode()
    # goals, tasks, bond and the outcome, each drawn wide and narrow for the screen's width
    assert html.count('<svg class="chart wide-chart"') == 4
    assert html.count('<svg class="chart narrow-chart"') == 4
    for part in ("goal", "task", "bond"):
        assert f'<title id="alliance-{part}-title">' in html
        assert f'<desc id="alliance-{part}-desc">' in html
    assert "Client: session 1 8, session 2 8. Therapist: session 1 8, session 2 8." in html
    assert '<desc id="outcome-desc">' in html and "PHQ-9 total: session 1 16, session 2 16" in html
    assert "<details><summary>The alliance as a table</summary>" in html
    assert 'class="cutoff"' in html and html.count('class="band band-') == 2 * 5
    line = r'<g class="series client"[^>]*><title>Client</title><path class="line" d="M[\d.,]+ L'
    assert len(re.findall(line, html)) == 2 * 3
    assert html.count('<g class="series therapist"') == 2 * 3


def test_the_client_page_charts_have_legends(login, theo, theos_client):
    _two_sessions_of_answers(theos_client, theo)
    html = login(theo).get(reverse("client", args=[theos_client.code])).content.decode()
    alliance_key = html.split('<div class="panels alliance-panels">')[0].split("alliance-heading")[
        -1
    ]
    assert alliance_key.count('<svg class="swatch"') == 2
    assert "</svg>Client</li>" in alliance_key and "</svg>Therapist</li>" in alliance_key
    outcome_key = html.split('<figure class="outcome-figure">')[1].split("</figure>")[0]
    assert "</svg>PHQ-9 total</li>" in outcome_key and "Clinical cutoff (10)" in outcome_key
    assert "</svg>moderately severe (15-19)</li>" in outcome_key


def test_it_shows_comments_goals_with_progress_and_sessions(login, theo, theos_client):
    _two_sessions_of_answers(theos_client, theo)
    html = login(theo).get(reverse("client", args=[theos_client.code])).content.decode()
    assert "Please go slower." in html
    assert "Sleep better" in html and "5 (session 2)" in html
    assert html.count("received") == 2


def test_the_supervisor_sees_the_therapist_but_no_actions(login, sam, theos_client):
    html = login(sam).get(reverse("client", args=[theos_client.code])).content.decode()
    assert "Therapist: theo (you see this client as their supervisor)" in html
    assert "Create check-in link" not in html and "Add session" not in html


def test_the_therapist_creates_a_link_shown_once_with_a_qr_code(login, theo, theos_client):
    page = login(theo).post(reverse("new-link", args=[theos_client.code, 1]))
    html = page.content.decode()
    token = re.search(r'value="http://testserver/c/([\w-]+)/"', html).group(1)
    assert CheckinLink.objects.get().token_hash == hash_token(token)
    assert '<svg role="img" aria-label="QR code of the check-in link"' in html
    assert 'data-copy="checkin-url"' in html
    assert page.headers["Cache-Control"].startswith("max-age=0")


def test_staff_add_sessions_and_goals_with_an_audit_trail(login, theo, theos_client):
    page = login(theo)
    page.post(
        reverse("new-session", args=[theos_client.code]),
        {"date": "2026-02-01", "attendance": "no-show"},
    )
    page.post(
        reverse("goal-new", args=[theos_client.code]), {"text": "Call my sister", "priority": 1}
    )
    assert theos_client.sessions.get(number=2).attendance == "no-show"
    assert theos_client.goals.filter(text="Call my sister").exists()
    actions = set(theos_client.audit_events.values_list("action", flat=True))
    assert {"session-added", "goal-added"} <= actions


def test_a_therapist_adds_a_client_with_a_random_code(login, theo):
    page = login(theo).post(reverse("new-client"), {"started": "2026-02-01"})
    client = theo.clients.get()
    assert page.url == reverse("client", args=[client.code])
    assert re.fullmatch(r"C-[A-Z2-9]{6}", client.code)
    assert client.episodes.get().ended is None


def test_the_link_uses_the_configured_public_address(login, theo, theos_client, settings):
    settings.CHECKIN_BASE_URL = "https://checkin.example.org/"
    html = login(theo).post(reverse("new-link", args=[theos_client.code, 1])).content.decode()
    assert 'value="https://checkin.example.org/c/' in html


def test_tasks_are_shown_with_their_rationale(login, theo, theos_client):
    from alliance.web.clinic.models import Task

    Task.objects.create(
        client=theos_client,
        goal=theos_client.goals.get(),
        description="Keep a sleep diary",
        rationale="to see the pattern",
    )
    html = login(theo).get(reverse("client", args=[theos_client.code])).content.decode()
    assert "Keep a sleep diary" in html and "(why: to see the pattern)" in html


def test_ending_the_episode_takes_the_client_off_the_caseload(login, theo, theos_client):
    page = login(theo)
    page.post(
        reverse("end-episode", args=[theos_client.code]),
        {"ended": "2026-03-01", "ending": "referred", "confirm": "yes"},
    )
    assert theos_client.episodes.get().ending == "referred"
    assert "C-THEO1" not in page.get(reverse("caseload")).content.decode()
    assert theos_client.audit_events.filter(action="episode-ended").exists()


def test_a_bad_session_date_is_named_and_nothing_is_added(login, theo, theos_client):
    before = theos_client.sessions.count()
    page = login(theo).post(
        reverse("new-session", args=[theos_client.code]),
        {"date": "31/31/2026", "attendance": "attended"},
        follow=True,
    )
    assert theos_client.sessions.count() == before
    shown = [str(message) for message in page.context["messages"]]
    assert shown == ["Date: Enter a valid date."]
