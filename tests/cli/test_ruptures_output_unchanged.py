"""`alliance ruptures` prints byte for byte what it printed before it was sped up, on seeded
clinics: the record-by-record printing it replaced is kept here as the reference, and the events
found on text (as a CSV gives them) are those found on the numbers pandas parsed."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from click.testing import CliRunner

from alliance.analysis.ruptures import RuptureDetector
from alliance.cli import main
from alliance.cli._output import plain
from alliance.cli.ruptures import EVENT_KEYS
from alliance.interop.sources import read_table
from alliance.simulate import simulate_clinic

NUMBER_COLUMNS = ["session", "alliance", "goal", "task", "bond", "therapist_alliance"]
NUMBER_COLUMNS += ["rupture_reported"]


def record_by_record(events: pd.DataFrame) -> list[dict]:
    """The records as the command built them before: one dict per event row."""

    def rounded(value):
        return None if pd.isna(value) else round(float(value), 2)

    return [
        {
            "client_id": str(row["client_id"]),
            "onset_session": int(row["onset_session"]),
            "lowest_session": int(row["lowest_session"]),
            "depth": rounded(row["depth"]),
            "depth_sd": rounded(row["depth_sd"]),
            "dimensions": list(row["dimensions"]),
            "rule": row["rule"],
            "repaired": row["repaired"],
            "repair_session": None if row["repaired"] is not True else int(row["repair_session"]),
        }
        for row in events.to_dict("records")
    ]


def flat(records: list[dict]) -> pd.DataFrame:
    rows = [{**record, "dimensions": ";".join(record["dimensions"])} for record in records]
    frame = pd.DataFrame(rows, columns=EVENT_KEYS)
    return frame.astype({"repair_session": "Int64", "repaired": object})


def printed_before(records: list[dict], fmt: str, applied: str) -> str:
    if fmt == "json":
        return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        flat([plain(record) for record in records]).to_csv(buffer, index=False)
        return buffer.getvalue()
    table = flat(records).to_string(index=False) if records else "no ruptures found"
    return f"{applied}\n{table}\n"


@pytest.fixture(scope="module")
def clinic_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("clinic")
    paths = {}
    for seed in (1, 2):
        clinic = simulate_clinic(n_clients=120, seed=seed)
        for name in ("sessions", "answers"):
            paths[f"{name}-{seed}"] = folder / f"{name}-{seed}.csv"
            getattr(clinic, name).to_csv(paths[f"{name}-{seed}"], index=False)
        scores_only = clinic.sessions[["client_id", "session", "alliance"]]
        paths[f"scores-{seed}"] = folder / f"scores-{seed}.csv"
        scores_only.to_csv(paths[f"scores-{seed}"], index=False)
    return paths


def detector_for(args: list[str]) -> RuptureDetector:
    if "--rule" in args:
        return RuptureDetector(["v-episode", "sudden-loss"])
    return RuptureDetector(combine="--separate" not in args)


@pytest.mark.parametrize("name", ["sessions-1", "answers-1", "sessions-2", "scores-2"])
@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
@pytest.mark.parametrize(
    "args", [[], ["--separate"], ["--rule", "v-episode", "--rule", "sudden-loss"]]
)
def test_each_format_prints_what_the_record_printing_gave(clinic_files, name, fmt, args):
    path = str(clinic_files[name])
    result = CliRunner().invoke(main, ["ruptures", path, *args, "--format", fmt])
    assert result.exit_code == 0, result.output
    detector = detector_for(args).fit(read_table(path))
    assert len(detector.events_) > 0
    found = len(detector.events_)
    applied = f"ruptures: {detector.applied}; {found} event{'s' if found > 1 else ''} found"
    assert result.stdout == printed_before(record_by_record(detector.events_), fmt, applied)


def test_an_empty_result_prints_as_before(tmp_path):
    path = tmp_path / "steady.csv"
    rows = [f"c1,{n},8" for n in range(1, 8)]
    path.write_text("client_id,session,alliance\n" + "\n".join(rows) + "\n")
    for fmt in ("csv", "json"):
        result = CliRunner().invoke(main, ["ruptures", str(path), "--format", fmt])
        assert result.exit_code == 0, result.output
        assert result.stdout == printed_before([], fmt, "")


@pytest.mark.parametrize("name", ["sessions-1", "sessions-2", "scores-1"])
def test_events_found_on_text_are_those_found_on_pandas_numbers(clinic_files, name):
    text = read_table(clinic_files[name])
    numbers = text.copy()
    for column in [c for c in NUMBER_COLUMNS if c in numbers]:
        numbers[column] = pd.to_numeric(numbers[column])
    for combine in (True, False):
        from_text = RuptureDetector(combine=combine).fit(text).events_
        from_numbers = RuptureDetector(combine=combine).fit(numbers).events_
        assert repr(from_text.to_dict("list")) == repr(from_numbers.to_dict("list"))
