"""`alliance instruments`: list the shipped instruments, or show one."""

from __future__ import annotations

import click

from alliance.measures import UnknownInstrumentError, get_instrument, list_instruments
from alliance.measures.model import Instrument

from ._output import fail


@click.group("instruments", invoke_without_command=True)
@click.pass_context
def command(ctx: click.Context) -> None:
    """List the instruments that ship with alliance."""
    if ctx.invoked_subcommand is None:
        for inst in list_instruments():
            items = f"{len(inst.items):>2} items"
            click.echo(f"{inst.id:<20} {inst.respondent:<10} {items}  {inst.title}")


@command.command("show")
@click.argument("instrument_id")
@click.option(
    "--language",
    default="en",
    show_default=True,
    help="Print the instrument's own words (title, questions, bands, flags) "
    "in this language, as a client or therapist reading it sees them.",
)
def show(instrument_id: str, language: str) -> None:
    """Print one instrument: items, scales, bands, cutoff, reliable change and codes."""
    try:
        inst = get_instrument(instrument_id)
    except UnknownInstrumentError as error:
        fail(str(error))
    try:
        inst.check_language(language)
    except ValueError as error:
        fail(f"--{error}")
    click.echo("\n".join(describe(inst, language)))


def describe(inst: Instrument, language: str = "en") -> list[str]:
    """The instrument's description; its own words in `language`, the headings in English."""
    worded = inst.in_language(language)
    lines = [
        f"{inst.title_in(language)} ({inst.id}, version {inst.version})",
        f"answered by: {inst.respondent}; kind: {inst.kind}; source: {inst.source}",
        f"wording: {_wording(inst)}",
        f"licence: {inst.licence}",
        "",
        "items:",
    ]
    for item in worded.items:
        answers = "free text" if item.kind == "text" else f"{item.low}-{item.high}"
        extra = " reversed" if item.reversed else ""
        extra += "" if item.required else " optional"
        lines.append(f"  {item.id:>4}  [{item.dimension}] {item.label}  ({answers}{extra})")
    lines += ["", "scales:"]
    for scale in inst.scales:
        items = ", ".join(scale.items) or "every goal"
        lines.append(f"  {scale.id}: {scale.method} of {items}; up to {scale.max_missing} missing")
    lines += _interpretation(inst, language)
    return lines


def _wording(inst: Instrument) -> str:
    if inst.wording == "own":
        return "written by the alliance project"
    return "short labels only; import the official wording your clinic is licensed to use"


def _interpretation(inst: Instrument, language: str) -> list[str]:
    lines = []
    if inst.bands:
        bands = ", ".join(f"{b.label(language)} {b.low:g}-{b.high:g}" for b in inst.bands)
        lines.append(f"bands ({inst.band_scale}): {bands}")
    if inst.cutoff:
        cutoff = inst.cutoff
        lines.append(f"cutoff: {cutoff.direction} {cutoff.value:g} on {cutoff.scale}")
    if inst.reliable_change:
        rc = inst.reliable_change
        note = " (provisional)" if rc.provisional else ""
        lines.append(f"reliable change: {rc.value:g} points on {rc.scale}{note}")
    for flag in inst.flags:
        lines.append(f"flag {flag.id}: {flag.reading()}: {flag.label_in(language)}")
    if inst.codes.system:
        codes = inst.codes
        lines.append(f"codes: panel {codes.panel}, total {codes.total} ({codes.system})")
    return [""] + lines if lines else []
