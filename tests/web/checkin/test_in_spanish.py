"""A client whose therapist chose Spanish answers the check-in in Spanish, whatever their browser
asks for; the answers keep the language they were given in, and the export carries it."""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest
from django.urls import reverse

from alliance.measures import get_instrument
from alliance.web.checkin.links import create_link
from alliance.web.clinic.models import CheckinSubmission, ClinicSettings, Response

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}
SPANISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "es-ES,es;q=0.9"}


@pytest.fixture
def spanish_client(theos_client):
    theos_client.language = "es"
    theos_client.save(update_fields=["language"])
    return theos_client


def _page(client, token: str, **headers):
    return client.get(reverse("checkin", args=[token]), **headers)


def test_the_check_in_is_in_spanish_even_for_an_english_browser(
    client, spanish_client, checkin_token
):
    page = _page(client, checkin_token, **ENGLISH_BROWSER)
    html = page.content.decode()
    assert page.status_code == 200 and page["Content-Language"] == "es"
    assert "<h1>Tu cuestionario</h1>" in html and "Enviar mis respuestas" in html
    assert "Estamos trabajando en lo que más me importa." in html
    assert "¿Cuánto has avanzado en cada objetivo?" in html
    assert "0 significa 0 - nada" not in html and "0 significa nada" in html
    assert "We are working on what matters most to me." not in html
    assert "Send my answers" not in html


def test_an_english_client_keeps_english_in_a_spanish_browser(client, theos_client, checkin_token):
    html = _page(client, checkin_token, **SPANISH_BROWSER).content.decode()
    assert "Send my answers" in html and "Enviar mis respuestas" not in html


def test_the_short_labels_of_a_standard_questionnaire_come_with_a_note(
    client, spanish_client, checkin_token
):
    html = _page(client, checkin_token).content.decode()
    assert "Interés y disfrute" in html and "Interest and pleasure" not in html
    assert "el texto oficial de este cuestionario en tu idioma" in html
    assert "Cuestionario de salud del paciente, 9 ítems:" in html
    assert "Patient Health Questionnaire" not in html


def test_a_spanish_error_names_the_question_and_keeps_the_other_answers(
    client, spanish_client, checkin_token, valid_answers
):
    data = valid_answers(spanish_client, **{"alliance-checkin__3": None})
    page = client.post(reverse("checkin", args=[checkin_token]), data)
    html = page.content.decode()
    assert page.status_code == 200 and "Elige una respuesta, por favor." in html
    assert "Hay respuestas que revisar" in html and not CheckinSubmission.objects.exists()
    assert 'name="alliance-checkin__1" value="8" checked' in html


def test_a_submit_keeps_the_language_and_thanks_in_spanish(
    client, spanish_client, checkin_token, valid_answers
):
    page = client.post(
        reverse("checkin", args=[checkin_token]),
        valid_answers(spanish_client),
        follow=True,
        **ENGLISH_BROWSER,
    )
    html = page.content.decode()
    assert "<h1>Gracias</h1>" in html and "Tus respuestas se han enviado" in html
    assert CheckinSubmission.objects.get().language == "es"
    stored = Response.objects.filter(client=spanish_client)
    assert stored.count() == 3 and set(stored.values_list("language", flat=True)) == {"es"}


def test_a_used_link_says_so_in_the_clients_language(
    client, spanish_client, checkin_token, valid_answers
):
    client.post(reverse("checkin", args=[checkin_token]), valid_answers(spanish_client))
    page = _page(client, checkin_token, **ENGLISH_BROWSER)
    assert page.status_code == 410 and "Este enlace ya se ha usado" in page.content.decode()


def test_an_unknown_link_follows_the_browser(client, db):
    page = _page(client, "no-such-token", **SPANISH_BROWSER)
    assert page.status_code == 404 and "No encontramos este cuestionario" in page.content.decode()


def test_the_export_carries_the_language_of_each_answer(
    client, login, theo, spanish_client, checkin_token, valid_answers
):
    client.post(reverse("checkin", args=[checkin_token]), valid_answers(spanish_client))
    data = {"scope": "client", "code": spanish_client.code, "format": "csv"}
    page = login(theo).post(reverse("exports"), data)
    with zipfile.ZipFile(io.BytesIO(page.content)) as archive:
        answers = pd.read_csv(io.BytesIO(archive.read("answers.csv")), dtype=str)
        dictionary = pd.read_csv(io.BytesIO(archive.read("data-dictionary.csv")), dtype=str)
    assert list(answers.columns)[-1] == "language" and set(answers["language"]) == {"es"}
    assert "language" in set(dictionary["name"])


def test_the_fhir_export_carries_the_language(
    client, login, theo, spanish_client, checkin_token, valid_answers
):
    from alliance.interop.fhir import everything_bundle, read_bundle
    from alliance.web.exports.interchange import answer_frame, responses_of

    client.post(reverse("checkin", args=[checkin_token]), valid_answers(spanish_client))
    bundle = everything_bundle(answer_frame(responses_of([spanish_client])))
    kinds = [entry["resource"] for entry in bundle["entry"]]
    responses = [r for r in kinds if r["resourceType"] == "QuestionnaireResponse"]
    assert len(responses) == 3 and {r["language"] for r in responses} == {"es"}
    assert set(read_bundle(bundle)["language"]) == {"es"}


def test_the_wai_sr_shows_the_projects_spanish_short_labels_with_the_note(
    client, clinic, theo, spanish_client
):
    ClinicSettings.objects.update_or_create(clinic=clinic, defaults={"schedule": {"wai-sr": 1}})
    _, token = create_link(spanish_client.sessions.get(number=1), by=theo)
    html = _page(client, token, **ENGLISH_BROWSER).content.decode()
    spanish = get_instrument("wai-sr").in_language("es")
    assert all(item.label in html for item in spanish.items)
    assert "Ítem de vínculo: vínculo D" in html and "5 - siempre" in html
    assert "Task item" not in html and "always" not in html and "rarely" not in html
    assert "el texto oficial de este cuestionario en tu idioma" in html
