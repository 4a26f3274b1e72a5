from django.urls import reverse

from alliance.web.clinic.models import Alert, AuditEvent, Severity


def _submit(client, token, answers):
    return client.post(reverse("checkin", args=[token]), answers)


def test_item_nine_above_zero_raises_an_urgent_alert_at_once(
    client, checkin_token, theos_client, valid_answers
):
    _submit(client, checkin_token, valid_answers(theos_client, **{"phq-9__9": "1"}))
    alert = Alert.objects.get(kind="risk-self-harm")
    assert alert.severity == Severity.URGENT
    assert alert.client == theos_client
    assert AuditEvent.objects.filter(action="alert-raised", target=f"alert:{alert.pk}").exists()


def test_item_nine_at_zero_raises_no_urgent_alert(
    client, checkin_token, theos_client, valid_answers
):
    _submit(client, checkin_token, valid_answers(theos_client))
    assert not Alert.objects.filter(severity=Severity.URGENT).exists()


def test_the_urgent_alert_tops_the_caseload_and_client_page_until_acknowledged(
    client, checkin_token, theos_client, valid_answers, login, theo, sam
):
    _submit(client, checkin_token, valid_answers(theos_client, **{"phq-9__9": "2"}))
    for page in ("caseload", "client"):
        url = reverse(page) if page == "caseload" else reverse(page, args=[theos_client.code])
        html = login(theo).get(url).content.decode()
        assert html.index('class="urgent"') < html.index("<h1>")
    alert = Alert.objects.get(kind="risk-self-harm")
    login(sam).post(reverse("acknowledge-alert", args=[alert.pk]))
    alert.refresh_from_db()
    assert alert.acknowledged_by == sam and alert.acknowledged_at is not None
    assert 'class="urgent"' not in login(theo).get(reverse("caseload")).content.decode()
    assert AuditEvent.objects.filter(action="alert-acknowledged", actor=sam).exists()


def test_acknowledging_returns_to_a_safe_next_page_only(login, theo, theos_client):
    alert = Alert.objects.create(
        client=theos_client, kind="k", severity=Severity.URGENT, message="m"
    )
    page = login(theo).post(
        reverse("acknowledge-alert", args=[alert.pk]), {"next": "https://elsewhere.example/"}
    )
    assert page.url == reverse("client", args=[theos_client.code])


def test_a_rupture_and_a_drop_raise_their_own_alerts(client, theos_client, theo, valid_answers):
    from alliance.web.checkin.links import create_link
    from alliance.web.clinic.record import add_session

    _, first = create_link(theos_client.sessions.get(number=1), by=theo)
    _submit(client, first, valid_answers(theos_client))
    second_session = add_session(theos_client, date=theos_client.sessions.get().date, by=theo)
    _, second = create_link(second_session, by=theo)
    lower = {f"alliance-checkin__{n}": "6" for n in range(1, 7)}
    _submit(client, second, valid_answers(theos_client, **lower, **{"alliance-checkin__8": "1"}))
    kinds = set(Alert.objects.values_list("kind", flat=True))
    assert kinds == {"rupture-reported", "alliance-drop", "alliance-review"}
