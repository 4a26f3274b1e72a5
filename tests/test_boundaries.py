"""The science packages stay pure (they never import Django or the web layer), and the clinic's
base app never imports a feature app."""

import subprocess
import sys
from pathlib import Path

import pytest

PURE = ["alliance.measures", "alliance.analysis", "alliance.simulate", "alliance.interop"]
ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("package", PURE)
def test_importing_a_science_package_loads_no_django(package):
    code = (
        "import importlib, pkgutil, sys\n"
        f"root = importlib.import_module({package!r})\n"
        "for m in pkgutil.walk_packages(root.__path__, root.__name__ + '.'):\n"
        "    importlib.import_module(m.name)\n"
        "web = ('django.', 'alliance.web')\n"
        "leaked = sorted(n for n in sys.modules if n == 'django' or n.startswith(web))\n"
        "print(','.join(leaked))\n"
    )
    run = [sys.executable, "-c", code]
    result = subprocess.run(run, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_the_import_contract_is_kept():
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(linter)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "The clinic's base app imports no feature app KEPT" in result.stdout
    assert " 0 broken" in result.stdout
