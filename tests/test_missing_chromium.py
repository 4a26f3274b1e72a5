"""Without Chromium, a run that selects the browser tests stops in one line saying what is missing
and how to get it, and fails (a missing browser is never a skip, so CI cannot pass without one)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BROWSER_TEST = "tests/web/browser/test_urgent_alert.py"


def _pytest(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "ALLIANCE_TEST_CHROMIUM": "/nowhere/chromium"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)


@pytest.mark.slow  # a whole process or many generated cases; `make test` runs it
def test_browser_tests_without_chromium_fail_in_one_line_naming_the_fix():
    run = _pytest(BROWSER_TEST)
    assert run.returncode != 0
    lines = [line for line in run.stdout.splitlines() if "Chromium" in line]
    assert len(lines) == 1, run.stdout
    assert "/nowhere/chromium" in lines[0] and "apt install chromium" in lines[0]
    assert "ALLIANCE_TEST_CHROMIUM" in lines[0] and "make test-fast" in lines[0]
    assert "Traceback" not in run.stdout + run.stderr
