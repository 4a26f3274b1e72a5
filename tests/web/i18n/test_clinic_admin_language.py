"""The clinic admin's overview, settings and delivery pages follow a Spanish browser."""

from __future__ import annotations

from django.urls import reverse


def test_the_overview_is_in_spanish_with_the_schedule_and_delivery_in_words(page, login, ada):
    html = page(login(ada), reverse("clinic-overview"), "es")
    assert "Clientes en atención" in html and "Alertas abiertas" in html
    assert "Cuestionario de salud del paciente, 9 ítems: en cada sesión" in html
    assert "Los cuestionarios salen al final de cada sesión a la que se asistió" in html
    assert "Sigue un recordatorio 48 horas después del envío" in html
    assert "Un enlace de cuestionario caduca 72 horas después de crearse o enviarse" in html
    assert "Envío de cuestionarios" in html and "Equipos" in html and "Personal" in html
    assert "Clients in care" not in html and "every session" not in html
    assert "Check-ins go out" not in html


def test_the_settings_form_names_its_fields_and_help_in_spanish(page, login, ada):
    html = page(login(ada), reverse("clinic-settings"), "es")
    assert "Ajustes de la clínica" in html and "Guardar los ajustes" in html
    assert "Umbral de acuerdo con las tareas" in html and "Número del contacto de crisis" in html
    assert "Preguntar en la sesión 1 y después cada tantas sesiones" in html
    assert "genera una alerta" in html
    assert "Task agreement line" not in html and "raises an alert" not in html


def test_a_bad_setting_is_named_in_spanish_and_nothing_is_stored(languages, login, ada, clinic):
    session = login(ada)
    answer = session.post(
        reverse("clinic-settings"),
        {"link_lifetime_hours": "72", "outcome_instrument": "phq-9", "task_agreement_line": "11"},
        headers={"accept-language": "es"},
    )
    html = answer.content.decode()
    assert answer.status_code == 400
    assert "Umbral de acuerdo con las tareas: use un número del 0 al 10" in html


def test_the_delivery_form_is_in_spanish(page, login, ada):
    html = page(login(ada), reverse("clinic-delivery"), "es")
    assert "Cuándo sale un cuestionario" in html and "Recordatorio tras (horas)" in html
    assert "Guardar los ajustes de envío" in html and "Alertas urgentes" in html
    assert "Debe contener $link" in html
    assert "When a check-in goes out" not in html and "Must contain $link" not in html


def test_the_clinic_pages_stay_english_for_an_english_browser(page, login, ada):
    session = login(ada)
    assert "Clients in care" in page(session, reverse("clinic-overview"), "en")
    assert "Task agreement line" in page(session, reverse("clinic-settings"), "en")
    assert "When a check-in goes out" in page(session, reverse("clinic-delivery"), "en")
