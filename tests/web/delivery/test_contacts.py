"""Contact details: checked, kept apart, shown only to the client's own therapist."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from alliance.web.clinic.models import AuditEvent, Client
from alliance.web.delivery.models import Contact
from alliance.web.delivery.services import contact_of, set_contact


def test_it_stores_a_normalised_mobile_and_an_email(theos_client, theo):
    set_contact(
        theos_client,
        email=" ann@example.org ",
        mobile="+44 7400 123456",
        delivery="sms",
        actor=theo,
    )
    contact = contact_of(theos_client)
    assert (contact.email, contact.mobile, contact.delivery) == (
        "ann@example.org",
        "+447400123456",
        "sms",
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"email": "not-an-address"}, "email"),
        ({"mobile": "12345"}, "mobile"),
        ({"mobile": "call me"}, "mobile"),
        ({"delivery": "pigeon"}, "delivery"),
        ({"email": "", "delivery": "email"}, "delivery"),
    ],
)
def test_bad_input_names_the_field_and_stores_nothing(theos_client, theo, change, field):
    set_contact(theos_client, email="ann@example.org", delivery="email", actor=theo)
    with pytest.raises(ValidationError) as raised:
        set_contact(theos_client, **{"mobile": "+447400123456", **change}, actor=theo)
    assert field in raised.value.message_dict
    contact = Contact.objects.get(client=theos_client)
    assert (contact.email, contact.mobile, contact.delivery) == ("ann@example.org", "", "email")


def test_a_field_left_out_keeps_its_value(theos_client, theo):
    set_contact(theos_client, email="ann@example.org", mobile="+447400123456", actor=theo)
    set_contact(theos_client, delivery="email", actor=theo)
    assert contact_of(theos_client).mobile == "+447400123456"


def test_a_number_without_country_code_follows_the_configured_region(theos_client, theo, settings):
    settings.PHONE_REGION = "GB"
    set_contact(theos_client, mobile="07400 123456", actor=theo)
    assert contact_of(theos_client).mobile == "+447400123456"


def test_the_audit_names_the_row_never_the_address(theos_client, theo):
    set_contact(theos_client, email="ann@example.org", actor=theo)
    event = AuditEvent.objects.get(action="contact-changed")
    assert event.target.startswith("contact:") and "ann" not in event.target


def test_the_contact_is_erased_with_the_client(theos_client, theo):
    set_contact(theos_client, email="ann@example.org", actor=theo)
    Client.objects.filter(pk=theos_client.pk).delete()
    assert not Contact.objects.exists()


def test_the_own_therapist_sets_the_contact_on_the_client_page(login, theo, theos_client):
    page = login(theo)
    url = reverse("client-contact", args=[theos_client.code])
    page.post(url, {"email": "ann@example.org", "mobile": "", "delivery": "email"})
    html = page.get(reverse("client", args=[theos_client.code])).content.decode()
    assert 'value="ann@example.org"' in html and contact_of(theos_client).delivery == "email"


def test_a_bad_address_on_the_client_page_says_which_field(login, theo, theos_client):
    page = login(theo)
    url = reverse("client-contact", args=[theos_client.code])
    answer = page.post(url, {"email": "nope", "delivery": "email"}, follow=True)
    assert "Email address: not an email address" in answer.content.decode()
    assert not Contact.objects.exists()


def test_a_supervisor_neither_sees_nor_sets_the_contact(login, sam, theo, theos_client):
    set_contact(theos_client, email="ann@example.org", actor=theo)
    page = login(sam)
    html = page.get(reverse("client", args=[theos_client.code])).content.decode()
    assert "ann@example.org" not in html and "Contact for check-ins" not in html
    url = reverse("client-contact", args=[theos_client.code])
    assert page.post(url, {"email": "x@example.org", "delivery": "email"}).status_code == 404
    assert contact_of(theos_client).email == "ann@example.org"


def test_another_therapist_gets_a_404(login, cora, theos_client):
    url = reverse("client-contact", args=[theos_client.code])
    assert login(cora).post(url, {"email": "x@example.org", "delivery": "none"}).status_code == 404
