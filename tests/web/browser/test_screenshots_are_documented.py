"""Every screenshot the browser tests save is listed in the testing docs."""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTING_DOCS = HERE.parents[2] / "docs" / "testing.md"


def test_every_saved_screenshot_is_described_in_the_docs():
    names = {
        name
        for test in HERE.glob("test_*.py")
        for name in re.findall(r'screenshots / "([\w.-]+\.png)"', test.read_text())
    }
    documented = TESTING_DOCS.read_text()
    assert len(names) >= 4
    assert [name for name in sorted(names) if f"`{name}`" not in documented] == []
