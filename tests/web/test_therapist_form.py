from django.urls import reverse

from alliance.web.clinic.models import AuditEvent, Response


def _url(client):
    return reverse("therapist-form", args=[client.code, 1])


def _ratings(**changes):
    data = {f"alliance-checkin-t__{n}": "7" for n in range(1, 7)} | {"alliance-checkin-t__7": "0"}
    return {key: value for key, value in (data | changes).items() if value is not None}


def test_the_therapist_rates_the_session_on_their_own_form(login, theo, theos_client):
    page = login(theo)
    form = page.get(_url(theos_client)).content.decode()
    assert "The client could say what they really thought." in form
    answer = page.post(_url(theos_client), _ratings())
    assert answer.status_code == 302
    stored = Response.objects.get(respondent="therapist")
    assert stored.instrument == "alliance-checkin-t" and stored.scores["total"] == 7
    assert stored.entered_by == theo
    assert AuditEvent.objects.filter(actor=theo, action="response-stored").exists()


def test_a_bad_rating_is_marked_and_nothing_is_stored(login, theo, theos_client):
    html = login(theo).post(_url(theos_client), _ratings(**{"alliance-checkin-t__2": "12"}))
    assert 'id="id_alliance-checkin-t__2_error"' in html.content.decode()
    assert not Response.objects.exists()


def test_a_session_is_rated_once(login, theo, theos_client):
    page = login(theo)
    page.post(_url(theos_client), _ratings())
    again = page.post(_url(theos_client), _ratings(**{"alliance-checkin-t__1": "1"}))
    assert "already rated" in again.content.decode()
    assert Response.objects.get().scores["total"] == 7
