"""Run every benchmark, or the ones named: python -m benchmarks [scoring ruptures ...]."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main(names: list[str]) -> int:
    modules = pkgutil.iter_modules([str(Path(__file__).parent)])
    found = sorted(m.name[len("bench_") :] for m in modules if m.name.startswith("bench_"))
    chosen = names or found
    unknown = [name for name in chosen if name not in found]
    if unknown:
        print(
            f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(found)}",
            file=sys.stderr,
        )
        return 2
    failed = 0
    for name in chosen:
        print(f"== {name} ==", flush=True)
        module = importlib.import_module(f"benchmarks.bench_{name}")
        failed += 0 if module.run() else 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
