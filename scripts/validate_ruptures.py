"""Validate the rupture rules on synthetic clinics with planted ruptures; write the report.

Usage: python scripts/validate_ruptures.py [--seeds 1 2 3 4 5] [--clients 600] [--out FILE.md]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from alliance.analysis.ruptures import (
    BelowFlag,
    ClientReported,
    DimensionDrop,
    RepairConfig,
    RuptureDetector,
    SuddenLoss,
    TherapistGap,
    VEpisode,
)
from alliance.analysis.ruptures.baseline import pooled_within_sd
from alliance.analysis.ruptures.table import check_sessions
from alliance.analysis.ruptures.validation import pooled_counts, scores, simple_drop_events
from alliance.simulate import simulate_clinic

DETECTORS = {
    "v-episode (k=2, Stiles)": lambda: RuptureDetector([VEpisode(k=2.0)]),
    "v-episode (k=1, Strauss)": lambda: RuptureDetector([VEpisode(k=1.0)]),
    "sudden-loss": lambda: RuptureDetector([SuddenLoss()]),
    "below-flag": lambda: RuptureDetector([BelowFlag()]),
    "client-reported (any report)": lambda: RuptureDetector([ClientReported()]),
    "client-reported (default: faint ones corroborated)": lambda: RuptureDetector(
        [ClientReported(corroborate_k=1.0)]),
    "therapist-gap": lambda: RuptureDetector([TherapistGap()]),
    "dimension-drop": lambda: RuptureDetector([DimensionDrop()]),
    "clinic default": lambda: RuptureDetector(),
}
REPAIR_VARIANTS = {
    "default (tolerance 0.5 x k x SD_ref = 1.0 SD_ref, any return)": RepairConfig(),
    "tolerance 0.5 SD_ref": RepairConfig(tolerance_sd=0.5),
    "return must hold one more session": RepairConfig(hold=1),
    "tolerance 0.5 SD_ref and hold one session": RepairConfig(tolerance_sd=0.5, hold=1),
}
SIMPLE = "simple drop rule (>= 0.25 of 10, i.e. 1 of 40, since last session)"
SUBSETS = ("all", "deep", "visible")


def subsets(clinic) -> dict[str, np.ndarray]:
    """Which planted ruptures each figure is computed over."""
    truth = clinic.ruptures
    checked = check_sessions(clinic.sessions)
    pooled = pooled_within_sd(checked.column("alliance"), checked)
    deep = (truth["depth_sd"] >= 2).to_numpy()
    visible = deep & (truth["observed_drop"].to_numpy() >= 2 * pooled)
    return {"all": np.ones(len(truth), bool), "deep": deep, "visible": visible}


def evaluate(clinic) -> dict[str, dict[str, dict]]:
    """Every detector's scores on one clinic, per subset of planted ruptures."""
    masks = subsets(clinic)
    found = {name: make().fit(clinic.sessions).events_ for name, make in DETECTORS.items()}
    found[SIMPLE] = simple_drop_events(clinic.sessions)
    for name, repair in REPAIR_VARIANTS.items():
        found[f"repair: {name}"] = RuptureDetector(repair=repair).fit(clinic.sessions).events_
    return {name: {subset: scores(events, clinic.ruptures, keep=masks[subset])
                   for subset in SUBSETS} for name, events in found.items()}


def describe_clinic(clinic) -> dict[str, float]:
    """Facts about the planted ruptures that bound what any detector can find."""
    truth, sessions = clinic.ruptures, clinic.sessions
    checked = check_sessions(sessions)
    pooled = pooled_within_sd(checked.column("alliance"), checked)
    deep = truth[truth["depth_sd"] >= 2]
    traits = clinic.clients.set_index("client_id")["trait_alliance"]
    return {
        "ruptures": len(truth), "deep": len(deep), "sessions": len(sessions),
        "clients": sessions["client_id"].nunique(), "pooled_sd": pooled,
        "perfect_sessions": float((sessions["alliance"] == 10).mean()),
        "deep_at_ceiling": float((traits.loc[deep["client_id"]] >= 10).mean()),
        "deep_below_1sd": float((deep["observed_drop"] < pooled).mean()),
        "deep_below_2sd": float((deep["observed_drop"] < 2 * pooled).mean()),
        "deep_repaired_known": float(deep["repaired"].notna().mean()),
        "onset_rate": len(truth) / len(sessions),
        "false_alarm_rate": _false_alarm_rate(clinic),
    }


