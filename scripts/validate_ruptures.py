"""Validate the rupture rules on synthetic clinics with planted ruptures; write the report.

Usage: python scripts/validate_ruptures.py [--seeds 1 2 3 4 5] [--clients 600] [--out FILE.md]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from alliance.analysis.ruptures import (
    CLINIC_DEFAULT,
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
from alliance.analysis.ruptures.validation import (
    fully_seen,
    pooled_counts,
    scores,
    simple_drop_events,
)
from alliance.simulate import simulate_clinic

F1_TARGET, REPAIR_TARGET = 0.85, 0.90
DEFAULT = "clinic default"
PREVIOUS = "previous default (v-episode k=2 + dimension-drop + client-reported, faint with 1 SD)"
SIMPLE = "simple drop rule (>= 0.25 of 10, i.e. 1 of 40, since last session)"
DETECTORS = {
    "v-episode (k=2, Stiles)": [VEpisode(k=2.0)],
    "v-episode (k=1, Strauss)": [VEpisode(k=1.0)],
    "v-episode (k=3, default part)": [VEpisode(k=3.0)],
    "sudden-loss": [SuddenLoss()],
    "below-flag": [BelowFlag()],
    "client-reported (any report)": [ClientReported()],
    "client-reported (default part: clear with 1 SD, faint with 2 SD)": [CLINIC_DEFAULT[1]],
    "therapist-gap": [TherapistGap()],
    "dimension-drop (alone)": [DimensionDrop()],
    "dimension-drop (default part: with a report)": [CLINIC_DEFAULT[2]],
    PREVIOUS: [VEpisode(k=2.0), DimensionDrop(), ClientReported(corroborate_k=1.0)],
    DEFAULT: None,
}
REPAIR_VARIANTS = {
    "default (tolerance 0.5 x smallest k = 0.5 SD_ref, any return)": RepairConfig(),
    "tolerance 1.0 SD_ref": RepairConfig(tolerance_sd=1.0),
    "return must hold one more session": RepairConfig(hold=1),
    "window 2 sessions": RepairConfig(window=2),
}
SIMULATOR_VARIANTS = {
    "as simulated (defaults)": {},
    "clients report half as readily (client_report_per_sd 0.5)": {"client_report_per_sd": 0.5},
    "clients report twice as readily (client_report_per_sd 2.0)": {"client_report_per_sd": 2.0},
    "reports ignore ordinary dips (client_dip_report_weight 0)": {"client_dip_report_weight": 0.0},
    "reports follow ordinary dips as much as ruptures (weight 1.0)":
        {"client_dip_report_weight": 1.0},
    "fewer tension reports (client_tension_report_prob 0.06)": {"client_tension_report_prob": 0.06},
    "unrepaired drops never fade (unrepaired_recovery 0)": {"unrepaired_recovery": 0.0},
    "unrepaired drops fade fast (unrepaired_recovery 0.3)": {"unrepaired_recovery": 0.3},
}
SUBSETS = ("all", "deep")


def subsets(clinic) -> dict[str, np.ndarray]:
    """Which planted ruptures each figure is computed over."""
    truth = clinic.ruptures
    deep = (truth["depth_sd"] >= 2).to_numpy() & fully_seen(truth, clinic.sessions)
    return {"all": np.ones(len(truth), bool), "deep": deep}


def detector(rules, repair: RepairConfig | None = None) -> RuptureDetector:
    return RuptureDetector(rules, repair=repair)


def evaluate(clinic) -> dict[str, dict[str, dict]]:
    """Every detector's scores on one clinic, per subset of planted ruptures."""
    masks = subsets(clinic)
    found = {name: detector(rules).fit(clinic.sessions).events_
             for name, rules in DETECTORS.items()}
    found[SIMPLE] = simple_drop_events(clinic.sessions)
    for name, repair in REPAIR_VARIANTS.items():
        found[f"repair: {name}"] = detector(None, repair).fit(clinic.sessions).events_
    return {name: {subset: scores(events, clinic.ruptures, keep=masks[subset])
                   for subset in SUBSETS} for name, events in found.items()}


