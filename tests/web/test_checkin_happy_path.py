from django.urls import reverse

from alliance.web.clinic.models import AuditEvent, CheckinLink, Response


def test_the_client_sees_every_configured_question_and_who_sees_them(client, checkin_token):
    page = client.get(reverse("checkin", args=[checkin_token]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Only your therapist and their clinical supervisor will see your answers" in html
    assert "We are working on what matters most to me." in html
    assert "Thoughts of self-harm" in html
    assert "Sleep better" in html
    assert html.count("<fieldset") == 6 + 2 + 9 + 1 + 1  # the last: agreement with the goal


def test_it_stores_answers_scores_and_audit_and_uses_up_the_link(
    client, checkin_token, theos_client, valid_answers
):
    page = client.post(
        reverse("checkin", args=[checkin_token]), valid_answers(theos_client), follow=True
    )
    assert page.redirect_chain == [(reverse("checkin-thanks", args=[checkin_token]), 302)]
    assert "Thank you" in page.content.decode()
    stored = {r.instrument: r for r in Response.objects.filter(client=theos_client)}
    assert set(stored) == {"alliance-checkin", "phq-9", "goal-progress"}
    assert stored["alliance-checkin"].scores["total"] == 8
    assert stored["alliance-checkin"].answers["7"] == "More time on sleep."
    assert stored["phq-9"].scores["total"] == 8
    assert stored["phq-9"].band == "mild"
    assert CheckinLink.objects.get().used_at is not None
    actions = set(AuditEvent.objects.filter(client=theos_client).values_list("action", flat=True))
    assert {"response-stored", "checkin-submitted"} <= actions


def test_the_audit_never_holds_answer_contents(client, checkin_token, theos_client, valid_answers):
    client.post(reverse("checkin", args=[checkin_token]), valid_answers(theos_client))
    for event in AuditEvent.objects.all():
        assert "sleep" not in f"{event.action} {event.target}".lower()


def test_the_token_itself_is_never_stored(checkin_token):
    stored = CheckinLink.objects.get()
    assert checkin_token not in stored.token_hash
    assert len(checkin_token) >= 43  # 32 random bytes, base64url
