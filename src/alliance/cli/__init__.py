"""The alliance command line. Each module in this package that defines `command` adds one."""

from __future__ import annotations

import importlib
import pkgutil

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="alliance")
def main() -> None:
    """Measure and strengthen the therapeutic alliance, session by session."""


def _register() -> None:
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))
    for module in names:
        found = importlib.import_module(f"{__name__}.{module}")
        if isinstance(getattr(found, "command", None), click.Command):
            main.add_command(found.command)


_register()
