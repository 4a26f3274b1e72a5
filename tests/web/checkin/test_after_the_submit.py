"""After the submit the client is sent to a thank-you page of its own (post/redirect/get), so Back
and reload send nothing twice; a link whose session is already answered says so and shows no
form; the clinic's crisis contact is at the foot of every check-in page and, after an answer about
self-harm, under a message in the clinic's own words."""

from django.test import Client as HttpClient
from django.urls import reverse

from alliance.web.checkin.links import create_link
from alliance.web.clinic.answers import store_answers
from alliance.web.clinic.models import CheckinSubmission, ClinicSettings, Response

DUTY_LINE = "The clinic's duty line, weekdays 9-17"
CALL_BACK = "Your therapist will phone you within one working day."


def _crisis_contact(clinic) -> ClinicSettings:
    settings = ClinicSettings.for_clinic(clinic.pk)
    settings.crisis_contact_text = DUTY_LINE
    settings.crisis_contact_number = "+44 (20) 7946-0000"
    settings.crisis_message = CALL_BACK
    settings.save()
    return settings


def test_the_submit_redirects_and_reloading_the_thanks_keeps_one_check_in(
    client, checkin_token, theos_client, valid_answers
):
    sent = client.post(reverse("checkin", args=[checkin_token]), valid_answers(theos_client))
    assert sent.status_code == 302
    assert sent.url == reverse("checkin-thanks", args=[checkin_token])
    for _ in range(2):  # the page and a reload
        page = client.get(sent.url)
        assert page.status_code == 200 and "Thank you" in page.content.decode()
    assert CheckinSubmission.objects.count() == 1
    assert Response.objects.filter(instrument="phq-9").count() == 1


def test_back_to_the_form_after_the_submit_shows_no_form(
    client, checkin_token, theos_client, valid_answers
):
    client.post(reverse("checkin", args=[checkin_token]), valid_answers(theos_client))
    back = client.get(reverse("checkin", args=[checkin_token]))
    html = back.content.decode()
    assert back.status_code == 410 and "already been used" in html
    assert "<form" not in html


def test_a_second_link_for_an_answered_session_says_so_before_any_form(
    client, theos_client, theo, valid_answers
):
    session = theos_client.sessions.get()
    _, first = create_link(session, by=theo)
    _, second = create_link(session, by=theo)
    client.post(reverse("checkin", args=[first]), valid_answers(theos_client))
    page = HttpClient().get(reverse("checkin", args=[second]))
    html = page.content.decode()
    assert page.status_code == 410
    assert "This check-in is already answered" in html
    assert "<form" not in html and "<fieldset" not in html


def test_a_link_for_a_session_whose_answers_are_stored_already_shows_no_form(
    client, theos_client, theo
):
    session = theos_client.sessions.get()
    _, token = create_link(session, by=theo)
    store_answers(session, {"phq-9": {str(n): 1 for n in range(1, 10)}}, respondent="client")
    html = client.get(reverse("checkin", args=[token])).content.decode()
    assert "This check-in is already answered" in html and "<form" not in html


def test_the_thanks_page_before_any_answer_sends_back_to_the_form(client, checkin_token):
    page = client.get(reverse("checkin-thanks", args=[checkin_token]))
    assert page.status_code == 302 and page.url == reverse("checkin", args=[checkin_token])


def test_the_thanks_page_of_an_unknown_link_is_a_404(client, db):
    assert client.get(reverse("checkin-thanks", args=["no-such-token"])).status_code == 404


def test_every_check_in_page_has_the_crisis_contact_at_its_foot(
    client, clinic, checkin_token, theos_client, valid_answers
):
    _crisis_contact(clinic)
    form = client.get(reverse("checkin", args=[checkin_token])).content.decode()
    client.post(reverse("checkin", args=[checkin_token]), valid_answers(theos_client))
    thanks = client.get(reverse("checkin-thanks", args=[checkin_token])).content.decode()
    used = client.get(reverse("checkin", args=[checkin_token])).content.decode()
    for html in (form, thanks, used):
        footer = html.split('<footer class="crisis"')[1]
        assert DUTY_LINE.replace("'", "&#x27;") in footer
        assert 'href="tel:+442079460000"' in footer and "+44 (20) 7946-0000" in footer
    assert CALL_BACK not in thanks  # no answer about self-harm


def test_without_a_contact_the_footer_names_the_general_help(client, checkin_token):
    html = client.get(reverse("checkin", args=[checkin_token])).content.decode()
    assert "your clinic, your doctor or your local emergency number" in html
    assert "tel:" not in html


def test_a_self_harm_answer_is_met_with_the_clinics_words_and_contact(
    client, clinic, checkin_token, theos_client, valid_answers
):
    _crisis_contact(clinic)
    answers = valid_answers(theos_client, **{"phq-9__9": "2"})
    page = client.post(reverse("checkin", args=[checkin_token]), answers, follow=True)
    html = page.content.decode()
    message = html.split('class="crisis-message"')[1].split("</section>")[0]
    assert "Your therapist will be in touch" in message and CALL_BACK in message
    assert 'href="tel:+442079460000"' in message
    assert theos_client.alerts.filter(kind="risk-self-harm").exists()


def test_the_risk_message_is_only_for_the_browser_that_answered(
    client, clinic, checkin_token, theos_client, valid_answers
):
    _crisis_contact(clinic)
    answers = valid_answers(theos_client, **{"phq-9__9": "2"})
    client.post(reverse("checkin", args=[checkin_token]), answers)
    elsewhere = HttpClient().get(reverse("checkin-thanks", args=[checkin_token]))
    html = elsewhere.content.decode()
    assert "Thank you" in html and CALL_BACK not in html


def test_the_browser_keeps_only_which_link_it_answered(
    client, checkin_token, theos_client, valid_answers
):
    answers = valid_answers(theos_client, **{"phq-9__9": "3"})
    sent = client.post(reverse("checkin", args=[checkin_token]), answers)
    link = CheckinSubmission.objects.get().link
    cookie = sent.cookies["alliance-checkin-thanks"]
    assert cookie.value.split(":")[0] == str(link.pk)  # the link's id, then the signature
    assert cookie["httponly"] and cookie["path"] == sent.url