def default_scores(clinic) -> dict:
    """The clinic default and the simple rule on the deep ruptures of one clinic."""
    keep = subsets(clinic)["deep"]
    events = RuptureDetector().fit(clinic.sessions).events_
    return {"default": scores(events, clinic.ruptures, keep=keep),
            "simple": scores(simple_drop_events(clinic.sessions), clinic.ruptures, keep=keep)}


def describe_clinic(clinic) -> dict[str, float]:
    """Facts about the planted ruptures that bound what any detector can find."""
    truth, sessions = clinic.ruptures, clinic.sessions
    checked = check_sessions(sessions)
    deep = truth[subsets(clinic)["deep"]]
    at_lowest = sessions.set_index(["client_id", "session"])["rupture_reported"].reindex(
        list(zip(deep["client_id"], deep["lowest_session"], strict=True)))
    calm = sessions[~sessions["client_id"].isin(truth["client_id"])]
    return {
        "ruptures": len(truth), "deep": len(deep), "sessions": len(sessions),
        "clients": sessions["client_id"].nunique(),
        "pooled_sd": pooled_within_sd(checked.column("alliance"), checked),
        "unit_floor": clinic.truth["rupture_depth_unit_floor"],
        "perfect_sessions": float((sessions["alliance"] == 10).mean()),
        "cut_short": float(((truth["depth_sd"] >= 2) & ~fully_seen(truth, sessions)).sum()),
        "onset_rate": len(truth) / len(sessions),
        "report_rate": float((sessions["rupture_reported"] > 0).mean()),
        "calm_report_rate": float((calm["rupture_reported"] > 0).mean()),
        "calm_clear_rate": float((calm["rupture_reported"] == 2).mean()),
        "deep_reported": float((at_lowest > 0).mean()),
        "deep_clear": float((at_lowest == 2).mean()),
        "calm_alarm_rate": _alarm_rate(calm, None),
        "calm_v2_rate": _alarm_rate(calm, [VEpisode(k=2.0)]),
    }


def _alarm_rate(calm, rules) -> float:
    """Events per session among clients with no planted rupture."""
    return len(RuptureDetector(rules).fit(calm).events_) / max(len(calm), 1)


def run(seeds: list[int], n_clients: int) -> tuple[dict, list[dict], dict]:
    per_seed, facts = [], []
    for seed in seeds:
        clinic = simulate_clinic(n_clients=n_clients, seed=seed)
        per_seed.append(evaluate(clinic))
        facts.append(describe_clinic(clinic))
    pooled = {name: {subset: pooled_counts([r[name][subset] for r in per_seed])
                     for subset in SUBSETS} for name in per_seed[0]}
    return pooled, per_seed, {k: float(np.mean([f[k] for f in facts])) for k in facts[0]}


def sensitivity(seeds: list[int], n_clients: int) -> dict[str, dict]:
    """The default and the simple rule on deep ruptures when one simulator setting changes."""
    found = {}
    for name, overrides in SIMULATOR_VARIANTS.items():
        runs = [default_scores(simulate_clinic(n_clients=n_clients, seed=seed, **overrides))
                for seed in seeds]
        found[name] = {key: pooled_counts([r[key] for r in runs]) for key in ("default", "simple")}
    return found


def _fmt(value: float) -> str:
    return "n/a" if value != value else f"{value:.2f}"


def _row(name: str, r: dict, repair: bool = True) -> str:
    calls = f"{_fmt(r['repair_right'])} ({r['repair_known']})" if repair else "n/a"
    return (f"| {name} | {r['events']} | {r['ruptures']} | {r['hits']} | {_fmt(r['precision'])} "
            f"| {_fmt(r['recall'])} | {_fmt(r['f1'])} | {calls} |")


HEADER = ["| rule | events | ruptures | found | precision | recall | F1 | repair calls right (n) |",
          "|---|---|---|---|---|---|---|---|"]


