"""docs/simulation.md documents every ClinicConfig parameter with its default."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from alliance.simulate import ClinicConfig

DOC = Path(__file__).parents[2] / "docs" / "simulation.md"


def test_every_parameter_is_documented_with_its_default():
    rows = {
        line.split("|")[1].strip(): line.split("|")[2].strip()
        for line in DOC.read_text(encoding="utf-8").splitlines()
        if line.startswith("| `")
    }
    for field in dataclasses.fields(ClinicConfig):
        assert f"`{field.name}`" in rows, f"{field.name} is not documented"
        assert rows[f"`{field.name}`"] == str(field.default), field.name
