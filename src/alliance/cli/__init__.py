"""The alliance command line. Each module in this package that defines `command` adds one,
named as the module is (dashes for underscores).

A command's module is imported only when that command runs (or help lists them all), so
`alliance score` never pays for the statistics libraries `alliance analyze` needs.
"""

from __future__ import annotations

import importlib
import pkgutil

import click


def _modules() -> dict[str, str]:
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))
    return {name.replace("_", "-"): name for name in names}


def _command_in(module: str) -> click.Command | None:
    found = getattr(importlib.import_module(f"{__name__}.{module}"), "command", None)
    return found if isinstance(found, click.Command) else None


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name, module in _modules().items() if _command_in(module)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = _modules().get(cmd_name)
        return _command_in(module) if module else None


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="alliance")
def main() -> None:
    """Measure and strengthen the therapeutic alliance, session by session."""