def table(pooled: dict, subset: str, *, variants: bool = False) -> list[str]:
    return HEADER + [_row(name, result[subset], name != SIMPLE) for name, result in pooled.items()
                     if name.startswith("repair: ") == variants]


def verdict(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def criteria(pooled: dict, per_seed: list[dict]) -> list[str]:
    deep = pooled[DEFAULT]["deep"]
    f1s = [r[DEFAULT]["deep"]["f1"] for r in per_seed]
    simple = [r[SIMPLE]["deep"]["f1"] for r in per_seed]
    beats = all(d > s for d, s in zip(f1s, simple, strict=True))
    return [
        "## The clinic default against the done criteria", "",
        f"- F1 on ruptures >= 2 SD: {_fmt(deep['f1'])} pooled (precision "
        f"{_fmt(deep['precision'])}, recall {_fmt(deep['recall'])}); per clinic "
        f"{', '.join(_fmt(v) for v in f1s)} (target {F1_TARGET}: "
        f"{verdict(deep['f1'] >= F1_TARGET)}).",
        f"- Repair calls right: {_fmt(deep['repair_right'])} of {deep['repair_known']} (target "
        f"{REPAIR_TARGET:.2f}: {verdict(deep['repair_right'] >= REPAIR_TARGET)}); of the wrong "
        "calls, "
        f"{deep['said_repaired_was_not']} said 'repaired' for a rupture planted as unrepaired and "
        f"{deep['said_unrepaired_was']} the other way round.",
        f"- Simple drop rule F1 on the same ruptures: per clinic "
        f"{', '.join(_fmt(v) for v in simple)}; the default beats it in every clinic: "
        f"{verdict(beats)}.",
    ]


def sensitivity_table(found: dict, seeds: list[int]) -> list[str]:
    lines = [
        "## How much the result depends on the simulator's choices", "",
        f"The clinic default on ruptures >= 2 SD when one simulator setting changes (seeds "
        f"{', '.join(map(str, seeds))}). The report settings are design choices, not figures "
        "from the literature (docs/simulation.md).", "",
        "| simulator | precision | recall | F1 | repair calls right | simple rule F1 |",
        "|---|---|---|---|---|---|",
    ]
    for name, result in found.items():
        d, s = result["default"], result["simple"]
        lines.append(f"| {name} | {_fmt(d['precision'])} | {_fmt(d['recall'])} | {_fmt(d['f1'])} "
                     f"| {_fmt(d['repair_right'])} | {_fmt(s['f1'])} |")
    return lines


def report(pooled: dict, per_seed: list[dict], facts: dict, found: dict, args, seconds: float
           ) -> str:
    lines = [
        "# Rupture detection: validation on the synthetic clinic",
        "",
        f"Generated by `python scripts/validate_ruptures.py` ({len(args.seeds)} clinics of "
        f"{args.clients} clients, seeds {', '.join(map(str, args.seeds))}; {seconds:.0f} s). "
        "Figures pool the counts of all clinics.",
        "",
        "Depth is planted on the scale the clinic sees: `depth_sd` is the expected fall of the "
        "check-in total at the lowest session, below the client's own rupture-free expected level, "
        "in units of the client's rupture-free SD of the total (at least the clinic's pooled "
        "value; docs/simulation.md). 'Ruptures >= 2 SD' are those with `depth_sd` >= 2 whose "
        f"lowest session was attended (on average {facts['cut_short']:.1f} per clinic began in a "
        "client's last session and bottomed out after it, so only half their depth was ever seen).",
        "",
        "A detected event matches a planted rupture of the same client when the onsets differ by "
        "at most one session (one-to-one, closest first). Precision = matched events / events; "
        "recall = matched ruptures / ruptures. In the subset, events matched to a rupture outside "
        "it count neither as hits nor as false alarms. Repair calls are scored among matched "
        "events where both the detector and the truth give an outcome (not None).",
        "",
        "The simple rule is the published alert recipe 'a drop of 1 point or more on a 0-40 "
        "alliance total since the last session'. The check-in total is a 0-10 mean, so 1/40 of "
        "the range is 0.25 points; every such session is one event. It makes no repair call.",
        "",
        *criteria(pooled, per_seed), "",
        "## Planted ruptures at least 2 within-client SD deep", "", *table(pooled, "deep"), "",
        "## All planted ruptures", "", *table(pooled, "all"), "",
        "## Sensitivity of the repair call (clinic default, ruptures >= 2 SD)", "",
        "Only the repair settings change; the rules are the default's.", "",
        *table(pooled, "deep", variants=True), "",
        *sensitivity_table(found, args.sensitivity_seeds), "",
        *what_limits(facts, found),
    ]
    return "\n".join(lines) + "\n"


def what_limits(facts: dict, found: dict) -> list[str]:
    return [
        "## What limits the figures", "",
        f"Averaged over the clinics: {facts['sessions']:.0f} sessions of {facts['clients']:.0f} "
        f"clients, {facts['ruptures']:.0f} planted ruptures, {facts['deep']:.0f} of them at least "
        f"2 SD deep and fully seen; {facts['perfect_sessions']:.0%} of sessions score a perfect "
        "10.", "",
        f"- Ruptures start in {facts['onset_rate']:.1%} of sessions. Among clients with no planted "
        f"rupture the k=2 v-episode rule alone opens an event in {facts['calm_v2_rate']:.1%} of "
        f"sessions, a third of the rupture rate; the clinic default, which needs the client's "
        f"report and a drop or else a 3-SD drop, opens one in {facts['calm_alarm_rate']:.1%}.",
        f"- Clients say something felt off in {facts['report_rate']:.0%} of all sessions and in "
        f"{facts['calm_report_rate']:.0%} of the sessions of clients with no rupture "
        f"({facts['calm_clear_rate']:.1%} 'yes, clearly'). At the lowest session of a deep "
        f"rupture {facts['deep_reported']:.0%} report ({facts['deep_clear']:.0%} clearly). "
        "The reports of tension follow the client's ordinary dips too, so a report "
        "with a dip is not proof of a rupture: these coincidences are most of the remaining "
        "false alarms.",
        f"- The detector's pooled SD of the check-in total is {facts['pooled_sd']:.2f}, against a "
        f"rupture-free {facts['unit_floor']:.2f} in the truth: the ruptures themselves (and the "
        "slow fading of unrepaired ones) widen the SD the detector must estimate from the same "
        "data, so a rupture planted 2 SD deep sits about "
        f"{2 * facts['unit_floor'] / facts['pooled_sd']:.1f} SD_ref below the baseline on average, "
        "before the noise of the session itself. That costs recall on ruptures between 2 and 3 "
        "SD.",
        _reach(found),
    ]


def _reach(found: dict) -> str:
    reached = [name for name, r in found.items() if r["default"]["f1"] >= F1_TARGET]
    if not reached:
        return (f"- No simulator variant in the sensitivity table brings the default to an F1 of "
                f"{F1_TARGET}.")
    return (f"- Of the simulator variants, only these bring the default to an F1 of {F1_TARGET}: "
            f"{'; '.join(reached)}. The simulated clinic keeps reports of tension tied to the "
            "client's ordinary dips (half as strongly as to a rupture), because a client who has "
            "a worse session than usual is likelier to say something felt a little off; a "
            "clinic whose clients answer item 8 only for real ruptures would see figures nearer "
            "to those.")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    parser.add_argument("--sensitivity-seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--clients", type=int, default=600)
    parser.add_argument("--out", default=str(Path(__file__).parent.parent / "docs" /
                                             "ruptures-validation.md"))
    args = parser.parse_args(argv)
    started = time.perf_counter()
    pooled, per_seed, facts = run(args.seeds, args.clients)
    found = sensitivity(args.sensitivity_seeds, args.clients)
    text = report(pooled, per_seed, facts, found, args, time.perf_counter() - started)
    Path(args.out).write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
