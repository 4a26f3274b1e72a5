"""`alliance fhir export|import`: interchange answers to a FHIR Bundle and back."""

from __future__ import annotations

import io
import json
from pathlib import Path

import click

from alliance.interop.fhir import FhirError, export_bundle, questionnaire, read_bundle, to_json
from alliance.interop.tables import TableError, read_answers
from alliance.measures import ScoringError, UnknownInstrumentError

from ._output import fail


@click.group("fhir")
def command() -> None:
    """FHIR R4: answers out as a Bundle, and QuestionnaireResponses back in."""


@command.command("export")
@click.argument("answers", type=click.Path(dir_okay=False))
@click.option(
    "--out", "out", required=True, type=click.Path(dir_okay=False), help="Bundle to write."
)
def export(answers: str, out: str) -> None:
    """Write ANSWERS.csv (the interchange format) as a `collection` Bundle of Questionnaires,
    QuestionnaireResponses, Observations, Patients and Practitioners."""
    try:
        bundle = export_bundle(read_answers(answers))
    except (TableError, ScoringError, FhirError) as error:
        fail(str(error))
    try:
        Path(out).write_text(to_json(bundle), encoding="utf-8")
    except OSError as error:
        fail(f"{out}: cannot write ({error.strerror})")
    counts = _counts(bundle)
    click.echo(
        ", ".join(f"{n} {kind}" for kind, n in counts.items()) + f" written to {out}", err=True
    )


@command.command("import")
@click.argument("bundle", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json"]),
    default="csv",
    show_default=True,
    help="csv: the interchange format; json: one object per answer.",
)
def import_(bundle: str, fmt: str) -> None:
    """Print the QuestionnaireResponses of BUNDLE.json as interchange answers on stdout."""
    try:
        answers = read_bundle(_read(bundle))
    except FhirError as error:
        fail(f"{bundle}:\n{error}")
    if fmt == "json":
        records = answers.astype(object).where(answers.notna(), None).to_dict("records")
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
        return
    buffer = io.StringIO()
    answers.to_csv(buffer, index=False)
    click.echo(buffer.getvalue(), nl=False)


@command.command("questionnaire")
@click.argument("instrument")
@click.option(
    "--language",
    default="en",
    show_default=True,
    help="The language of the Questionnaire's texts (Questionnaire.language).",
)
def questionnaire_(instrument: str, language: str) -> None:
    """Print a shipped instrument as a FHIR Questionnaire, with the project's short labels.

    A clinic that holds a licence fills in the official texts and imports the result."""
    try:
        click.echo(to_json(questionnaire(instrument, language)), nl=False)
    except UnknownInstrumentError as error:
        fail(str(error))
    except ValueError as error:
        fail(f"--{error}")


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        fail(f"{path}: no such file")


def _counts(bundle: dict) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entry in bundle["entry"]:
        kind = entry["resource"]["resourceType"]
        counts[kind] = counts.get(kind, 0) + 1
    return counts
