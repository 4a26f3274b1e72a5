"""Clinics whose repair settings are still the old default get the new repair call (a return judged
against the level just before the onset, a quarter of the criterion below it, within 3 sessions
of the V's low: docs/ruptures-validation.md, "Repair call"); settings a clinic chose are kept."""

from django.db import migrations

OLD_DEFAULT_REPAIR = {"window": 3, "tolerance_sd": None, "max_decline": 6, "hold": 0}
NEW_DEFAULT_REPAIR = {
    "window": 3,
    "tolerance_sd": None,
    "tolerance_share": 0.25,
    "max_decline": 2,
    "hold": 0,
    "level": "recent",
    "recent": 4,
}


def _swap(apps, old: dict, new: dict) -> None:
    for settings in apps.get_model("clinic", "ClinicSettings").objects.all():
        config = settings.rupture_detector or {}
        if config.get("repair") == old:
            settings.rupture_detector = {**config, "repair": new}
            settings.save(update_fields=["rupture_detector"])


def forwards(apps, schema_editor) -> None:
    _swap(apps, OLD_DEFAULT_REPAIR, NEW_DEFAULT_REPAIR)


def backwards(apps, schema_editor) -> None:
    _swap(apps, NEW_DEFAULT_REPAIR, OLD_DEFAULT_REPAIR)


class Migration(migrations.Migration):
    dependencies = [("clinic", "0010_alert_acknowledgement_keeps_the_name")]
    operations = [migrations.RunPython(forwards, backwards)]
