"""A clinic admin imports a licensed Questionnaire's wording, confirming the licence; the check-in
then shows it instead of the short labels. All wording here is made up."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from alliance.interop.fhir import questionnaire
from alliance.web.accounts.models import Clinic
from alliance.web.clinic.models import AuditEvent
from alliance.web.wording.models import LicensedWording

ADD = "admin:wording_licensedwording_add"


def licensed(instrument: str = "phq-9", language: str | None = "en") -> bytes:
    found = questionnaire(instrument)
    if language:
        found["language"] = language
    else:  # a licensor's file that names no language
        del found["language"]
    for item in found["item"]:
        item["text"] = f"Made-up licensed question {item['linkId']}"
        for option in item.get("answerOption", []):
            option["valueCoding"]["display"] = (
                f"Made-up answer {option['extension'][0]['valueDecimal']}"
            )
    return json.dumps(found).encode()


def upload(browser, clinic, content: bytes, **fields):
    data = {
        "clinic": clinic.pk,
        "questionnaire": SimpleUploadedFile("phq.json", content, "application/fhir+json"),
        "shipped_instrument": "",
        "check_in_language": "",
        "licence": "Made-up licence 2026-17",
        "holds_licence": "on",
        **fields,
    }
    return browser.post(reverse(ADD), {k: v for k, v in data.items() if v is not None})


def test_an_admin_imports_the_wording_and_the_import_is_audited(login, ada, clinic):
    page = upload(login(ada), clinic, licensed())
    assert page.status_code == 302, page.content.decode()
    stored = LicensedWording.objects.get()
    assert (stored.instrument, stored.version, stored.language) == ("phq-9", "1", "en")
    assert stored.texts["9"] == "Made-up licensed question 9"
    assert stored.confirmed_by == ada and stored.licence == "Made-up licence 2026-17"
    event = AuditEvent.objects.get(action="wording-imported")
    assert event.actor == ada and event.target == f"licensedwording:{stored.pk}"


def test_without_confirming_the_licence_nothing_is_stored(login, ada, clinic):
    page = upload(login(ada), clinic, licensed(), holds_licence=None)
    assert page.status_code == 200 and "This field is required" in page.content.decode()
    assert not LicensedWording.objects.exists()


def test_a_questionnaire_that_does_not_fit_is_refused_naming_each_item(login, ada, clinic):
    found = json.loads(licensed())
    found["item"][1]["answerOption"].pop()
    del found["item"][4]
    html = upload(login(ada), clinic, json.dumps(found).encode()).content.decode()
    assert "item 2: answer options 0, 1, 2; the shipped item has 0, 1, 2, 3" in html
    assert "item 5: phq-9 item 5 is missing" in html
    assert not LicensedWording.objects.exists()


@pytest.mark.parametrize(
    "content, fields, problem",
    [
        (b"{not json", {}, "not valid JSON"),
        (
            licensed(language=None),
            {},
            "no language: set Questionnaire.language or give the language",
        ),
        (licensed(), {"check_in_language": "de"}, "no wording in de; it has en"),
        (licensed("alliance-checkin"), {}, "alliance-checkin is worded by this project"),
        (licensed(), {"shipped_instrument": "alliance-checkin"}, "Select a valid choice"),
    ],
)
def test_bad_imports_say_what_is_wrong(login, ada, clinic, content, fields, problem):
    html = upload(login(ada), clinic, content, **fields).content.decode()
    assert problem in html
    assert not LicensedWording.objects.exists()


def test_importing_again_replaces_the_wording(login, ada, clinic):
    browser = login(ada)
    upload(browser, clinic, licensed())
    upload(browser, clinic, licensed().replace(b"Made-up licensed", b"Second made-up"))
    assert LicensedWording.objects.get().texts["1"] == "Second made-up question 1"


def test_removing_the_wording_is_audited(login, ada, clinic):
    browser = login(ada)
    upload(browser, clinic, licensed())
    stored = LicensedWording.objects.get()
    url = reverse("admin:wording_licensedwording_delete", args=[stored.pk])
    browser.post(url, {"post": "yes"})
    assert not LicensedWording.objects.exists()
    assert AuditEvent.objects.filter(action="wording-removed", actor=ada).exists()


def test_a_therapist_cannot_import_wording(login, theo, clinic):
    theo.is_staff = True
    theo.save()
    page = upload(login(theo), clinic, licensed())
    assert page.status_code in (302, 403)
    assert not LicensedWording.objects.exists()


def test_an_admin_sees_only_their_own_clinics_wording(login, ada, clinic, make_user):
    elsewhere = Clinic.objects.create(name="Elsewhere")
    LicensedWording.objects.create(
        clinic=elsewhere, instrument="gad-7", version="1", language="en", wording={}, licence="x"
    )
    html = login(ada).get(reverse("admin:wording_licensedwording_changelist")).content.decode()
    assert "gad-7" not in html


def test_the_checkin_shows_the_licensed_wording_instead_of_the_short_labels(
    client, login, ada, clinic, checkin_token
):
    upload(login(ada), clinic, licensed())
    client.logout()
    html = client.get(reverse("checkin", args=[checkin_token])).content.decode()
    assert "Made-up licensed question 9" in html and "Thoughts of self-harm" not in html
    assert "Made-up answer 3" in html
    assert "We are working on what matters most to me." in html  # our own wording stays


def test_another_clinics_wording_is_not_shown(client, checkin_token):
    elsewhere = Clinic.objects.create(name="Elsewhere")
    texts = {"en": {"9": "Made-up elsewhere question"}}
    LicensedWording.objects.create(
        clinic=elsewhere,
        instrument="phq-9",
        version="1",
        language="en",
        wording={"instrument": "phq-9", "version": "1", "texts": texts},
        licence="x",
    )
    html = client.get(reverse("checkin", args=[checkin_token])).content.decode()
    assert "Made-up elsewhere question" not in html and "Thoughts of self-harm" in html


def test_answers_given_under_the_licensed_wording_are_stored_as_usual(
    client, login, ada, clinic, checkin_token, theos_client, valid_answers
):
    from alliance.web.clinic.models import Response

    upload(login(ada), clinic, licensed())
    client.logout()
    client.post(reverse("checkin", args=[checkin_token]), valid_answers(theos_client))
    assert Response.objects.get(client=theos_client, instrument="phq-9").scores["total"] == 8


def test_a_spanish_speaking_client_sees_the_translation_the_questionnaire_carries(
    client, login, ada, clinic, theos_client, checkin_token
):
    found = json.loads(licensed())
    for item in found["item"]:
        parts = [{"url": "lang", "valueCode": "es"}, {"url": "content", "valueString": "Inventada"}]
        url = "http://hl7.org/fhir/StructureDefinition/translation"
        item["_text"] = {"extension": [{"url": url, "extension": parts}]}
    upload(login(ada), clinic, json.dumps(found).encode(), check_in_language="es")
    client.logout()
    theos_client.language = "es"
    theos_client.save(update_fields=["language"])
    html = client.get(reverse("checkin", args=[checkin_token])).content.decode()
    assert html.count("Inventada") == 9 and "Made-up licensed question" not in html


def test_the_therapist_form_shows_the_licensed_wording_of_a_therapist_instrument(
    login, ada, theo, clinic, theos_client
):
    from alliance.web.clinic.models import ClinicSettings

    ClinicSettings.objects.update_or_create(clinic=clinic, defaults={"schedule": {"wai-sr-t": 1}})
    upload(login(ada), clinic, licensed("wai-sr-t"))
    url = reverse("therapist-form", args=[theos_client.code, 1])
    html = login(theo).get(url).content.decode()
    assert "Made-up licensed question 12" in html and "task agreement D" not in html


def test_the_stored_wording_is_shown_read_only_and_cannot_be_edited(login, ada, clinic):
    browser = login(ada)
    upload(browser, clinic, licensed())
    stored = LicensedWording.objects.get()
    url = reverse("admin:wording_licensedwording_change", args=[stored.pk])
    html = browser.get(url).content.decode()
    assert "9 items in en" in html and 'name="licence"' not in html
    browser.post(url, {"licence": "changed"})
    assert LicensedWording.objects.get().licence == "Made-up licence 2026-17"


def test_a_check_in_shown_again_with_errors_keeps_the_licensed_wording(
    client, login, ada, clinic, checkin_token, theos_client, valid_answers
):
    upload(login(ada), clinic, licensed())
    client.logout()
    data = valid_answers(theos_client, **{"phq-9__2": "7"})
    html = client.post(reverse("checkin", args=[checkin_token]), data).content.decode()
    assert "Please choose one of the answers shown" in html
    assert "Made-up licensed question 2" in html and "Low mood" not in html
