"""The language column of a history import: read when present, checked, and kept through an
export and an import again."""

from __future__ import annotations

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from alliance.web.clinic.models import Client, Response

HEADER = "client_id,session,instrument,item,value,respondent,therapist_id,date,language\n"


def _gad7(code: str, language: str, *, first_language: str | None = None) -> str:
    rows = [f"{code},1,gad-7,{item},1,client,theo,2025-03-01,{language}\n" for item in range(1, 8)]
    if first_language is not None:
        rows[0] = rows[0].rsplit(",", 1)[0] + f",{first_language}\n"
    return "".join(rows)


def _upload(login, user, text: str):
    upload = SimpleUploadedFile("history.csv", text.encode(), content_type="text/csv")
    return login(user).post(reverse("history-import"), {"file": upload})


def _import(login, user, text: str) -> None:
    assert _upload(login, user, text).status_code == 200
    login(user).post(reverse("history-import"), {"confirm": "1"})


def _exported_csv(login, admin) -> str:
    page = login(admin).post(reverse("exports"), {"scope": "clinic", "format": "csv"})
    assert page.status_code == 200
    with zipfile.ZipFile(io.BytesIO(page.content)) as archive:
        return archive.read("answers.csv").decode("utf-8-sig")


def test_the_language_of_each_administration_is_stored(login, ada, theo):
    _import(login, ada, HEADER + _gad7("C-OLD01", "es") + _gad7("C-OLD02", ""))
    stored = {r.client.code: r.language for r in Response.objects.select_related("client")}
    assert stored == {"C-OLD01": "es", "C-OLD02": ""}


def test_a_file_without_the_column_imports_with_the_language_unknown(login, ada, theo):
    text = HEADER.replace(",language", "") + _gad7("C-OLD01", "").replace(",\n", "\n")
    _import(login, ada, text)
    assert Response.objects.get().language == ""


def test_a_language_not_offered_names_the_row_and_column_and_stores_nothing(login, ada, theo):
    page = _upload(login, ada, HEADER + _gad7("C-OLD01", "es", first_language="xx"))
    assert page.status_code == 400
    assert "row 2: language: use one of en, es or leave it empty, not &#x27;xx&#x27;" in (
        page.content.decode()
    )
    login(ada).post(reverse("history-import"), {"confirm": "1"})
    assert not Client.objects.filter(code="C-OLD01").exists()


def test_two_languages_in_one_administration_are_a_problem(login, ada, theo):
    page = _upload(login, ada, HEADER + _gad7("C-OLD01", "es", first_language="en"))
    assert page.status_code == 400 and "row 3: language: this gad-7" in page.content.decode()


def test_export_then_import_keeps_the_language(login, ada, theo, theos_client):
    session = theos_client.sessions.get()
    for instrument, items, language in (("phq-9", 9, "es"), ("gad-7", 7, "")):
        Response.objects.create(
            client=theos_client,
            session=session,
            instrument=instrument,
            respondent="client",
            answers={str(n): 1 for n in range(1, items + 1)},
            language=language,
        )
    exported = _exported_csv(login, ada)
    Response.objects.all().delete()
    _import(login, ada, exported)
    stored = {r.instrument: r.language for r in Response.objects.filter(client=theos_client)}
    assert stored == {"phq-9": "es", "gad-7": ""}
