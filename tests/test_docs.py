"""The docs keep up with the code: every instrument and every CLI command is documented."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from alliance.cli import main
from alliance.measures import list_instruments

ROOT = Path(__file__).resolve().parents[1]


def docs_text() -> str:
    pages = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]
    return "\n".join(page.read_text(encoding="utf-8") for page in pages if page.exists())


def command_paths(group: click.Command, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command under the CLI, as its words after `alliance`, subcommands included."""
    paths = []
    if not isinstance(group, click.Group):
        return paths
    context = click.Context(group)
    for name in sorted(group.list_commands(context)):
        command = group.get_command(context, name)
        path = (*prefix, name)
        paths.append(path)
        paths += command_paths(command, path)
    return paths


def mentioned(term: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text) is not None


def test_the_walk_finds_the_commands_and_subcommands():
    paths = command_paths(main)
    assert ("score",) in paths and ("instruments", "show") in paths


@pytest.mark.parametrize("instrument_id", [inst.id for inst in list_instruments()])
def test_every_instrument_is_documented(instrument_id):
    assert mentioned(instrument_id, docs_text()), f"no page in docs/ mentions {instrument_id}"


@pytest.mark.parametrize("path", command_paths(main), ids=" ".join)
def test_every_cli_command_is_documented(path):
    command = "alliance " + " ".join(path)
    assert mentioned(command, docs_text()), f"no page in docs/ or README.md shows `{command}`"


def test_the_check_for_mentions_respects_word_edges():
    assert mentioned("wai-sr", "the wai-sr form") and not mentioned("wai-sr", "only wai-sr-t")
