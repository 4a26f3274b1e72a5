"""Exports: who may export what, the files, formula escaping and research pseudonyms."""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest
from django.urls import reverse

from alliance.web.clinic.models import AuditEvent, Response
from alliance.web.exports.files import escape_cell


def _answer(client, comment: str = "More time on sleep.") -> None:
    session = client.sessions.get(number=1)
    answers = {str(n): 8 for n in range(1, 7)} | {"7": comment, "8": 0}
    Response.objects.create(
        client=client,
        session=session,
        instrument="alliance-checkin",
        respondent="client",
        answers=answers,
        scores={"total": 8.0},
    )


def _files(page) -> dict[str, bytes]:
    assert page.status_code == 200, page.content[:500]
    with zipfile.ZipFile(io.BytesIO(page.content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _csv(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)


def _one(login, user, **extra):
    data = {"scope": "client", "code": "C-THEO1", "format": "csv", **extra}
    return login(user).post(reverse("exports"), data)


def test_a_therapist_exports_one_clients_answers_with_a_data_dictionary(login, theo, theos_client):
    _answer(theos_client)
    files = _files(_one(login, theo))
    answers = _csv(files["answers.csv"])
    assert list(answers.columns[:5]) == ["client_id", "session", "instrument", "item", "value"]
    assert len(answers) == 8 and set(answers["client_id"]) == {"C-THEO1"}
    dictionary = _csv(files["data-dictionary.csv"])
    assert {"client_id", "value"} <= set(dictionary["name"])
    assert ((dictionary["instrument"] == "alliance-checkin") & (dictionary["item"] == "1")).any()


@pytest.mark.parametrize("persona", ["sam", "cora", "ada"])
def test_nobody_else_exports_one_client(request, login, theos_client, persona):
    page = _one(login, request.getfixturevalue(persona))
    assert page.status_code == 400 and "no client of yours" in page.content.decode()
    assert not AuditEvent.objects.filter(action__startswith="export").exists()


def test_a_supervisor_exports_their_team_and_only_it(login, sam, theos_client, coras_client):
    _answer(theos_client)
    _answer(coras_client)
    files = _files(login(sam).post(reverse("exports"), {"scope": "team", "format": "csv"}))
    assert set(_csv(files["answers.csv"])["client_id"]) == {"C-THEO1"}


def test_a_therapist_without_a_team_cannot_ask_for_a_team_export(login, theo, theos_client):
    page = login(theo).post(reverse("exports"), {"scope": "team", "format": "csv"})
    assert page.status_code == 400 and "scope" in page.context["form"].errors


def test_an_admin_exports_the_clinic_and_every_client_is_audited(
    login, ada, theos_client, coras_client
):
    _answer(theos_client)
    _answer(coras_client)
    files = _files(login(ada).post(reverse("exports"), {"scope": "clinic", "format": "parquet"}))
    table = pd.read_parquet(io.BytesIO(files["answers.parquet"]))
    assert set(table["client_id"]) == {"C-THEO1", "C-CORA1"} and table["session"].dtype == "int64"
    audited = AuditEvent.objects.filter(action="export-parquet", actor=ada)
    assert sorted(e.client.code for e in audited) == ["C-CORA1", "C-THEO1"]


def test_cells_that_would_run_as_formulas_are_escaped(login, theo, theos_client):
    _answer(theos_client, comment='=HYPERLINK("x")')
    answers = _csv(_files(_one(login, theo))["answers.csv"])
    assert answers.query("item == '7'")["value"].iloc[0] == '\'=HYPERLINK("x")'


@pytest.mark.parametrize(
    "cell, escaped",
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"), ("ok", "ok"), (3, 3)],
)
def test_a_cell_is_escaped_only_when_it_starts_like_a_formula(cell, escaped):
    assert escape_cell(cell) == escaped


def test_a_research_export_uses_study_pseudonyms_and_drops_free_text(login, theo, theos_client):
    _answer(theos_client)

    def export(study: str, **extra) -> pd.DataFrame:
        return _csv(_files(_one(login, theo, study=study, **extra))["answers.csv"])

    first, again, other = export("sleep-2026"), export("sleep-2026"), export("mood-2027")
    assert "C-THEO1" not in first.to_csv() and "theo" not in set(first["therapist_id"])
    assert set(first["client_id"]) == set(again["client_id"]) != set(other["client_id"])
    assert "7" not in set(first["item"])  # the free-text comment
    assert "7" in set(export("sleep-2026", free_text="on")["item"])


def test_a_bad_study_name_is_named(login, theo, theos_client):
    page = _one(login, theo, study="a/b")
    assert page.status_code == 400 and "study" in page.context["form"].errors
