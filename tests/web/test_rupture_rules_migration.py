"""Upgrading moves clinics still on the old default rupture rules to the new default, keeps rules a
clinic chose itself, and can be undone."""

import importlib

from django.apps import apps

from alliance.analysis.ruptures import RuptureDetector
from alliance.web.accounts.models import Clinic
from alliance.web.clinic.models import ClinicSettings

step = importlib.import_module(
    "alliance.web.clinic.migrations.0005_clinics_on_the_old_default_get_the_new_rupture_rules"
)


def _clinic(rules: list[dict] | None = None, *, repair: dict | None = None) -> ClinicSettings:
    """A clinic whose stored detector has these rules or these repair settings."""
    settings = ClinicSettings.for_clinic(Clinic.objects.create(name="Upgraded").pk)
    stored = {"rules": rules, "repair": repair}
    settings.rupture_detector |= {key: value for key, value in stored.items() if value is not None}
    settings.save()
    return settings


def test_the_old_default_becomes_the_new_one_and_the_rest_is_kept(db):
    old = _clinic(step.OLD_DEFAULT_RULES)
    chosen = _clinic([{"rule": "v-episode", "k": 1.0}])
    step.forwards(apps, None)
    old.refresh_from_db()
    chosen.refresh_from_db()
    assert old.rupture_detector["rules"] == RuptureDetector().to_dict()["rules"]
    assert old.rupture_detector["baseline"]["between_sd"] == 0.6
    assert chosen.rupture_detector["rules"] == [{"rule": "v-episode", "k": 1.0}]
    step.backwards(apps, None)
    old.refresh_from_db()
    assert old.rupture_detector["rules"] == step.OLD_DEFAULT_RULES


repair_step = importlib.import_module(
    "alliance.web.clinic.migrations.0011_clinics_on_the_old_repair_call_get_the_new_one"
)


def test_the_old_default_repair_call_becomes_the_new_one_and_a_chosen_one_is_kept(db):
    old = _clinic(repair=repair_step.OLD_DEFAULT_REPAIR)
    chosen = _clinic(repair={**repair_step.OLD_DEFAULT_REPAIR, "window": 5})
    repair_step.forwards(apps, None)
    old.refresh_from_db()
    chosen.refresh_from_db()
    assert old.rupture_detector["repair"] == RuptureDetector().to_dict()["repair"]
    assert chosen.rupture_detector["repair"]["window"] == 5
    assert chosen.rupture_detector["repair"]["max_decline"] == 6
    repair_step.backwards(apps, None)
    old.refresh_from_db()
    assert old.rupture_detector["repair"] == repair_step.OLD_DEFAULT_REPAIR