def _false_alarm_rate(clinic) -> float:
    """Share of sessions flagged by the k=2 v-episode rule among clients with no planted rupture."""
    calm = clinic.sessions[~clinic.sessions["client_id"].isin(clinic.ruptures["client_id"])]
    detector = RuptureDetector([VEpisode(k=2.0)]).fit(calm)
    flagged = detector.events_["last_session"] - detector.events_["onset_session"] + 1
    return float(flagged.clip(upper=1).sum() / len(calm))


def run(seeds: list[int], n_clients: int) -> tuple[dict, list[dict], dict]:
    per_seed, facts = [], []
    for seed in seeds:
        clinic = simulate_clinic(n_clients=n_clients, seed=seed)
        per_seed.append(evaluate(clinic))
        facts.append(describe_clinic(clinic))
    pooled = {name: {subset: pooled_counts([r[name][subset] for r in per_seed])
                     for subset in SUBSETS} for name in per_seed[0]}
    return pooled, per_seed, {k: float(np.mean([f[k] for f in facts])) for k in facts[0]}


def _fmt(value: float) -> str:
    return "n/a" if value != value else f"{value:.2f}"


def table(pooled: dict, subset: str, *, variants: bool = False) -> list[str]:
    lines = ["| rule | events | ruptures | found | precision | recall | F1 | repair calls right "
             "(n) |", "|---|---|---|---|---|---|---|---|"]
    for name, result in pooled.items():
        if name.startswith("repair: ") != variants:
            continue
        r = result[subset]
        repair = "n/a" if name == SIMPLE else f"{_fmt(r['repair_right'])} ({r['repair_known']})"
        lines.append(f"| {name} | {r['events']} | {r['ruptures']} | {r['hits']} | "
                     f"{_fmt(r['precision'])} | {_fmt(r['recall'])} | {_fmt(r['f1'])} | {repair} |")
    return lines


def report(pooled: dict, per_seed: list[dict], facts: dict, seeds: list[int], n_clients: int,
           seconds: float) -> str:
    default = [r["clinic default"]["deep"]["f1"] for r in per_seed]
    simple = [r[SIMPLE]["deep"]["f1"] for r in per_seed]
    deep = pooled["clinic default"]["deep"]
    lines = [
        "# Rupture detection: validation on the synthetic clinic",
        "",
        f"Generated by `python scripts/validate_ruptures.py` ({len(seeds)} clinics of {n_clients} "
        f"clients, seeds {', '.join(map(str, seeds))}; {seconds:.0f} s). Figures pool the counts "
        "of all clinics.",
        "",
        "A detected event matches a planted rupture of the same client when the onsets differ by "
        "at most one session (one-to-one, closest first). Precision = matched events / events; "
        "recall = matched ruptures / ruptures. In the subsets, events matched to a rupture outside "
        "the subset count neither as hits nor as false alarms. Repair calls are scored among "
        "matched events where both the detector and the truth give an outcome (not None).",
        "",
        "The simple rule is the published alert recipe 'a drop of 1 point or more on a 0-40 "
        "alliance total since the last session'. The check-in total is a 0-10 mean, so 1/40 of "
        "the range is 0.25 points; every such session is one event. It makes no repair call.",
        "",
        "## All planted ruptures", "", *table(pooled, "all"), "",
        "## Planted ruptures at least 2 within-client SD deep", "", *table(pooled, "deep"), "",
        "## Deep ruptures that show in the scores", "",
        "Depth at least 2 SD and an observed drop (mean before the onset minus the score at the "
        "lowest session) of at least 2 pooled within-client SD.", "",
        *table(pooled, "visible"), "",
        "## The clinic default against the done criteria", "",
        f"- F1 on ruptures >= 2 SD: {_fmt(deep['f1'])} pooled; per "
        f"clinic {', '.join(_fmt(v) for v in default)} (target 0.85: **not met**).",
        f"- Repair calls right: {_fmt(deep['repair_right'])} (target 0.90: **not met**); of the "
        f"wrong calls, {deep['said_repaired_was_not']} said 'repaired' for a rupture planted as "
        f"unrepaired and {deep['said_unrepaired_was']} the other way round.",
        f"- Simple drop rule F1 on the same ruptures: per clinic "
        f"{', '.join(_fmt(v) for v in simple)}; the default beats it in every clinic: "
        f"{all(d > s for d, s in zip(default, simple, strict=True))}.",
        "", "## Sensitivity of the repair call (clinic default, ruptures >= 2 SD)", "",
        "Only the repair settings change; the rules are the default's.", "",
        *table(pooled, "deep", variants=True), "",
        *why_not(facts),
    ]
    return "\n".join(lines) + "\n"


