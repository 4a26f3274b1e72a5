"""Validate the rupture rules on synthetic clinics with planted ruptures; write the report.

Usage: python scripts/validate_ruptures.py [--seeds 1 2 3 4 5] [--held-out-seeds 11 ... 20]
       [--clients 600] [--out FILE.md]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from alliance.analysis.ruptures import (
    CLINIC_DEFAULT,
    TOTAL_ONLY_DEFAULT,
    BaselineConfig,
    BelowFlag,
    ClientReported,
    ConvergingSigns,
    DimensionDrop,
    RepairConfig,
    RuptureDetector,
    SuddenLoss,
    TherapistGap,
    VEpisode,
)
from alliance.analysis.ruptures.baseline import pooled_within_sd
from alliance.analysis.ruptures.context import Context
from alliance.analysis.ruptures.detector import needed_columns
from alliance.analysis.ruptures.signs import evidence_of
from alliance.analysis.ruptures.table import check_sessions
from alliance.analysis.ruptures.validation import (
    fully_seen,
    pooled_counts,
    scores,
    simple_drop_events,
)
from alliance.measures import get_instrument
from alliance.simulate import simulate_clinic

F1_TARGET, REPAIR_TARGET = 0.85, 0.90
DEFAULT = "clinic default"
PREVIOUS = (
    "previous default (v-episode k=3, client-reported faint with a 2-SD / clear with a "
    "1-SD drop, dimension-drop with a report)"
)
PREVIOUS_RULES = [
    VEpisode(k=3.0),
    *TOTAL_ONLY_DEFAULT[1:],
    DimensionDrop(k=2.0, hold_k=1.0, report_level=1),
]
SIMPLE = "simple drop rule (>= 0.25 of 10, i.e. 1 of 40, since last session)"


def signs_ladder(alone: float, faint: float, clear: float) -> list:
    return [
        ClientReported(
            min_level=1, corroborate_k=faint, alone_level=2, clear_k=clear, corroborate_with="signs"
        ),
        ConvergingSigns(k=alone),
    ]


DETECTORS = {
    "v-episode (k=2, Stiles)": [VEpisode(k=2.0)],
    "v-episode (k=1, Strauss)": [VEpisode(k=1.0)],
    "v-episode (k=3)": [VEpisode(k=3.0)],
    "sudden-loss": [SuddenLoss()],
    "below-flag": [BelowFlag()],
    "client-reported (any report)": [ClientReported()],
    "client-reported (faint with a 2-SD, clear with a 1-SD drop)": [TOTAL_ONLY_DEFAULT[1]],
    "client-reported (default part: faint with 3 SD, clear with 2 SD of evidence)": [
        CLINIC_DEFAULT[0]
    ],
    "converging-signs (default part: 4 SD of evidence, no report)": [CLINIC_DEFAULT[1]],
    "therapist-gap": [TherapistGap()],
    "dimension-drop (alone)": [DimensionDrop()],
    "dimension-drop (with a report)": [DimensionDrop(k=2.0, hold_k=1.0, report_level=1)],
    "first default (v-episode k=2 + dimension-drop + client-reported, faint with 1 SD)": [
        VEpisode(k=2.0),
        DimensionDrop(),
        ClientReported(corroborate_k=1.0),
    ],
    PREVIOUS: PREVIOUS_RULES,
    "default's evidence thresholds one SD lower (3 alone, 2 faint, 1 clear)": signs_ladder(3, 2, 1),
    "default's evidence thresholds one SD higher (5 alone, 4 faint, 3 clear)": signs_ladder(
        5, 4, 3
    ),
    DEFAULT: None,
}
# The default and the previous default on tables that lack some of the columns
COLUMN_VARIANTS = {
    "all columns": (),
    "no therapist ratings": ("therapist_alliance",),
    "no dimensions": ("goal", "task", "bond"),
    "total and reports only (the total-only default)": (
        "goal",
        "task",
        "bond",
        "therapist_alliance",
    ),
    "no reports (item 8 not asked)": ("rupture_reported",),
}
REPAIR_VARIANTS = {
    "default (level of the 4 sessions before the onset, 0.25 SD_ref short of it, window from "
    "the V's low)": RepairConfig(),
    "earlier setting (the baseline, 0.5 SD_ref short of it, lowest within 6 sessions)": (
        RepairConfig(level="baseline", tolerance_share=0.5, max_decline=6)
    ),
    "level: the baseline (every earlier session)": RepairConfig(level="baseline"),
    "level of the 2 sessions before the onset": RepairConfig(recent=2),
    "level of the 6 sessions before the onset": RepairConfig(recent=6),
    "0.5 SD_ref short of the level": RepairConfig(tolerance_share=0.5),
    "lowest sought within 6 sessions": RepairConfig(max_decline=6),
    "tolerance 1.0 SD_ref": RepairConfig(tolerance_sd=1.0),
    "return must hold one more session": RepairConfig(hold=1),
    "window 2 sessions": RepairConfig(window=2),
}
SIMULATOR_VARIANTS = {
    "as simulated (defaults)": {},
    "clients report half as readily (client_report_per_sd 0.5)": {"client_report_per_sd": 0.5},
    "clients report twice as readily (client_report_per_sd 2.0)": {"client_report_per_sd": 2.0},
    "reports ignore ordinary dips (client_dip_report_weight 0)": {"client_dip_report_weight": 0.0},
    "reports follow ordinary dips as much as ruptures (weight 1.0)": {
        "client_dip_report_weight": 1.0
    },
    "fewer tension reports (client_tension_report_prob 0.06)": {"client_tension_report_prob": 0.06},
    "unrepaired drops never fade (unrepaired_recovery 0)": {"unrepaired_recovery": 0.0},
    "unrepaired drops fade fast (unrepaired_recovery 0.3)": {"unrepaired_recovery": 0.3},
    "ruptures spread over the dimensions more (rupture_spillover 0.7)": {"rupture_spillover": 0.7},
    "ruptures hit every dimension alike (rupture_spillover 1.0)": {"rupture_spillover": 1.0},
    "therapists notice twice as many ruptures (therapist_notice_prob 0.7)": {
        "therapist_notice_prob": 0.7
    },
    "therapists see half of an unnoticed fall (therapist_unnoticed_drop_share 0.5)": {
        "therapist_unnoticed_drop_share": 0.5
    },
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
    found = {
        name: detector(rules).fit(clinic.sessions).events_ for name, rules in DETECTORS.items()
    }
    found[SIMPLE] = simple_drop_events(clinic.sessions)
    for name, repair in REPAIR_VARIANTS.items():
        found[f"repair: {name}"] = detector(None, repair).fit(clinic.sessions).events_
    return {
        name: {subset: scores(events, clinic.ruptures, keep=masks[subset]) for subset in SUBSETS}
        for name, events in found.items()
    }


def default_scores(clinic) -> dict:
    """The clinic default, the previous default and the simple rule on the deep ruptures of one
    clinic."""
    keep = subsets(clinic)["deep"]
    found = {
        "default": RuptureDetector().fit(clinic.sessions).events_,
        "previous": RuptureDetector(PREVIOUS_RULES).fit(clinic.sessions).events_,
        "simple": simple_drop_events(clinic.sessions),
    }
    return {key: scores(events, clinic.ruptures, keep=keep) for key, events in found.items()}


def column_scores(clinic) -> dict[str, dict]:
    """The default and the previous default on the deep ruptures, per set of missing columns."""
    keep = subsets(clinic)["deep"]
    found = {}
    for name, missing in COLUMN_VARIANTS.items():
        table = clinic.sessions.drop(columns=list(missing))
        previous = [r for r in PREVIOUS_RULES if all(c in table for c in needed_columns(r))]
        found[name] = {
            key: scores(d.fit(table).events_, clinic.ruptures, keep=keep)
            for key, d in (("default", RuptureDetector()), ("previous", RuptureDetector(previous)))
        }
    return found


def describe_clinic(clinic) -> dict[str, float]:
    """Facts about the planted ruptures that bound what any detector can find."""
    truth, sessions = clinic.ruptures, clinic.sessions
    checked = check_sessions(sessions)
    deep = truth[subsets(clinic)["deep"]]
    at_lowest = sessions.set_index(["client_id", "session"])["rupture_reported"].reindex(
        list(zip(deep["client_id"], deep["lowest_session"], strict=True))
    )
    calm = sessions[~sessions["client_id"].isin(truth["client_id"])]
    return {
        "ruptures": len(truth),
        "deep": len(deep),
        "sessions": len(sessions),
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
        **_sign_rates(clinic, deep),
    }


def _sign_rates(clinic, deep) -> dict[str, float]:
    """How often the dimension and therapist signs reach 2 SD_ref at the lowest session of deep
    ruptures, and in the reported sessions with a 1-SD fall of clients with no rupture."""
    context = Context(
        check_sessions(clinic.sessions), BaselineConfig(), get_instrument("alliance-checkin")
    )
    found, frame = evidence_of(context), context.sessions.frame
    rows = pd.MultiIndex.from_frame(frame[["client_id", "session"]]).get_indexer(
        pd.MultiIndex.from_arrays([deep["client_id"], deep["lowest_session"]])
    )
    with np.errstate(invalid="ignore"):
        calm = (
            ~frame["client_id"].isin(clinic.ruptures["client_id"]).to_numpy()
            & (frame["rupture_reported"].to_numpy() > 0)
            & (found.drop >= 1)
        )
        return {
            "deep_dimension": float(np.mean(found.dimension[rows] >= 2)),
            "deep_therapist": float(np.mean(found.therapist[rows] >= 2)),
            "calm_dimension": float(np.mean(found.dimension[calm] >= 2)),
            "calm_therapist": float(np.mean(found.therapist[calm] >= 2)),
        }


def _alarm_rate(calm, rules) -> float:
    """Events per session among clients with no planted rupture."""
    return len(RuptureDetector(rules).fit(calm).events_) / max(len(calm), 1)


def run(seeds: list[int], n_clients: int) -> dict:
    per_seed, facts, columns = [], [], []
    for seed in seeds:
        clinic = simulate_clinic(n_clients=n_clients, seed=seed)
        per_seed.append(evaluate(clinic))
        facts.append(describe_clinic(clinic))
        columns.append(column_scores(clinic))
    pooled = {
        name: {subset: pooled_counts([r[name][subset] for r in per_seed]) for subset in SUBSETS}
        for name in per_seed[0]
    }
    by_columns = {
        name: {
            key: pooled_counts([c[name][key] for c in columns]) for key in ("default", "previous")
        }
        for name in COLUMN_VARIANTS
    }
    return {
        "pooled": pooled,
        "per_seed": per_seed,
        "columns": by_columns,
        "facts": {k: float(np.mean([f[k] for f in facts])) for k in facts[0]},
    }


def held_out(seeds: list[int], n_clients: int) -> dict:
    """The defaults and the simple rule on further clinics, kept apart as a check."""
    runs = [default_scores(simulate_clinic(n_clients=n_clients, seed=seed)) for seed in seeds]
    return {
        key: {"pooled": pooled_counts([r[key] for r in runs]), "f1s": [r[key]["f1"] for r in runs]}
        for key in ("default", "previous", "simple")
    }


def sensitivity(seeds: list[int], n_clients: int) -> dict[str, dict]:
    """The defaults and the simple rule on deep ruptures when one simulator setting changes."""
    found = {}
    for name, overrides in SIMULATOR_VARIANTS.items():
        runs = [
            default_scores(simulate_clinic(n_clients=n_clients, seed=seed, **overrides))
            for seed in seeds
        ]
        found[name] = {
            key: pooled_counts([r[key] for r in runs]) for key in ("default", "previous", "simple")
        }
    return found


def _fmt(value: float) -> str:
    return "n/a" if value != value else f"{value:.2f}"


def _row(name: str, r: dict, repair: bool = True) -> str:
    calls = f"{_fmt(r['repair_right'])} ({r['repair_known']})" if repair else "n/a"
    return (
        f"| {name} | {r['events']} | {r['ruptures']} | {r['hits']} | {_fmt(r['precision'])} "
        f"| {_fmt(r['recall'])} | {_fmt(r['f1'])} | {calls} |"
    )


HEADER = [
    "| rule | events | ruptures | found | precision | recall | F1 | repair calls right (n) |",
    "|---|---|---|---|---|---|---|---|",
]


def table(pooled: dict, subset: str, *, variants: bool = False) -> list[str]:
    return HEADER + [
        _row(name, result[subset], name != SIMPLE)
        for name, result in pooled.items()
        if name.startswith("repair: ") == variants
    ]


def verdict(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def criteria(pooled: dict, per_seed: list[dict], held: dict, held_seeds: list[int]) -> list[str]:
    deep = pooled[DEFAULT]["deep"]
    f1s = [r[DEFAULT]["deep"]["f1"] for r in per_seed]
    simple = [r[SIMPLE]["deep"]["f1"] for r in per_seed]
    beats = all(d > s for d, s in zip(f1s, simple, strict=True))
    kept = held["default"]["pooled"]
    return [
        "## The clinic default against the done criteria",
        "",
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
        f"- Held out: on {len(held_seeds)} further clinics kept apart as a check (seeds "
        f"{', '.join(map(str, held_seeds))}) the default reaches F1 {_fmt(kept['f1'])} (precision "
        f"{_fmt(kept['precision'])}, recall {_fmt(kept['recall'])}; per clinic "
        f"{_fmt(min(held['default']['f1s']))}-{_fmt(max(held['default']['f1s']))}) with "
        f"{_fmt(kept['repair_right'])} of {kept['repair_known']} repair calls right; the previous "
        f"default {_fmt(held['previous']['pooled']['f1'])}, the simple rule "
        f"{_fmt(held['simple']['pooled']['f1'])}.",
    ]


def columns_table(columns: dict) -> list[str]:
    lines = [
        "## Tables with fewer columns (ruptures >= 2 SD)",
        "",
        "The default reads what the table has: without dimensions and therapist ratings it falls "
        "back to the total-only default; without reports only `converging-signs` runs. The "
        "previous default runs the parts it has columns for.",
        "",
        "| table | precision | recall | F1 | repair calls right | previous default F1 |",
        "|---|---|---|---|---|---|",
    ]
    for name, result in columns.items():
        d, p = result["default"], result["previous"]
        lines.append(
            f"| {name} | {_fmt(d['precision'])} | {_fmt(d['recall'])} | {_fmt(d['f1'])} "
            f"| {_fmt(d['repair_right'])} | {_fmt(p['f1'])} |"
        )
    return lines


def sensitivity_table(found: dict, seeds: list[int]) -> list[str]:
    lines = [
        "## How much the result depends on the simulator's choices",
        "",
        f"The clinic default on ruptures >= 2 SD when one simulator setting changes (seeds "
        f"{', '.join(map(str, seeds))}). The report settings, how far a rupture spreads over the "
        "dimensions and how much of it the therapist sees are design choices, not figures from "
        "the literature (docs/simulation.md).",
        "",
        "| simulator | precision | recall | F1 | repair calls right | previous default F1 "
        "| simple rule F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, result in found.items():
        d, p, s = result["default"], result["previous"], result["simple"]
        lines.append(
            f"| {name} | {_fmt(d['precision'])} | {_fmt(d['recall'])} | {_fmt(d['f1'])} "
            f"| {_fmt(d['repair_right'])} | {_fmt(p['f1'])} | {_fmt(s['f1'])} |"
        )
    return lines


def report(results: dict, held: dict, found: dict, args, seconds: float) -> str:
    pooled, per_seed, facts = results["pooled"], results["per_seed"], results["facts"]
    lines = [
        "# Rupture detection: validation on the synthetic clinic",
        "",
        f"Generated by `python scripts/validate_ruptures.py` ({len(args.seeds)} clinics of "
        f"{args.clients} clients, seeds {', '.join(map(str, args.seeds))}, and "
        f"{len(args.held_out_seeds)} held-out clinics; {seconds:.0f} s). "
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
        *criteria(pooled, per_seed, held, args.held_out_seeds),
        "",
        "## Planted ruptures at least 2 within-client SD deep",
        "",
        *table(pooled, "deep"),
        "",
        "## All planted ruptures",
        "",
        *table(pooled, "all"),
        "",
        "## Repair call",
        "",
        "The repair settings were chosen on these clinics and only here. A first pass over "
        "seeds 1-5 re-judged the default's events under every combination of the level a "
        "return is judged against (the baseline of every earlier session, or the mean of the "
        "last 4 sessions before the onset), how far short of it a return may stay (0.25, 0.5 or "
        "0.75 SD_ref), whether one session or the mean of two must get there, which SD_ref "
        "(the detector's, the client's own, or its successive differences) and where the "
        "window starts (the lowest within 6 sessions, or the V's low: the onset or the next "
        "session); the chosen combination was the best (0.91 of the calls right, against 0.88 "
        "for the earlier setting). The table gives the exact figures of the chosen setting and "
        "its neighbours: here they differ by about 0.01, as this clinic has no steady decliners "
        "and Gaussian noise. Which settings the grid held was suggested by why the calls failed "
        "on the second family (a decliner's mean of every earlier session sits above its "
        "course, and the lowest session drifts late in a long low; "
        "[independent check](ruptures-independent.md)); its figures were not used to choose "
        "among them. Clinic default, ruptures >= 2 SD; "
        "only the repair settings change, the rules are the default's.",
        "",
        *table(pooled, "deep", variants=True),
        "",
        *columns_table(results["columns"]),
        "",
        *sensitivity_table(found, args.sensitivity_seeds),
        "",
        *what_limits(facts, found),
    ]
    return "\n".join(lines) + "\n"


def what_limits(facts: dict, found: dict) -> list[str]:
    return [
        "## What limits the figures",
        "",
        f"Averaged over the clinics: {facts['sessions']:.0f} sessions of {facts['clients']:.0f} "
        f"clients, {facts['ruptures']:.0f} planted ruptures, {facts['deep']:.0f} of them at least "
        f"2 SD deep and fully seen; {facts['perfect_sessions']:.0%} of sessions score a perfect "
        "10.",
        "",
        f"- Ruptures start in {facts['onset_rate']:.1%} of sessions. Among clients with no planted "
        f"rupture the k=2 v-episode rule alone opens an event in {facts['calm_v2_rate']:.1%} of "
        f"sessions, a third of the rupture rate; the clinic default, which needs the client's "
        f"report and 3 SD (faint) or 2 SD (clear) of evidence, or else 4 SD, opens one in "
        f"{facts['calm_alarm_rate']:.1%}.",
        f"- Clients say something felt off in {facts['report_rate']:.0%} of all sessions and in "
        f"{facts['calm_report_rate']:.0%} of the sessions of clients with no rupture "
        f"({facts['calm_clear_rate']:.1%} 'yes, clearly'). At the lowest session of a deep "
        f"rupture {facts['deep_reported']:.0%} report ({facts['deep_clear']:.0%} clearly). "
        "The reports of tension follow the client's ordinary dips too, so a report "
        "with a dip is not proof of a rupture; this is what the previous default stumbled on.",
        f"- What separates the two: at the lowest session of a deep rupture one dimension has "
        f"fallen at least 2 SD_ref beyond the other two in {facts['deep_dimension']:.0%} of cases "
        f"and the therapist's rating has stayed at least 2 SD_ref further above the client's than "
        f"usual in {facts['deep_therapist']:.0%}; in the sessions of clients with no rupture that "
        f"report and fall at least 1 SD_ref, {facts['calm_dimension']:.0%} and "
        f"{facts['calm_therapist']:.0%}. The remaining false alarms are mostly sessions where a "
        "report, a dip and a chance difference between the dimensions or the two raters "
        "coincide, and onsets two or more sessions from a planted one.",
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
    short = {name: r for name, r in found.items() if r["default"]["f1"] < F1_TARGET}
    if not short:
        return (
            f"- Every simulator variant in the sensitivity table keeps the default at an F1 "
            f"of {F1_TARGET} or more."
        )
    listed = "; ".join(f"{name} ({_fmt(r['default']['f1'])})" for name, r in short.items())
    worse = all(r["previous"]["f1"] <= r["default"]["f1"] for r in short.values())
    return (
        f"- The default stays under an F1 of {F1_TARGET} in these simulator variants: "
        f"{listed}; the previous default falls {'as far or further' if worse else 'too'} in "
        "each. The default leans on what the simulator plants: that clients report a rupture "
        "more readily than an ordinary dip, that a rupture strains one dimension more than "
        "the others, and that the therapist misses most of an unnoticed fall. Where ruptures "
        "hit every dimension alike, the therapist's sign alone is left beside the drop."
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    parser.add_argument("--sensitivity-seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--held-out-seeds", type=int, nargs="+", default=list(range(11, 21)))
    parser.add_argument("--clients", type=int, default=600)
    parser.add_argument(
        "--out", default=str(Path(__file__).parent.parent / "docs" / "ruptures-validation.md")
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    results = run(args.seeds, args.clients)
    held = held_out(args.held_out_seeds, args.clients)
    found = sensitivity(args.sensitivity_seeds, args.clients)
    text = report(results, held, found, args, time.perf_counter() - started)
    Path(args.out).write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
