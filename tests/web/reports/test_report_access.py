"""Who may open each report: the client's therapist and their supervisor, the therapist themself
and their supervisor; the team dashboard only for a supervisor. Everyone else gets a 404."""

import pytest
from django.urls import reverse

CLIENT_REPORTS = ["client-report", "client-report-pdf"]
SUPERVISION_REPORTS = ["supervision-report", "supervision-report-pdf"]


@pytest.mark.parametrize("name", CLIENT_REPORTS)
@pytest.mark.parametrize(
    ("viewer", "status"), [("theo", 200), ("sam", 200), ("cora", 404), ("ada", 404)]
)
def test_the_client_report_matrix(request, login, theos_client, name, viewer, status):
    page = login(request.getfixturevalue(viewer))
    assert page.get(reverse(name, args=[theos_client.code])).status_code == status


@pytest.mark.parametrize("name", SUPERVISION_REPORTS)
@pytest.mark.parametrize(
    ("viewer", "status"), [("theo", 200), ("sam", 200), ("cora", 404), ("ada", 404)]
)
def test_the_supervision_report_matrix(request, login, theo, name, viewer, status):
    page = login(request.getfixturevalue(viewer))
    assert page.get(reverse(name, args=[theo.username])).status_code == status


@pytest.mark.parametrize(
    ("viewer", "status"), [("sam", 200), ("theo", 404), ("cora", 404), ("ada", 404)]
)
def test_the_team_dashboard_matrix(request, login, theo, viewer, status):
    page = login(request.getfixturevalue(viewer))
    assert page.get(reverse("team")).status_code == status


def test_a_therapist_may_not_open_their_supervisors_report(login, theo, sam):
    assert login(theo).get(reverse("supervision-report", args=[sam.username])).status_code == 404


def test_an_unknown_client_or_therapist_gives_the_same_404(login, theo):
    page = login(theo)
    assert page.get(reverse("client-report", args=["C-NOPE"])).status_code == 404
    assert page.get(reverse("supervision-report", args=["nobody"])).status_code == 404


@pytest.mark.parametrize("url", ["/clients/C-THEO1/report/", "/supervision/theo/", "/team/"])
def test_anonymous_visitors_are_sent_to_the_login(client, theos_client, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/login/")
