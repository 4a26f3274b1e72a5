"""A broken instrument file is refused with every problem named: the file, the field, the fault."""

from __future__ import annotations

import pytest

from alliance.measures import InstrumentFileError, load_instrument_file

VALID = """
id = "tiny"
version = "1"
title = "A tiny test instrument"
respondent = "client"
kind = "alliance"
wording = "own"
licence = "test"
source = "test"
higher_is_better = true
band_scale = "total"
options = [{ value = 0, label = "no" }, { value = 1, label = "some" }, { value = 2, label = "yes" }]

[[items]]
id = "1"
dimension = "goal"
label = "Goal"

[[items]]
id = "2"
dimension = "task"
label = "Task"

[[items]]
id = "3"
dimension = "bond"
label = "Bond"

[[scales]]
id = "total"
label = "Total"
items = ["1", "2", "3"]
method = "sum"

[[bands]]
name = "low"
min = 0
max = 2

[[bands]]
name = "high"
min = 3
max = 6

[codes]
items = { "1" = "X-1" }
"""


def write(tmp_path, text: str, name: str = "tiny.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_in(tmp_path, text: str) -> InstrumentFileError:
    with pytest.raises(InstrumentFileError) as caught:
        load_instrument_file(write(tmp_path, text, "broken.toml"))
    assert "broken.toml" in str(caught.value)
    return caught.value


def test_the_valid_fixture_loads(tmp_path):
    inst = load_instrument_file(write(tmp_path, VALID))
    assert inst.id == "tiny" and inst.scale_range("total") == (0, 6)


def test_a_missing_id_is_named(tmp_path):
    error = problems_in(tmp_path, VALID.replace('id = "tiny"\n', "", 1))
    assert error.problems == ["id: is required"]
    assert "broken.toml: id: is required" in str(error)


def test_a_bad_dimension_is_named_with_the_allowed_ones(tmp_path):
    error = problems_in(tmp_path, VALID.replace('dimension = "task"', 'dimension = "teamwork"'))
    assert len(error.problems) == 1
    assert "items.2.dimension" in error.problems[0] and "'teamwork'" in error.problems[0]
    assert "goal" in error.problems[0]


def test_a_scale_referencing_a_missing_item_is_named(tmp_path):
    text = VALID.replace('items = ["1", "2", "3"]', 'items = ["1", "2", "4"]')
    error = problems_in(tmp_path, text)
    assert "scales.total.items: no scored item '4'" in error.problems


def test_overlapping_bands_are_named(tmp_path):
    error = problems_in(tmp_path, VALID.replace("min = 3", "min = 2"))
    assert error.problems == ["bands.high: overlaps low"]


def test_bands_that_leave_part_of_the_range_uncovered_are_named(tmp_path):
    error = problems_in(tmp_path, VALID.replace("max = 6", "max = 5"))
    assert error.problems == ["bands: must cover the whole total range 0 to 6"]


def test_a_band_whose_min_is_above_its_max_is_named(tmp_path):
    text = VALID.replace("max = 2", "max = 1").replace("min = 0", "min = 1.5")
    error = problems_in(tmp_path, text)
    assert "bands.low: min 1.5 is above max 1" in error.problems


def test_a_wrong_type_is_named_with_what_was_expected(tmp_path):
    error = problems_in(tmp_path, VALID.replace('version = "1"', "version = 1"))
    assert error.problems == ["version: expected text, got 1"]


def test_a_number_as_true_or_false_is_refused(tmp_path):
    error = problems_in(tmp_path, VALID.replace("higher_is_better = true", "higher_is_better = 1"))
    assert error.problems == ["higher_is_better: expected true or false, got 1"]


def test_every_problem_is_listed_not_just_the_first(tmp_path):
    text = (
        VALID.replace('id = "tiny"\n', "", 1)
        .replace('version = "1"', "version = 1")
        .replace('label = "Bond"', "label = 3")
        .replace('{ value = 2, label = "yes" }', '{ value = "2", label = "yes" }')
    )
    error = problems_in(tmp_path, text)
    assert error.problems == [
        "options[2].value: expected a whole number, got '2'",
        "items[2].label: expected text, got 3",
        "id: is required",
        "version: expected text, got 1",
    ]
    assert all(f"broken.toml: {problem}" in str(error) for problem in error.problems)


def test_every_consistency_problem_is_listed_too(tmp_path):
    text = (
        VALID.replace('dimension = "task"', 'dimension = "teamwork"')
        .replace('items = ["1", "2", "3"]', 'items = ["1", "2", "4"]')
        .replace('respondent = "client"', 'respondent = "parent"')
        .replace('"1" = "X-1"', '"9" = "X-9"')
    )
    error = problems_in(tmp_path, text)
    assert len(error.problems) == 4
    for field in ("respondent:", "items.2.dimension:", "scales.total.items:", "codes.items:"):
        assert any(problem.startswith(field) for problem in error.problems), field


def test_text_that_is_not_toml_is_named(tmp_path):
    error = problems_in(tmp_path, VALID + "\nthis is = = not toml\n")
    assert error.problems[0].startswith("not valid TOML")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ('band_scale = "total"', 'band_scale = "total"\ncutoff = 5'),
            "cutoff: expected a table, got 5",
        ),
        (
            ('items = ["1", "2", "3"]', "items = [1, 2, 3]"),
            "scales[0].items: item ids must be text",
        ),
        (
            ('"1" = "X-1"', '"1" = "X-1" }\nanswers = { "7" = "LA-7"'),
            "codes.answers.7: no response option has this value",
        ),
        (
            ('label = "Goal"', 'label = "Goal"\noptions = 3'),
            "items[0].options: expected a list, got 3",
        ),
    ],
)
def test_malformed_structures_are_reported_not_crashed_on(tmp_path, change, expected):
    error = problems_in(tmp_path, VALID.replace(*change, 1))
    assert any(problem.startswith(expected) for problem in error.problems), error.problems


def test_items_that_are_not_tables_are_reported(tmp_path):
    head, rest = VALID.split("[[items]]", 1)
    text = head + 'items = ["oops", 3]\n' + "[[scales]]" + rest.split("[[scales]]", 1)[1]
    error = problems_in(tmp_path, text)
    assert error.problems[:2] == [
        "items[0]: expected a table, got 'oops'",
        "items[1]: expected a table, got 3",
    ]


FLAG = '\n[[flags]]\nid = "left-out"\nitem = "2"\nwhen = "{when}"\nlabel = "Item 2 left out."\n'


def test_an_unanswered_flag_needs_no_threshold(tmp_path):
    inst = load_instrument_file(write(tmp_path, VALID + FLAG.format(when="unanswered")))
    assert inst.flags[0].when == "unanswered" and inst.flags[0].reading() == "item 2 unanswered"


def test_an_unknown_flag_condition_is_named_with_the_allowed_ones(tmp_path):
    error = problems_in(tmp_path, VALID + FLAG.format(when="skipped"))
    assert error.problems == ["flags[0].when: must be one of above, unanswered, got 'skipped'"]
