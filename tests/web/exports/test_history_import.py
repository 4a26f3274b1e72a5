"""The admin's import of history: a preview naming every problem by row, then all or nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from alliance.web.clinic.models import AuditEvent, Client, Response

HEADER = "client_id,session,instrument,item,value,respondent,therapist_id,date\n"


def _phq9(code: str, session: int, value: str = "1", date: str = "2025-03-01") -> str:
    return "".join(
        f"{code},{session},phq-9,{item},{value},client,theo,{date}\n" for item in range(1, 10)
    )


def _upload(login, user, text: str):
    upload = SimpleUploadedFile("history.csv", text.encode(), content_type="text/csv")
    return login(user).post(reverse("history-import"), {"file": upload})


def test_a_clean_file_is_previewed_then_stored_on_confirmation(login, ada, theo):
    text = HEADER + _phq9("C-OLD01", 1) + _phq9("C-OLD01", 2, "2", "2025-03-08")
    preview = _upload(login, ada, text)
    assert preview.status_code == 200 and "2 responses for 1 clients" in preview.content.decode()
    assert not Client.objects.filter(code="C-OLD01").exists()
    login(ada).post(reverse("history-import"), {"confirm": "1"})
    client = Client.objects.get(code="C-OLD01")
    assert client.therapist == theo and client.sessions.count() == 2
    totals = sorted(r.scores["total"] for r in Response.objects.filter(client=client))
    assert totals == [9, 18]
    assert AuditEvent.objects.filter(action="history-imported").count() == 2


def test_every_problem_is_listed_by_row_and_nothing_is_stored(login, ada, theo):
    rows = _phq9("C-OLD01", 1).splitlines(keepends=True)
    rows[0] = rows[0].replace(",1,client", ",7,client")  # item 1 takes 0 to 3
    rows[3] = rows[3].replace("phq-9", "phq-99")
    rows.append("C-OLD02,1,phq-9,1,1,client,nobody,2025-03-01\n")
    page = _upload(login, ada, HEADER + "".join(rows))
    html = page.content.decode()
    assert page.status_code == 400
    assert "row 2: value: phq-9 item 1 takes 0, 1, 2, 3" in html
    assert "row 5: instrument: unknown instrument" in html
    assert "row 11: therapist_id" in html
    login(ada).post(reverse("history-import"), {"confirm": "1"})
    assert not Client.objects.filter(code__startswith="C-OLD").exists()


def test_an_answer_already_stored_is_a_problem(login, ada, theos_client):
    first = HEADER + _phq9("C-THEO1", 1)
    _upload(login, ada, first)
    login(ada).post(reverse("history-import"), {"confirm": "1"})
    again = _upload(login, ada, first)
    assert again.status_code == 400 and "already stored" in again.content.decode()
    assert Response.objects.filter(client=theos_client).count() == 1


def test_missing_columns_are_named(login, ada):
    page = _upload(login, ada, "client,value\nC-1,2\n")
    assert page.status_code == 400 and "missing column(s)" in page.content.decode()


@pytest.mark.parametrize("persona", ["theo", "sam", "cora"])
def test_only_a_clinic_admin_imports(request, login, persona):
    assert login(request.getfixturevalue(persona)).get(reverse("history-import")).status_code == 404
