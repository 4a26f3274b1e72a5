"""The clinic admin sets the crisis contact in the clinic settings form; a bad number is refused
with the field named, and nothing is saved."""

from django.urls import reverse

from alliance.web.clinic.models import ClinicSettings
from tests.web.ruptures.test_admin_settings import _form


def _post(login, ada, settings, **changes):
    url = reverse("admin:clinic_clinicsettings_change", args=[settings.pk])
    data = _form(settings, **({"crisis_message": settings.crisis_message} | changes))
    return login(ada).post(url, data)


def test_the_admin_sets_the_crisis_contact(login, ada, clinic):
    settings = ClinicSettings.for_clinic(clinic.pk)
    page = _post(
        login,
        ada,
        settings,
        crisis_contact_text="Duty line",
        crisis_contact_number="+1 (555) 010-0199",
        crisis_message="We will call you today.",
    )
    assert page.status_code == 302
    settings.refresh_from_db()
    assert settings.crisis_contact_number == "+1 (555) 010-0199"
    assert settings.crisis_dial == "+15550100199"
    assert settings.crisis_message == "We will call you today."


def test_the_form_explains_each_crisis_field(login, ada, clinic):
    settings = ClinicSettings.for_clinic(clinic.pk)
    url = reverse("admin:clinic_clinicsettings_change", args=[settings.pk])
    html = login(ada).get(url).content.decode()
    assert "in the clinic's own words" in html
    assert "Shown as a number a phone can call." in html


def test_a_number_with_letters_is_refused_on_its_field(login, ada, clinic):
    settings = ClinicSettings.for_clinic(clinic.pk)
    page = _post(login, ada, settings, crisis_contact_number="call reception")
    assert page.status_code == 200
    errors = page.context["adminform"].form.errors
    assert "use digits, spaces, +, - and brackets only" in str(errors["crisis_contact_number"])
    settings.refresh_from_db()
    assert settings.crisis_contact_number == ""
