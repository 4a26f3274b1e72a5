"""Saving what the therapist noticed and did about a rupture says so on the page it returns to."""

from django.urls import reverse


def test_saving_a_rupture_record_says_it_was_saved(login, theo, full_record):
    rupture = full_record.ruptures.get()
    url = reverse("rupture", args=[full_record.code, rupture.pk])
    data = {"kind": "", "noticed": "Quiet after the homework question", "how_it_went": "Better"}
    page = login(theo).post(url, data, follow=True)
    assert page.redirect_chain == [(url, 302)]
    shown = [str(message) for message in page.context["messages"]]
    assert shown == ["Saved: what you noticed and did is kept with this rupture."]
    rupture.refresh_from_db()
    assert rupture.noticed == "Quiet after the homework question"


def test_a_record_with_a_problem_is_not_called_saved(login, theo, full_record):
    rupture = full_record.ruptures.get()
    url = reverse("rupture", args=[full_record.code, rupture.pk])
    page = login(theo).post(url, {"kind": "", "noticed": ""})
    assert page.status_code == 400
    assert "Saved:" not in page.content.decode()
    assert "Say briefly what you noticed in the session." in page.content.decode()
