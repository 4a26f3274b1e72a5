import dataclasses
from pathlib import Path

from alliance.analysis.ruptures import RULES, BaselineConfig, RepairConfig
from alliance.cli.ruptures import EVENT_KEYS

DOCS = (Path(__file__).parents[3] / "docs" / "ruptures.md").read_text()


def test_every_rule_and_its_settings_are_documented():
    for name, config in RULES.items():
        assert f"`{name}`" in DOCS
        for field in dataclasses.fields(config):
            assert f"`{field.name}`" in DOCS, f"{name}.{field.name} is not in docs/ruptures.md"


def test_every_shared_setting_is_documented():
    for config in (BaselineConfig, RepairConfig):
        for field in dataclasses.fields(config):
            assert f"`{field.name}`" in DOCS, f"{config.__name__}.{field.name} is undocumented"


def test_the_json_contract_is_documented():
    for key in EVENT_KEYS:
        assert f'"{key}"' in DOCS
