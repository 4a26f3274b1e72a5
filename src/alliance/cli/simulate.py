"""`alliance simulate`: write a synthetic clinic with known truth as CSV files."""

from __future__ import annotations

import sys

import click
from tqdm import tqdm

from alliance.simulate import ClinicConfig, SimulatedClinic, simulate_clinic

from ._output import fail

FILES = 6  # five tables and truth.json
PROGRESS_FROM = 2000  # clients; smaller clinics finish before a bar would be worth showing


@click.command("simulate")
@click.option(
    "--clients", "n_clients", type=click.IntRange(min=1), required=True, help="Number of clients."
)
@click.option(
    "--seed",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Random seed; the same seed gives the same clinic.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, writable=True),
    required=True,
    help="Directory for answers.csv, sessions.csv, clients.csv, therapists.csv, "
    "ruptures.csv and truth.json (created if missing).",
)
@click.option(
    "--therapists",
    "n_therapists",
    type=click.IntRange(min=1),
    default=None,
    help="Number of therapists [default: one per 25 clients, at least 2].",
)
def command(n_clients: int, seed: int, out_dir: str, n_therapists: int | None) -> None:
    """Simulate a clinic whose ruptures, repairs and alliance effects are known; write it out."""
    steps = ClinicConfig.max_sessions + FILES  # the session weeks, then one step per file
    with tqdm(
        total=steps,
        desc="simulating",
        unit="step",
        file=sys.stderr,
        disable=n_clients < PROGRESS_FROM,
        leave=False,
    ) as bar:
        try:
            clinic = simulate_clinic(
                n_clients=n_clients, seed=seed, n_therapists=n_therapists, progress=bar.update
            )
        except ValueError as error:
            fail(str(error))
        bar.set_description("writing")
        try:
            clinic.to_csv(out_dir, progress=bar.update)
        except OSError as error:
            fail(f"--out {out_dir}: cannot write there ({error.strerror or error})")
        bar.update(bar.total - bar.n)
    click.echo(_summary_text(clinic, out_dir))


def _summary_text(clinic: SimulatedClinic, out_dir: str) -> str:
    figures = clinic.summary()
    return "\n".join(
        [
            f"Wrote a synthetic clinic to {out_dir}",
            f"  clients            {figures['clients']} ({figures['therapists']} therapists)",
            f"  sessions           {figures['sessions']}",
            f"  ruptures           {figures['ruptures']} "
            f"({figures['clients_with_rupture']:.0%} of clients had at least one)",
            f"  share repaired     {figures['share_repaired']:.0%} "
            "of ruptures whose outcome is known",
            f"  dropouts           {figures['dropouts']} "
            f"({figures['dropouts'] / max(figures['clients'], 1):.0%} of clients)",
        ]
    )
