"""What the validation scripts that write a doc share: the --seeds, --clients and --out options,
the timing, the line saying which script wrote the doc, and the writing."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def written_by(script: str, args: argparse.Namespace, seconds: float) -> str:
    """The doc's provenance line: script, seeds, clients and how long the run took."""
    return (
        f"Written by `scripts/{script}` (seeds {', '.join(map(str, args.seeds))}; "
        f"{args.clients} clients each; {seconds:.0f} s). Do not edit by hand."
    )


def write_doc(
    argv: list[str],
    *,
    description: str,
    seeds: list[int],
    out: str,
    run: Callable[[list[int], int], Any],
    report: Callable[[Any, argparse.Namespace, float], str],
) -> int:
    """Parse the options, run the validation, and write its report to --out."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--seeds", type=int, nargs="+", default=seeds)
    parser.add_argument("--clients", type=int, default=600)
    parser.add_argument("--out", default=out)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    results = run(args.seeds, args.clients)
    Path(args.out).write_text(report(results, args, time.perf_counter() - start) + "\n")
    print(f"wrote {args.out}")
    return 0
