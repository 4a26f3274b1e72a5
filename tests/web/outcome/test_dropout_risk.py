"""Dropout risk on the client page: a risk in words with its reasons, or a note that the clinic
has too little history."""

import re

from django.urls import reverse

from alliance.web.outcome.dropout import MIN_ENDED, fit_dropout
from tests.web.outcome_helpers import seed_clinic_history, store_series


def _risk_section(html: str) -> str:
    return html.split("Risk of ending early</h3>")[1].split("</div>")[0]


def test_with_little_history_the_page_says_so(login, theo, make_client):
    client = make_client(theo, code="C-RISK0", sessions=3)
    store_series(client, [15, 14, 13])
    section = _risk_section(login(theo).get(reverse("client", args=[client.code])).content.decode())
    assert "too little history to estimate dropout risk: 0 ended episodes" in section
    assert f"at least {MIN_ENDED}" in section


def test_with_enough_history_the_risk_is_words_and_reasons_never_a_number(
    clinic, login, theo, make_client
):
    seed_clinic_history(clinic, theo, n_clients=60, seed=5)
    assert fit_dropout(clinic.pk).model is not None
    client = make_client(theo, code="C-RISK1", sessions=5)
    store_series(client, [16, 15, 17, 18, 19])
    section = _risk_section(login(theo).get(reverse("client", args=[client.code])).content.decode())
    level = re.search(r"<strong>(.+?)</strong> the clinic's typical risk", section)
    assert level and level.group(1) in ("higher than", "about the same as", "lower than")
    assert "%" not in section and "0." not in section
