"""Run one command, print its peak resident memory in bytes: python -m benchmarks._peak ARGV."""

from __future__ import annotations

import resource
import subprocess
import sys

if __name__ == "__main__":
    subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)  # Linux reports KiB
