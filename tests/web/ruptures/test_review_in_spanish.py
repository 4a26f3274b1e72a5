"""The rupture review follows a Spanish browser: what fell, the signs, the rules, the ways back
and the kinds of rupture; the alert's stored words stay in the site's language."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from alliance.web.clinic.models import Alert, Rupture
from alliance.web.ruptures.strategies import kinds, strategies
from tests.web.checkin_helpers import submit_checkin
from tests.web.i18n.languages import speak_the_site_languages

BOND_LOW = {"alliance-checkin__5": "4", "alliance-checkin__6": "4"}


@pytest.fixture
def bond_rupture(good_checkins) -> Rupture:
    submit_checkin(good_checkins, 5, rating=8, felt_off=1, **BOND_LOW)
    return Rupture.objects.get()


def _review(client, rupture: Rupture, language: str) -> str:
    url = reverse("rupture", args=[rupture.client.code, rupture.pk])
    response = client.get(url, headers={"accept-language": language})
    assert response.status_code == 200
    return response.content.decode()


def test_the_review_is_in_spanish_for_a_spanish_browser(settings, bond_rupture, login, theo):
    speak_the_site_languages(settings)
    html = _review(login(theo), bond_rupture, "es")
    signs = html[html.index("Señales que generaron la alerta") : html.index("Reglas que")]
    assert "El vínculo bajó 4,0 puntos más por debajo de los objetivos y las tareas" in signs
    assert "El cliente dijo que algo no le encajaba" in signs
    assert "la alianza estuvo" in html and "puntos por debajo del" in html
    assert "Aclarar un malentendido" in html and "¿Cómo se ha sentido trabajando conmigo" in html
    assert "Retirada: el cliente se repliega" in html and "Aún no lo sé" in html
    assert "Clear up a misunderstanding" not in html and "felt off" not in html


def test_the_review_stays_english_for_an_english_browser(settings, bond_rupture, login, theo):
    speak_the_site_languages(settings)
    html = _review(login(theo), bond_rupture, "en")
    assert "The bond fell 4.0 points further below goals and tasks than usual" in html
    assert "Clear up a misunderstanding" in html and "Withdrawal: the client pulls back" in html


def test_the_stored_alert_is_written_in_the_sites_language(good_checkins):
    with translation.override("es"):
        submit_checkin(good_checkins, 5, rating=8, felt_off=1, **BOND_LOW)
    alert = Alert.objects.open().get(kind="rupture")
    assert alert.message.startswith("Possible rupture. At session 5")
    assert "the bond fell 4.0 points further below goals and tasks than usual" in alert.explanation


def test_every_strategy_and_kind_has_its_spanish_words():
    english = [(s.id, s.name, len(s.questions)) for s in strategies()]
    english += [(k.id, k.name, len(k.markers)) for k in kinds()]
    with translation.override("es"):
        spanish = [(s.id, s.name, len(s.questions)) for s in strategies()]
        spanish += [(k.id, k.name, len(k.markers)) for k in kinds()]
    for said, worded in zip(english, spanish, strict=True):
        assert said[0] == worded[0] and said[2] == worded[2] and said[1] != worded[1]


@pytest.fixture
def unrepaired(good_checkins) -> Rupture:
    """A drop at session 5 that three more sessions do not bring back."""
    for number in (5, 6, 7, 8):
        submit_checkin(good_checkins, number, rating=5)
    return Rupture.objects.get()


NOT_REPAIRED = "Not repaired: the alliance did not come back above 7.8 within 3 sessions after"
NO_REPARADA = "No reparada: la alianza no volvió por encima de 7,8 en las 3 sesiones posteriores"


def test_how_the_alert_ended_reads_in_the_readers_language(settings, unrepaired, login, theo):
    speak_the_site_languages(settings)
    browser = login(theo)
    spanish, english = _review(browser, unrepaired, "es"), _review(browser, unrepaired, "en")
    assert NO_REPARADA in spanish and NOT_REPAIRED not in spanish
    assert NOT_REPAIRED in english
    assert unrepaired.alert.outcome.startswith(NOT_REPAIRED)  # the kept words stay English


def test_kept_words_the_record_has_moved_on_from_are_shown_as_kept(
    settings, unrepaired, login, theo
):
    speak_the_site_languages(settings)
    Alert.objects.filter(pk=unrepaired.alert_id).update(outcome="Closed by hand.")
    assert "Closed by hand." in _review(login(theo), unrepaired, "es")
