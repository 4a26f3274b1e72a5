"""A Spanish therapist or supervisor reads every alert in Spanish on the client page, the
caseload and the team page; an English one reads the English; an alert raised before alerts kept
their figures shows its stored words."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.html import escape

from alliance.web.clinic.models import Alert, AlertKind, Severity

# A part of each kind's Spanish message and of its explanation, for the clients of `every_kind`
SPANISH = {
    "alliance-drop": (
        "La alianza bajó de 8 a 5 desde el último cuestionario.",
        "Una bajada de 1,3 o más supera el ruido de la medida (umbral provisional).",
    ),
    "alliance-review": (
        "La alianza está en 5, por debajo de 7,5 sobre 10.",
        "La mayoría de los clientes valoran la alianza cerca del máximo",
    ),
    "checkins-missed": (
        "Perdió 2 cuestionarios seguidos",
        "Los últimos enlaces al cuestionario enviados caducaron sin respuesta.",
    ),
    "not-on-track": (
        "Fuera de la trayectoria: PHQ-9 24 en la sesión 3, por encima del rango esperado de "
        "10,9 a 20,3.",
        "objetivos 8 (media propia 8,0), tareas 8 (media propia 8,0), vínculo 8 (media propia "
        "8,0).",
    ),
    "risk-item-unanswered": (
        "La pregunta sobre hacerse daño (ítem 9) quedó sin responder",
        "Pregunte por ello al comienzo de la próxima sesión.",
    ),
    "risk-self-harm": (
        "El cliente indicó pensamientos de hacerse daño (ítem 9 por encima de 0).",
        "Cuestionario de salud del paciente, 9 ítems, ítem 9. Contacte hoy con el cliente",
    ),
    "rupture": (
        "Posible ruptura. En la sesión 5 la alianza estuvo",
        "En palabras del cliente: «I did not feel heard today.» En palabras del cliente: sobre "
        "la tarea «Keep a sleep diary»: «Writing it down every morning makes me anxious.»",
    ),
    "rupture-reported": (
        "El cliente dijo que algo no le encajaba entre ustedes.",
        "Pregunte por ello al comienzo de la próxima sesión.",
    ),
    "task-disagreement": (
        "En la sesión 1 el cliente estuvo poco de acuerdo con «Keep a sleep diary».",
        "«Keep a sleep diary»: acuerdo 3 sobre 10, comprensión 6 sobre 10. En sus palabras: "
        "«Writing it down every morning makes me anxious.»",
    ),
}


def _page(client, url: str, language: str) -> str:
    response = client.get(url, headers={"accept-language": language})
    assert response.status_code == 200
    return response.content.decode()


def _client_page(login, user, alert: Alert, language: str) -> str:
    return _page(login(user), reverse("client", args=[alert.client.code]), language)


def _english_left(html: str, alert: Alert) -> list[str]:
    return [text for text in (alert.message, alert.explanation) if escape(text) in html]


def test_every_kind_reads_in_spanish_on_the_client_page(languages, every_kind, login, theo):
    assert sorted(SPANISH) == sorted(AlertKind.values)
    for kind, alert in every_kind.items():
        html = _client_page(login, theo, alert, "es")
        message, explanation = SPANISH[kind]
        assert message in html and explanation in html, kind
        assert _english_left(html, alert) == [], kind


def test_every_kind_reads_in_english_for_an_english_browser(languages, every_kind, login, theo):
    for kind, alert in every_kind.items():
        html = _client_page(login, theo, alert, "en")
        assert _english_left(html, alert) == [alert.message, alert.explanation], kind
        assert SPANISH[kind][0] not in html, kind


@pytest.mark.parametrize("page", ["caseload", "team"])
def test_the_urgent_alert_reads_in_spanish_on_the_lists(
    languages, every_kind, login, theo, sam, page
):
    urgent = every_kind[AlertKind.RISK_SELF_HARM]
    reader = theo if page == "caseload" else sam
    html = _page(login(reader), reverse(page), "es")
    urgent_part = html[html.index('class="urgent"') : html.index("<h1>")]
    assert all(words in urgent_part for words in SPANISH[AlertKind.RISK_SELF_HARM])
    assert _english_left(html, urgent) == []
    assert "riesgo de autolesión" in html  # the kind's badge in the list


@pytest.mark.parametrize("page", ["caseload", "team"])
def test_the_urgent_alert_reads_in_english_on_the_lists(
    languages, every_kind, login, theo, sam, page
):
    urgent = every_kind[AlertKind.RISK_SELF_HARM]
    reader = theo if page == "caseload" else sam
    html = _page(login(reader), reverse(page), "en")
    assert _english_left(html, urgent) == [urgent.message, urgent.explanation]
    assert SPANISH[AlertKind.RISK_SELF_HARM][0] not in html


def test_an_alert_without_figures_shows_its_stored_words(languages, login, theo, theos_client):
    Alert.objects.create(
        client=theos_client,
        kind=AlertKind.ALLIANCE_DROP,
        severity=Severity.WARNING,
        message="The alliance fell from 9 to 6 since the last check-in.",
        explanation="Raised before alerts kept their figures.",
    )
    html = _page(login(theo), reverse("client", args=[theos_client.code]), "es")
    assert "The alliance fell from 9 to 6 since the last check-in." in html
    assert "Raised before alerts kept their figures." in html


def test_figures_that_no_longer_fit_their_words_show_the_stored_words(
    languages, login, theo, theos_client
):
    Alert.objects.create(
        client=theos_client,
        kind=AlertKind.RISK_SELF_HARM,
        severity=Severity.URGENT,
        message="Kept words.",
        explanation="Kept explanation.",
        figures={"instrument": "phq-9", "flag": "no-such-flag", "item": "9"},
    )
    html = _page(login(theo), reverse("client", args=[theos_client.code]), "es")
    assert "Kept words." in html and "Kept explanation." in html
