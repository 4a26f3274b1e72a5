"""Shared helpers for printing results and failing cleanly."""

from __future__ import annotations

import json
import math
from typing import Any

import click


def fail(message: str) -> None:
    """Print a message on stderr and exit non-zero, with nothing on stdout."""
    raise click.ClickException(message)


def plain(value: Any) -> Any:
    """A JSON-ready value: NaN to null, whole floats to ints, numpy scalars to Python values."""
    if hasattr(value, "item") and not isinstance(value, (list, tuple, dict)):
        value = value.item()
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() else round(value, 4)
    if isinstance(value, dict):
        return {key: plain(inner) for key, inner in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(inner) for inner in value]
    return value


def print_json(data: Any) -> None:
    click.echo(json.dumps(plain(data), indent=2, ensure_ascii=False))


FORMAT_OPTION = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="How to print the result.",
)
