"""The supervision report and the team dashboard: caseload, who is off track, ruptures and the
share repaired, the alliance by part against the clinic."""

import re

from django.urls import reverse

from alliance.web.clinic.models import Rupture
from alliance.web.outcome.alerts import follow_recovery
from tests.web.outcome_helpers import store_series


def _rupture(client, onset: int, status: str) -> Rupture:
    return Rupture.objects.create(
        client=client,
        onset_session=onset,
        lowest_session=onset,
        last_session=onset,
        rule="drop",
        status=status,
    )


def _theos_caseload(make_client, theo, cora):
    off = make_client(theo, code="C-OFFTRK", sessions=3)
    store_series(off, [20, 22, 24], rating=6, follow_up=True)
    fine = make_client(theo, code="C-FINE", sessions=3)
    store_series(fine, [16, 13, 11], rating=9, follow_up=True)
    store_series(make_client(cora, code="C-CORAS", sessions=2), [10, 9], rating=10, follow_up=True)
    for status in ("repaired", "repaired", "repaired", "unrepaired", "open"):
        _rupture(
            fine if status != "unrepaired" else off,
            onset=Rupture.objects.count() + 2,
            status=status,
        )
    return off


def test_the_report_lists_who_is_off_track_and_the_share_repaired(login, theo, cora, make_client):
    off = _theos_caseload(make_client, theo, cora)
    html = login(theo).get(reverse("supervision-report", args=[theo.username])).content.decode()
    assert "Active clients: 2. Not on track: 1. Ruptures not repaired: 1." in html
    assert html.count(off.code) == 2  # in the off-track table and the caseload
    assert "<strong>75%</strong>" in html  # 3 repaired of the 4 decided; the open one waits
    assert "C-CORAS" not in html


def test_the_alliance_by_part_is_set_against_the_clinic(login, theo, cora, make_client):
    _theos_caseload(make_client, theo, cora)
    html = login(theo).get(reverse("supervision-report", args=[theo.username])).content.decode()
    # Theo's six check-ins (three at 6, three at 9) average 7.5; the clinic adds Cora's two at 10
    assert "<td>7.5 (" in html and "<td>8.1</td>" in html
    # the interval chart names the therapist by their display name, on whole-number ticks
    assert f"The alliance by part (0-10): {theo.display} against the clinic" in html
    assert '<svg class="chart intervals wide-chart"' in html and "Whole clinic" in html
    ticks = re.findall(r'<text class="tick"[^>]*>(\d+)</text>', html)
    assert ticks == ["6", "7", "8", "9", "10"] * 2  # drawn wide, and narrow for a phone
    # both pictures carry the style and size a PDF renderer needs
    assert html.count('<svg class="chart intervals') == 2
    assert html.count('width="360" height=') == 1 and html.count('width="280" height=') == 1


def test_the_team_dashboard_shows_each_therapist_of_the_team(login, theo, sam, cora, make_client):
    off = _theos_caseload(make_client, theo, cora)
    follow_recovery(off)
    html = login(sam).get(reverse("team")).content.decode()
    row = html.split('<th scope="row">theo</th>')[1].split("</tr>")[0]
    assert row.startswith("<td>2</td><td>1</td><td>1</td>") and "75%" in row
    assert "cora" not in html


def test_the_supervision_pdf_is_a_real_pdf(login, theo, sam, cora, make_client):
    _theos_caseload(make_client, theo, cora)
    response = login(sam).get(reverse("supervision-report-pdf", args=[theo.username]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-") and len(response.content) > 10_000
