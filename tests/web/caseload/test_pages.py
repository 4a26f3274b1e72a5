"""The caseload and the team page read the summaries: 50 a page, sorted and filtered in the
database on the query string, the team's urgent alerts on top, and a constant number of queries."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alliance.web.clinic.models import Alert, Severity
from tests.web.outcome_helpers import alliance, phq
from tests.web.summary_helpers import store_and_follow_up


def _checkin(client, rating: int, *, risk: int = 0) -> None:
    answers = {"alliance-checkin": alliance(rating), "phq-9": phq(10) | {"9": risk}}
    store_and_follow_up(client.sessions.get(number=1), answers)


def _rows(html: str) -> list[str]:
    return [part.split('">')[0] for part in html.split('<th scope="row"><a href="/clients/')[1:]]


def _many(make_client, therapist, n: int, prefix: str = "C-") -> list:
    return [make_client(therapist, code=f"{prefix}{number:03d}") for number in range(n)]


def test_the_caseload_shows_50_a_page_in_the_order_asked(login, theo, make_client):
    clients = _many(make_client, theo, 60)
    _checkin(clients[59], 1)  # the lowest alliance of all
    page = login(theo)
    first = page.get(reverse("caseload"), {"sort": "code"}).content.decode()
    assert _rows(first) == [f"C-{n:03d}/" for n in range(50)]
    assert "Active clients 1 to 50, more on the next page" in first and "Page 1:" in first
    assert 'href="?sort=code&amp;page=2" rel="next"' in first
    second = page.get(reverse("caseload"), {"sort": "code", "page": "2"}).content.decode()
    assert _rows(second) == [f"C-{n:03d}/" for n in range(50, 60)]
    assert "Active clients 51 to 60." in second and 'rel="next"' not in second
    lowest = page.get(reverse("caseload"), {"sort": "alliance"}).content.decode()
    assert _rows(lowest)[0] == "C-059/"
    for bad in ("0", "x", "99"):  # a page out of range is empty or the first, never an error
        assert page.get(reverse("caseload"), {"page": bad}).status_code == 200


def test_an_urgent_alert_sorts_its_client_first(login, theo, make_client):
    clients = _many(make_client, theo, 3)
    _checkin(clients[2], 8, risk=1)
    html = login(theo).get(reverse("caseload")).content.decode()
    assert _rows(html)[0] == "C-002/" and '<tr class="is-urgent">' in html
    assert '<span class="badge urgent">Urgent:' in html


def test_the_team_page_puts_the_teams_urgent_alerts_first_and_pages_its_clients(
    login, sam, theo, cora, make_client
):
    clients = _many(make_client, theo, 55)
    _checkin(clients[7], 8, risk=1)
    coras = make_client(cora, code="C-CORA9")
    _checkin(coras, 8, risk=1)  # not Sam's team: neither listed nor among the urgent alerts
    html = login(sam).get(reverse("team")).content.decode()
    assert html.index('id="urgent-heading"') < html.index("<h1>Your team</h1>")
    urgent = html.split('id="urgent-heading"')[1].split("</section>")[0]
    assert "C-007" in urgent and "C-CORA9" not in urgent
    assert len(_rows(html)) == 50 and "Active clients 1 to 50, more on the next page" in html
    assert "C-CORA9" not in html
    assert '<th scope="row">theo</th><td>55</td>' in html
    chosen = login(sam).get(reverse("team"), {"therapist": "cora"}).content.decode()
    assert "C-CORA9" not in chosen  # a therapist outside the team is ignored, not shown


def test_the_team_page_takes_the_same_number_of_queries_for_5_and_60_clients(
    login, sam, theo, make_client
):
    _many(make_client, theo, 5)
    page = login(sam)
    page.get(reverse("team"))
    with CaptureQueriesContext(connection) as few:
        page.get(reverse("team"))
    _many(make_client, theo, 55, prefix="D-")
    page.get(reverse("team"))  # the clinic's stored sums are taken again once they moved on
    with CaptureQueriesContext(connection) as many:
        html = page.get(reverse("team")).content.decode()
    assert len(_rows(html)) == 50
    assert len(many) == len(few) <= 20


def test_ended_clients_keep_their_open_alerts_on_the_ended_list(login, theo, make_client):
    client = make_client(theo, code="C-GONE")
    _checkin(client, 8, risk=1)
    page = login(theo)
    data = {"ended": str(client.sessions.get().date), "ending": "completed", "confirm": "yes"}
    page.post(reverse("end-episode", args=[client.code]), data)
    ended = page.get(reverse("caseload"), {"status": "ended"}).content.decode()
    assert _rows(ended) == ["C-GONE/"] and '<span class="badge urgent">Urgent:' in ended
    assert Alert.objects.open().filter(client=client, severity=Severity.URGENT).exists()


def test_an_imported_history_is_summed_up_when_the_import_commits(
    login, ada, theo, django_capture_on_commit_callbacks
):
    rows = "".join(
        f"C-OLD01,{session},phq-9,{item},{value},client,theo,2025-03-0{session}\n"
        for session, value in ((1, 2), (2, 1))
        for item in range(1, 10)
    )
    header = "client_id,session,instrument,item,value,respondent,therapist_id,date\n"
    upload = SimpleUploadedFile("history.csv", (header + rows).encode(), content_type="text/csv")
    login(ada).post(reverse("history-import"), {"file": upload})
    with django_capture_on_commit_callbacks(execute=True):
        login(ada).post(reverse("history-import"), {"confirm": "1"})
    html = login(theo).get(reverse("caseload")).content.decode()
    assert _rows(html) == ["C-OLD01/"] and '9 <span class="band">mild</span>' in html
