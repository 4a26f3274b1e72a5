"""`alliance instruments`: list the shipped instruments, or show one."""

from __future__ import annotations

import click

from alliance.measures import UnknownInstrumentError, get_instrument, list_instruments
from alliance.measures.model import Instrument

from ._output import fail

WRITTEN_IN = "en"  # the language every instrument file is written in; others are translations


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
    default=WRITTEN_IN,
    show_default=True,
    help="Show the instrument's own texts (title, questions, bands, flags) in this language.",
)
def show(instrument_id: str, language: str) -> None:
    """Print one instrument: items, scales, bands, cutoff, reliable change and codes."""
    try:
        inst = get_instrument(instrument_id)
    except UnknownInstrumentError as error:
        fail(str(error))
    click.echo("\n".join(describe(inst, _checked_language(inst, language))))


def _checked_language(inst: Instrument, language: str) -> str:
    """The language asked for, if the instruments know it and this one is written in it."""
    wanted = language.strip().lower()
    known = sorted({WRITTEN_IN, *(lang for i in list_instruments() for lang in _spoken(i))})
    if wanted not in known:
        raise click.BadParameter(
            f"unknown language {language!r}; choose from {', '.join(known)}",
            param_hint="'--language'",
        )
    spoken = [WRITTEN_IN, *_spoken(inst)]
    if wanted not in spoken:
        raise click.BadParameter(
            f"{inst.id} has no {wanted!r} text; it is written in {', '.join(spoken)}",
            param_hint="'--language'",
        )
    return wanted


def _spoken(inst: Instrument) -> list[str]:
    return sorted({*inst.languages, *inst.named_languages})


def describe(inst: Instrument, language: str = WRITTEN_IN) -> list[str]:
    """The instrument's structure; its own texts in `language`, the headings in English."""
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
