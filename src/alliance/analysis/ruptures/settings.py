"""The whole detector configuration, read from plain dicts and command-line specs."""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from .config import BaselineConfig, ConfigError, RepairConfig, RuleConfig
from .rules import RULES


@dataclass(frozen=True)
class DetectorConfig:
    """Everything a RuptureDetector needs; round-trips through a plain dict."""

    rules: tuple[RuleConfig, ...]
    baseline: BaselineConfig = field(default_factory=BaselineConfig)
    repair: RepairConfig = field(default_factory=RepairConfig)
    instrument: str = "alliance-checkin"
    combine: bool = True  # True: one event per episode, naming every rule that fired

    def to_dict(self) -> dict[str, Any]:
        return {
            "rules": [rule.to_dict() for rule in self.rules],
            "baseline": dataclasses.asdict(self.baseline),
            "repair": dataclasses.asdict(self.repair),
            "instrument": self.instrument,
            "combine": self.combine,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DetectorConfig:
        unknown = set(data) - {"rules", "baseline", "repair", "instrument", "combine"}
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        rules = tuple(rule_from_dict(rule) for rule in data.get("rules", ()))
        return cls(
            rules=rules,
            baseline=build(BaselineConfig, data.get("baseline", {}), "baseline"),
            repair=build(RepairConfig, data.get("repair", {}), "repair"),
            instrument=str(data.get("instrument", "alliance-checkin")),
            combine=bool(data.get("combine", True)),
        )


def rule_from_dict(data: dict[str, Any]) -> RuleConfig:
    """A rule's settings from {'rule': name, setting: value, ...}."""
    params = dict(data)
    name = params.pop("rule", None)
    if name not in RULES:
        raise ConfigError(f"unknown rule {name!r}; known: {', '.join(RULES)}")
    return build(RULES[name], params, f"rule {name}")


def build(cls: type, params: dict[str, Any], owner: str) -> Any:
    """Make a config object, converting each value to its field's type and naming bad settings."""
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = [name for name in params if name not in fields]
    if unknown:
        raise ConfigError(
            f"{owner}: unknown setting(s) {', '.join(unknown)}; "
            f"known: {', '.join(fields) or 'none'}"
        )
    hints = typing.get_type_hints(cls)
    converted = {
        name: _convert(value, hints[name], f"{owner}: {name}") for name, value in params.items()
    }
    return cls(**converted)


def _convert(value: Any, hint: Any, where: str) -> Any:
    options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    if value is None or (isinstance(value, str) and value.lower() in ("none", "null")):
        if type(None) in options:
            return None
        raise ConfigError(f"{where} cannot be empty")
    target = next(option for option in options if option is not type(None))
    try:
        return _to_type(value, target)
    except (TypeError, ValueError):
        raise ConfigError(f"{where}: {value!r} is not a valid {_type_name(target)}") from None


def _to_type(value: Any, target: Any) -> Any:
    if typing.get_origin(target) is tuple:
        parts = value.split("/") if isinstance(value, str) else list(value)
        return tuple(float(part) for part in parts)
    if target is bool:
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        if isinstance(value, bool):
            return value
        raise ValueError(value)
    if target is int:
        number = float(value)
        if not number.is_integer():
            raise ValueError(value)
        return int(number)
    return target(value)


def _type_name(target: Any) -> str:
    if typing.get_origin(target) is tuple:
        return "list of numbers (a/b/c)"
    return {float: "number", int: "whole number", bool: "true/false", str: "text"}.get(
        target, str(target)
    )


def parse_rule_spec(spec: str) -> RuleConfig:
    """A rule from the command line: 'v-episode:k=1', 'below-flag:cutoff=8,perfect_run=4'."""
    name, _, params_text = spec.partition(":")
    params: dict[str, Any] = {"rule": name.strip()}
    for part in filter(None, (p.strip() for p in params_text.split(","))):
        key, equals, value = part.partition("=")
        if not equals or not key.strip():
            raise ConfigError(f"rule {name}: {part!r} is not setting=value")
        params[key.strip()] = value.strip()
    return rule_from_dict(params)
