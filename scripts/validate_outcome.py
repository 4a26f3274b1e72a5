"""Validate the outcome analyses on the synthetic clinic over many seeds; write the figures to docs.

1. Within-client alliance effect: how often the 95% interval covers the planted truth (floor 90%).
2. Not-on-track at session 4: AUC for clients who end unchanged or deteriorated (floor 0.80),
   against fixed-threshold baselines and a supervised reference. Curves are fitted on one clinic
   and judged on another.
Exit status 0 when every floor is met, 1 otherwise (the document says which and why).

Usage: python scripts/validate_outcome.py [--seeds 20] [--clients 600] [--out FILE.md]
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import statsmodels.api as sm

from alliance.analysis.alliance_outcome import CENTRED, AllianceOutcomeModel
from alliance.analysis.change import ChangeCriterion, ClinicalCutoff, change_table
from alliance.analysis.dropout import DropoutRiskModel, auc
from alliance.analysis.trajectories import NOT_ON_TRACK, ExpectedRecovery, NearestNeighbourRecovery
from alliance.simulate import simulate_clinic

COVERAGE_FLOOR = 0.90
AUC_FLOOR = 0.80
POOR_END = ("unchanged", "deteriorated")
JUDGED_OFFSET = 10_000  # the judged clinic's seed is the history clinic's seed plus this
LATER = 6  # a later look, for information
REFERENCE_CLIENTS = 3000
REFERENCE_MARGIN = 0.02


def within_effect_run(seed: int, n_clients: int = 600) -> dict:
    """One clinic: the default estimator and the classic lagged one against the planted effect."""
    clinic = simulate_clinic(n_clients=n_clients, seed=seed)
    truth = float(clinic.truth["within_effect"])
    row = {"seed": seed, "truth": truth}
    for name, model in (
        ("default", AllianceOutcomeModel(dimensions=())),
        ("classic", AllianceOutcomeModel(method=CENTRED, current_outcome="raw", dimensions=())),
    ):
        within = model.fit(clinic.sessions).within_
        between = model.between_
        row |= {
            f"{name}_between": between.estimate,
            f"{name}_between_covers": between.ci_low
            <= clinic.truth["between_effect"]
            <= between.ci_high,
            f"{name}_estimate": within.estimate,
            f"{name}_low": within.ci_low,
            f"{name}_high": within.ci_high,
            f"{name}_covers": within.ci_low <= truth <= within.ci_high,
        }
    return row


def poor_end(sessions: pd.DataFrame) -> pd.Series:
    """True for clients whose last score, against their first, is unchanged or deteriorated."""
    grouped = sessions.sort_values(["client_id", "session"]).groupby("client_id")["outcome"]
    table = change_table(
        grouped.first(),
        grouped.last(),
        ChangeCriterion.from_instrument("phq-9"),
        ClinicalCutoff.from_instrument("phq-9"),
    )
    return table["category"].isin(POOR_END)


def not_on_track_run(seed: int, n_clients: int = 600, at: int = 4) -> dict:
    """Fit curves on one clinic's history, judge another clinic's clients at session `at`."""
    history = simulate_clinic(n_clients=n_clients, seed=seed).sessions
    judged = simulate_clinic(n_clients=n_clients, seed=seed + JUDGED_OFFSET).sessions
    recovery = ExpectedRecovery().fit(history)
    placed = recovery.place_all(judged, at=at).set_index("client_id")
    label = poor_end(judged).loc[placed.index].to_numpy()
    beyond = (judged.groupby("client_id")["session"].max() > at).loc[placed.index].to_numpy()
    neighbours = (
        NearestNeighbourRecovery().fit(history).place_all(judged, at=at, leave_out_own=False)
    )
    later = recovery.place_all(judged, at=LATER).set_index("client_id")
    return {
        "seed": seed,
        "clients": len(placed),
        "poor_share": float(label.mean()),
        "auc_projected": auc(placed["projected_change"].to_numpy(), label),
        "auc_projected_beyond": auc(placed["projected_change"].to_numpy()[beyond], label[beyond]),
        "auc_course": auc(placed["course_deviation"].to_numpy(), label),
        "auc_latest": auc(placed["deviation"].to_numpy(), label),
        "auc_neighbours": auc(
            neighbours.set_index("client_id").loc[placed.index, "course_deviation"], label
        ),
        "auc_later": auc(
            later["projected_change"].to_numpy(), poor_end(judged).loc[later.index].to_numpy()
        ),
        "auc_reference": supervised_reference(seed, judged, placed.index, label, at),
        **_call_and_rules(placed, label),
    }


def _call_and_rules(placed: pd.DataFrame, label: np.ndarray) -> dict:
    # the band's own call; the status at its operating point: scripts/validate_outcome_families.py
    called = (placed["band_status"] == NOT_ON_TRACK).to_numpy()
    drop = ((placed["intake"] - placed["outcome"]) / placed["intake"].clip(lower=1)).to_numpy()
    return {
        "auc_call": auc(called.astype(float), label),
        "sensitivity": float(called[label].mean()),
        "specificity": float(1 - called[~label].mean()),
        "auc_rule_25": auc((drop < 0.25).astype(float), label),
        "auc_drop_percent": auc(-drop, label),
    }


def _early_scores(sessions: pd.DataFrame, at: int) -> pd.DataFrame:
    """One row per client who reached `at`: outcome and alliance at sessions 1..at."""
    reached = sessions.groupby("client_id")["session"].transform("max") >= at
    early = sessions[reached & (sessions["session"] <= at)]
    wide = early.pivot(index="client_id", columns="session", values=["outcome", "alliance"])
    wide.columns = [f"{name}_{session}" for name, session in wide.columns]
    return wide.dropna()


def supervised_reference(
    seed: int, judged: pd.DataFrame, clients: pd.Index, label: np.ndarray, at: int
) -> float:
    """What the scores up to `at` can tell at best, roughly: a logistic regression trained on the
    end labels of another, larger clinic, using every outcome and alliance score up to `at`."""
    train = simulate_clinic(n_clients=REFERENCE_CLIENTS, seed=seed + 2 * JUDGED_OFFSET).sessions
    x_train = _early_scores(train, at)
    y_train = poor_end(train).loc[x_train.index].astype(float)
    fitted = sm.Logit(y_train, sm.add_constant(x_train)).fit(disp=0)
    x_judged = _early_scores(judged, at).reindex(clients)
    keep = x_judged.notna().all(axis=1).to_numpy()
    score = fitted.predict(sm.add_constant(x_judged[keep], has_constant="add"))
    return auc(np.asarray(score), label[keep])


def dropout_run(seed: int, n_clients: int = 600) -> dict:
    """Fit the dropout model on one clinic (ruptures from its planted events), judge another."""
    train = simulate_clinic(n_clients=n_clients, seed=seed)
    judged = simulate_clinic(n_clients=n_clients, seed=seed + JUDGED_OFFSET)
    model = DropoutRiskModel().fit(train.sessions, train.clients, train.ruptures)
    held_out = model.evaluate(
        judged.sessions, judged.clients, judged.ruptures, n_boot=200, seed=seed
    )
    odds = model.summary.set_index("predictor")["odds_ratio"]
    return {
        "seed": seed,
        "auc": held_out.auc,
        "ci_low": held_out.ci_low,
        "ci_high": held_out.ci_high,
        "events": held_out.n_events,
        "or_unrepaired": float(odds.get("unrepaired_ruptures", np.nan)),
    }


def summarise(within: pd.DataFrame, track: pd.DataFrame) -> dict:
    return {
        "coverage": float(within["default_covers"].mean()),
        "classic_coverage": float(within["classic_covers"].mean()),
        "auc_projected": float(track["auc_projected"].mean()),
        "auc_course": float(track["auc_course"].mean()),
        "auc_reference": float(track["auc_reference"].mean()),
        "auc_rule_25": float(track["auc_rule_25"].mean()),
        "beats_rule_share": float((track["auc_projected"] > track["auc_rule_25"]).mean()),
    }


def floors_met(summary: dict) -> bool:
    """The floors as set: coverage, AUC at least AUC_FLOOR and above the fixed rule."""
    return (
        summary["coverage"] >= COVERAGE_FLOOR
        and summary["auc_projected"] >= AUC_FLOOR
        and summary["auc_projected"] > summary["auc_rule_25"]
    )


def auc_within_reach(summary: dict) -> bool:
    """AUC at the floor, or, where the data cannot carry it, within REFERENCE_MARGIN of the
    supervised reference; and above the fixed rule either way."""
    target = min(AUC_FLOOR, summary["auc_reference"] - REFERENCE_MARGIN)
    return summary["auc_projected"] >= target and summary["auc_projected"] > summary["auc_rule_25"]


def run(seeds: list[int], n_clients: int, progress=None) -> dict[str, pd.DataFrame]:
    """Every check on every seed: frames named within, track and dropout, one row per seed."""
    rows: dict[str, list[dict]] = {"within": [], "track": [], "dropout": []}
    for n, seed in enumerate(seeds, 1):
        rows["within"].append(within_effect_run(seed, n_clients))
        rows["track"].append(not_on_track_run(seed, n_clients))
        rows["dropout"].append(dropout_run(seed, n_clients))
        if progress:
            progress(f"seed {seed} done ({n}/{len(seeds)})")
    return {name: pd.DataFrame(found) for name, found in rows.items()}


def _mean_range(values: pd.Series) -> str:
    return f"{values.mean():.3f} (range {values.min():.3f} to {values.max():.3f})"


def markdown(frames: dict[str, pd.DataFrame], n_clients: int, seconds: float) -> str:
    """The validation document, from the frames `run` returns."""
    within, track = frames["within"], frames["track"]
    s = summarise(within, track)
    seeds = ", ".join(map(str, within["seed"]))
    head = [
        "# Outcome analyses: validation on the synthetic clinic",
        "",
        "Written by `scripts/validate_outcome.py`; do not edit by hand. "
        f"{len(within)} seeds ({seeds}), {n_clients} clients per clinic, {seconds:.0f} s. "
        f"Floors: {'met' if floors_met(s) else 'NOT met'}.",
        "",
        "These figures are from the project's own simulator, on which the outcome defaults were "
        "chosen. The not-on-track status at its operating point, and the graded signal, are "
        "judged on a second, independently written generator family in "
        "[outcome-families.md](outcome-families.md); read those figures as the honest ones. "
        "No real-data validation exists yet.",
        "",
    ]
    return "\n".join(
        [
            *head,
            *_within_section(within, s),
            *_track_section(track, s),
            *_dropout_section(frames["dropout"]),
            "## Per seed",
            "",
            _per_seed(within, track),
            "",
        ]
    )


def _within_section(within: pd.DataFrame, s: dict) -> list[str]:
    return [
        "## 1. Within-client alliance effect",
        "",
        f"Planted `truth['within_effect']` = {within['truth'].iloc[0]:g} next-session PHQ-9 "
        f"points per alliance point. Floor: the 95% interval covers it in at least "
        f"{COVERAGE_FLOOR:.0%} of runs.",
        "",
        "| estimator | mean within estimate | coverage | mean between estimate "
        "| between coverage |",
        "|---|---|---|---|---|",
        "| default: within fit on each client's own course (outcome, detrended alliance and "
        "current outcome), CR1 interval by client | "
        f"{_mean_range(within['default_estimate'])} | {s['coverage']:.0%} | "
        f"{within['default_between'].mean():.3f} | {within['default_between_covers'].mean():.0%} |",
        "| classic lagged model: person-mean centred, raw current outcome | "
        f"{_mean_range(within['classic_estimate'])} | {s['classic_coverage']:.0%} | "
        f"{within['classic_between'].mean():.3f} | {within['classic_between_covers'].mean():.0%} |",
        "",
        "The classic model is pulled towards zero: the raw current score carries each client's "
        "own course and last session's alliance, so holding it fixed takes part of the effect "
        "away (the short-series bias described in docs/analysis.md). The between effect is "
        "reported but not validated: the planted value is per point of the latent trait, while "
        "the model sees the client's observed mean.",
        "",
    ]


def _track_section(track: pd.DataFrame, s: dict) -> list[str]:
    return [
        "## 2. Not on track at session 4",
        "",
        f"Expected curves fitted on one clinic (seed s), clients judged in another (seed s + "
        f"{JUDGED_OFFSET}) who reached session 4. Poor end: unchanged or deteriorated from the "
        "first to the last session (PHQ-9 reliable change of 6 points, cutoff 10). Floor: mean AUC "
        f"at least {AUC_FLOOR} and above the fixed rule; {_auc_verdict(s)}",
        "",
        "| signal at session 4 | AUC: mean over seeds (range) |",
        "|---|---|",
        "| **projected change** from the expected curve (the validated score) | "
        f"{_mean_range(track['auc_projected'])} |",
        "| the same, only clients who went on beyond session 4 | "
        f"{_mean_range(track['auc_projected_beyond'])} |",
        f"| course deviation (how far off course so far) | {_mean_range(track['auc_course'])} |",
        f"| latest-score deviation only | {_mean_range(track['auc_latest'])} |",
        "| nearest neighbours (k = 50), course deviation | "
        f"{_mean_range(track['auc_neighbours'])} |",
        f"| the band's binary call (band_status) | {_mean_range(track['auc_call'])} |",
        f"| baseline: no 25% drop from intake (binary) | {_mean_range(track['auc_rule_25'])} |",
        "| baseline: percent drop from intake (continuous) | "
        f"{_mean_range(track['auc_drop_percent'])} |",
        f"| reference: logistic regression trained on the end labels of another "
        f"{REFERENCE_CLIENTS:,}-client clinic, every outcome and alliance score of sessions 1-4 | "
        f"{_mean_range(track['auc_reference'])} |",
        f"| for information: projected change at session {LATER} | "
        f"{_mean_range(track['auc_later'])} |",
        "",
        f"The projected change beat the 25% rule in {s['beats_rule_share']:.0%} of seeds. The "
        "band's binary call (band holding 80% of on-course clients; `band_status`) had sensitivity "
        f"{track['sensitivity'].mean():.2f} and specificity {track['specificity'].mean():.2f}; "
        f"{track['poor_share'].mean():.0%} of judged clients ended poorly. A yes/no call's AUC is "
        "its balanced accuracy, which is why a ranking score carries the floor.",
        "",
    ]


def _auc_verdict(s: dict) -> str:
    if s["auc_projected"] >= AUC_FLOOR:
        return f"met ({s['auc_projected']:.3f})."
    reach = "within" if auc_within_reach(s) else "NOT within"
    return (
        f"NOT met ({s['auc_projected']:.3f}). The supervised reference, which learns the end "
        f"labels themselves, reaches {s['auc_reference']:.3f}: the scores of sessions 1-4 on "
        f"this simulator do not carry an AUC of {AUC_FLOOR}. The curve is {reach} "
        f"{REFERENCE_MARGIN} of the reference."
    )


def _dropout_section(dropout: pd.DataFrame) -> list[str]:
    return [
        "## 3. Ending early (information, no floor)",
        "",
        "Dropout model fitted on one clinic with its planted rupture events, judged on another; "
        "95% interval from 200 bootstrap resamples of clients.",
        "",
        f"Held-out AUC {_mean_range(dropout['auc'])}; mean interval "
        f"{dropout['ci_low'].mean():.3f} to {dropout['ci_high'].mean():.3f}; odds ratio per "
        f"unrepaired rupture {dropout['or_unrepaired'].mean():.2f} on average.",
        "",
    ]


def _per_seed(within: pd.DataFrame, track: pd.DataFrame) -> str:
    rows = [
        "| seed | within estimate | 95% CI | covers | AUC projected | AUC reference "
        "| AUC 25% rule |",
        "|---|---|---|---|---|---|---|",
    ]
    for w, t in zip(within.itertuples(), track.itertuples(), strict=True):
        rows.append(
            f"| {w.seed} | {w.default_estimate:.3f} | {w.default_low:.3f} to "
            f"{w.default_high:.3f} | {'yes' if w.default_covers else 'no'} | "
            f"{t.auc_projected:.3f} | {t.auc_reference:.3f} | {t.auc_rule_25:.3f} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--clients", type=int, default=600)
    default_out = Path(__file__).parents[1] / "docs" / "outcome-validation.md"
    parser.add_argument("--out", default=str(default_out))
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")  # optimiser chatter; convergence is checked in the model
    started = time.perf_counter()
    frames = run(
        list(range(1, args.seeds + 1)),
        args.clients,
        progress=lambda m: print(m, file=sys.stderr, flush=True),
    )
    text = markdown(frames, args.clients, time.perf_counter() - started)
    Path(args.out).write_text(text, encoding="utf-8")
    summary = summarise(frames["within"], frames["track"])
    print(", ".join(f"{key} {value:.3f}" for key, value in summary.items()))
    return 0 if floors_met(summary) else 1


if __name__ == "__main__":
    sys.exit(main())
