"""`alliance analyze --format json` prints byte for byte what `print_json(as_contract(...))`
printed before the JSON came to be written column by column: the dict-by-dict printing is the
reference, on seeded clinics and on values chosen to be hard (ties at the fourth decimal, whole
floats, signed zeros, text that needs escaping)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from alliance.cli import _analyze_json, main
from alliance.cli._analyze_json import column_text, contract_json, float_text
from alliance.cli._output import plain
from alliance.cli.analyze import as_contract
from alliance.simulate import simulate_clinic


def reference(values) -> list[str]:
    return [json.dumps(plain(v), ensure_ascii=False) for v in values]


def hard_floats(seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    ties = (rng.integers(-(10**6), 10**6, 2_000) + 0.5) / 1e4
    near_ties = np.concatenate([np.nextafter(ties, np.inf), np.nextafter(ties, -np.inf)])
    scales = rng.normal(0, 1, 20_000) * 10.0 ** rng.integers(-8, 13, 20_000)
    special = [0.0, -0.0, 1e-5, -1e-5, 5e-5, -5e-5, 2.99999, -2.99999, 1 / 32, 1e11, -1e11]
    special += [np.nextafter(1e11, 0), 1e15, 1e16, 1e20, -1e22, np.inf, -np.inf, np.nan, 7.0]
    special += [2.0**53, -(2.0**62), 123456.78905, 0.1, 0.30000000000000004, 1e-4, 9.99995]
    whole = rng.integers(-1000, 1000, 1_000).astype(float)
    return np.concatenate([ties, near_ties, scales, special, whole, rng.normal(10, 5, 5_000)])


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_floats_are_written_as_plain_and_json_wrote_them(seed):
    values = hard_floats(seed)
    assert float_text(values).to_pylist() == reference(values.tolist())


def test_text_integers_and_missing_values_are_written_as_before():
    columns = {
        "text": pd.Series(
            ['a"b', "back\\slash", "tab\there", "line\nbreak", "é ü 中", "\x01", "a"]
        ),
        "missing": pd.Series(["x", None, "y", None, "x", "z", None], dtype="str"),
        "object": pd.Series([1, "one", None, 2.5, np.nan, True, 3.0], dtype=object),
        "int": pd.Series([1, -2, 3, 0, 10**12, 7, 8]),
        "flag": pd.Series([True, False, True, True, False, False, True]),
    }
    for name, column in columns.items():
        assert column_text(column).to_pylist() == reference(column.tolist()), name


def printed_before(head: dict, records: pd.DataFrame) -> str:
    return json.dumps(
        plain({**head, "clients": records.to_dict("records")}), indent=2, ensure_ascii=False
    )


def test_the_whole_text_is_that_of_the_indenting_encoder_across_chunks(monkeypatch):
    monkeypatch.setattr(_analyze_json, "RECORDS_PER_CHUNK", 7)
    rng = np.random.default_rng(5)
    records = pd.DataFrame(
        {
            "client_id": [f"c{i}" for i in range(30)],
            "session": rng.integers(1, 20, 30),
            "expected": rng.normal(10, 4, 30),
            "category": pd.Series(rng.choice(["improved", None], 30), dtype="str"),
        }
    )
    head = {"alliance_outcome": {"within": {"estimate": -0.123456, "ci_low": np.nan}, "n": 3}}
    for rows in (records, records.iloc[:7], records.iloc[:1], records.iloc[:0]):
        assert "".join(contract_json(head, "clients", rows)) == printed_before(head, rows)
    nothing = {"alliance_outcome": None}
    assert "".join(contract_json(nothing, "clients", records)) == printed_before(nothing, records)


def test_the_command_prints_what_print_json_of_the_contract_printed(tmp_path, monkeypatch):
    """The command's placements and model, caught on their way to the printer, printed the
    old way, against what the command printed."""
    monkeypatch.setattr(_analyze_json, "RECORDS_PER_CHUNK", 50)
    path = tmp_path / "sessions.csv"
    simulate_clinic(n_clients=180, seed=11).sessions.to_csv(path, index=False)
    caught = {}
    from alliance.cli import analyze

    real = analyze._print_contract

    def catch(placements, model):
        caught["text"] = json.dumps(plain(as_contract(placements, model)), indent=2) + "\n"
        real(placements, model)

    monkeypatch.setattr(analyze, "_print_contract", catch)
    result = CliRunner().invoke(main, ["analyze", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.stdout == caught["text"]
    assert len(json.loads(result.stdout)["clients"]) == 180
