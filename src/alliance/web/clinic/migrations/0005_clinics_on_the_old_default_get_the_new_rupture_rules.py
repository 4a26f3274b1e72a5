"""Clinics whose rupture rules are still the old default get the new default rules (docs/ruptures.md,
"The clinic default"); rules a clinic chose itself, and its baseline and repair settings, are kept."""

from django.db import migrations

OLD_DEFAULT_RULES = [
    {"rule": "v-episode", "k": 3.0},
    {"rule": "client-reported", "min_level": 1, "corroborate_k": 2.0, "alone_level": 2,
     "clear_k": 1.0},
    {"rule": "dimension-drop", "k": 2.0, "hold_k": 1.0, "report_level": 1},
]
NEW_DEFAULT_RULES = [
    {"rule": "client-reported", "min_level": 1, "corroborate_k": 3.0, "alone_level": 2,
     "clear_k": 2.0, "corroborate_with": "signs"},
    {"rule": "converging-signs", "k": 4.0},
]


def _swap(apps, old: list[dict], new: list[dict]) -> None:
    for settings in apps.get_model("clinic", "ClinicSettings").objects.all():
        config = settings.rupture_detector or {}
        if config.get("rules") == old:
            settings.rupture_detector = {**config, "rules": new}
            settings.save(update_fields=["rupture_detector"])


def forwards(apps, schema_editor) -> None:
    _swap(apps, OLD_DEFAULT_RULES, NEW_DEFAULT_RULES)


def backwards(apps, schema_editor) -> None:
    _swap(apps, NEW_DEFAULT_RULES, OLD_DEFAULT_RULES)


class Migration(migrations.Migration):
    dependencies = [("clinic", "0004_checkin_submission_kept_as_sent")]
    operations = [migrations.RunPython(forwards, backwards)]