def why_not(facts: dict) -> list[str]:
    return [
        "## Why the targets are out of reach on this simulator", "",
        f"Averaged over the clinics: {facts['sessions']:.0f} sessions of {facts['clients']:.0f} "
        f"clients, {facts['ruptures']:.0f} planted ruptures, {facts['deep']:.0f} of them at least "
        f"2 SD deep; pooled within-client SD of the check-in total {facts['pooled_sd']:.2f}; "
        f"{facts['perfect_sessions']:.0%} of sessions score a perfect 10.",
        "",
        f"- The planted depth is in units of the latent session-to-session SD, before the ceiling. "
        f"{facts['deep_at_ceiling']:.0%} of the deep ruptures happen to clients whose latent trait "
        "is at or above 10, so part of the drop happens above the top of the scale and never "
        "shows.",
        f"- The base rate is low: ruptures start in {facts['onset_rate']:.1%} of sessions, while "
        f"the k=2 v-episode rule opens an episode in {facts['false_alarm_rate']:.1%} of the "
        "sessions of clients who had no rupture at all (a 2-SD excursion of ordinary noise, "
        "judged against a baseline estimated from few sessions). Even with every rupture found, "
        f"precision could not exceed about {_bound(facts):.2f} at that threshold, and raising k "
        "loses the ruptures the ceiling has already flattened.",
        f"- Of the deep ruptures, {facts['deep_below_1sd']:.0%} lower the observed score by less "
        f"than one pooled within-client SD and {facts['deep_below_2sd']:.0%} by less than two. A "
        "score rule that finds those must flag ordinary noise too, so no threshold reaches an F1 "
        "of 0.85; the client's own report (half of the rupture sessions) is the only other "
        "signal, and it carries its own false reports.",
        "- Unrepaired ruptures stay at full depth for only three sessions and then leave 70 % of "
        "the depth behind; for shallow ones that residual sits inside the repair tolerance "
        "(0.5 x k x SD_ref), and a single noisy session inside the window reads as a return.",
        "",
        "What the simulator would need for the targets to be a fair test: plant depth in units of "
        "the observed within-client SD of the check-in total (after items, rounding and the "
        "ceiling), or report an observed depth beside the latent one and state the criteria on "
        "it; and define 'unrepaired' on the observed scale (for example the score stays more than "
        "0.5 x k x SD below the baseline through the window).",
    ]


def _bound(facts: dict) -> float:
    rate, alarms = facts["onset_rate"], facts["false_alarm_rate"]
    return rate / (rate + alarms * (1 - rate))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    parser.add_argument("--clients", type=int, default=600)
    parser.add_argument("--out", default=str(Path(__file__).parent.parent / "docs" /
                                             "ruptures-validation.md"))
    args = parser.parse_args(argv)
    started = time.perf_counter()
    pooled, per_seed, facts = run(args.seeds, args.clients)
    text = report(pooled, per_seed, facts, args.seeds, args.clients,
                  time.perf_counter() - started)
    Path(args.out).write_text(text)
    with pd.option_context("display.width", 120):
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
