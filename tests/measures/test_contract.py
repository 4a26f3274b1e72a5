"""The contract every shipped instrument keeps, checked for each one in turn."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from alliance.measures import DIMENSIONS, Instrument, get_instrument, list_instruments, score_one
from alliance.measures.loader import INSTRUMENTS_DIR, load_instrument_file

INSTRUMENTS = list_instruments()
GOALS = ("goal-a", "goal-b", "goal-c")  # open-item instruments are answered per client goal


@pytest.fixture(params=INSTRUMENTS, ids=lambda inst: inst.id)
def inst(request) -> Instrument:
    return request.param


def answers(inst: Instrument, pick) -> dict[str, int]:
    """One answer per scored item (per goal for open-item instruments), chosen by pick(item)."""
    if inst.open_items:
        return {goal: pick(inst.items[0]) for goal in GOALS}
    return {item.id: pick(item) for item in inst.scored_items}


def varied(item, n: int = 0) -> int:
    return item.values[(n * 3 + 1) % len(item.values)]


def keyed_low(item) -> int:
    return item.high if item.reversed else item.low


def keyed_high(item) -> int:
    return item.low if item.reversed else item.high


def test_the_shipped_set_is_the_documented_one():
    assert {i.id for i in INSTRUMENTS} == {
        "alliance-checkin",
        "alliance-checkin-t",
        "gad-7",
        "goal-progress",
        "phq-9",
        "wai-sr",
        "wai-sr-t",
    }


def test_its_file_loads_on_its_own_and_is_named_by_its_id(inst):
    assert load_instrument_file(INSTRUMENTS_DIR / f"{inst.id}.toml") == inst
    assert get_instrument(inst.id) is inst


def test_every_scored_item_has_distinct_whole_number_options(inst):
    assert inst.scored_items
    for item in inst.scored_items:
        assert item.options, item.id
        assert all(isinstance(v, int) for v in item.values)
        assert len(set(item.values)) == len(item.values)


def test_scales_reference_real_scored_items(inst):
    scored = {item.id for item in inst.scored_items}
    for scale in inst.scales:
        if inst.open_items:
            assert scale.items == () and scale.method == "mean"
        else:
            assert scale.items and set(scale.items) <= scored, scale.id


def test_lowest_answers_give_each_scales_minimum(inst):
    score = score_one(inst, answers(inst, keyed_low))
    for scale in inst.scale_ids:
        assert score.scores[scale] == pytest.approx(inst.scale_range(scale)[0]), scale
    assert score.complete and not score.withheld


def test_highest_answers_give_each_scales_maximum(inst):
    score = score_one(inst, answers(inst, keyed_high))
    for scale in inst.scale_ids:
        assert score.scores[scale] == pytest.approx(inst.scale_range(scale)[1]), scale


def test_a_reversed_item_is_scored_from_the_other_end(inst):
    item = inst.scored_items[0]
    flipped = _with_item_reversed(inst, item.id)
    base = answers(inst, varied)
    keys = GOALS if inst.open_items else (item.id,)  # an open item stands for every goal
    mirrored = {**base, **{key: item.low + item.high - base[key] for key in keys}}
    assert score_one(flipped, mirrored).scores == score_one(inst, base).scores
    lowest = score_one(flipped, answers(flipped, keyed_low))
    for scale in inst.scale_ids:
        assert lowest.scores[scale] == pytest.approx(flipped.scale_range(scale)[0])


def _with_item_reversed(inst: Instrument, item_id: str) -> Instrument:
    items = tuple(
        dataclasses.replace(i, reversed=i.id == item_id or i.reversed) for i in inst.items
    )
    return dataclasses.replace(inst, items=items)


@pytest.mark.parametrize("inst", [i for i in INSTRUMENTS if not i.open_items], ids=lambda i: i.id)
def test_one_missing_item_too_many_withholds_the_scale_with_a_reason(inst):
    full = {item.id: varied(item, n) for n, item in enumerate(inst.scored_items)}
    for scale in inst.scales:
        dropped = scale.items[: scale.max_missing + 1]
        score = score_one(inst, {k: v for k, v in full.items() if k not in dropped})
        assert score.scores[scale.id] is None
        assert "missing" in score.withheld[scale.id] or "no items" in score.withheld[scale.id]
        assert not score.complete


@pytest.mark.parametrize("inst", [i for i in INSTRUMENTS if not i.open_items], ids=lambda i: i.id)
def test_up_to_the_allowed_missing_items_the_scale_is_prorated(inst):
    full = {item.id: varied(item, n) for n, item in enumerate(inst.scored_items)}
    for scale in inst.scales:
        dropped = scale.items[: scale.max_missing]
        kept = [full[i] for i in scale.items if i not in dropped]
        expected = np.mean(kept) * (len(scale.items) if scale.method == "sum" else 1)
        score = score_one(inst, {k: v for k, v in full.items() if k not in dropped})
        assert score.scores[scale.id] == pytest.approx(expected, abs=1e-4), scale.id
        assert scale.id not in score.withheld


def test_no_answers_at_all_withholds_every_scale(inst):
    score = score_one(inst, {})
    assert all(value is None for value in score.scores.values())
    assert set(score.withheld) == set(inst.scale_ids)
    assert score.band is None and not score.complete


def test_bands_cover_the_band_scale_without_overlap(inst):
    if not inst.bands:
        assert inst.band_scale is None or inst.band_scale in inst.scale_ids
        return
    low, high = inst.scale_range(inst.band_scale)
    ordered = sorted(inst.bands, key=lambda band: band.low)
    assert ordered[0].low == low and ordered[-1].high == high
    for before, after in zip(ordered, ordered[1:], strict=False):
        assert before.high < after.low
    for value in np.linspace(low, high, 201):
        assert inst.band_for(value) is not None
    for band in ordered:
        assert inst.band_for(band.low) == band.name and inst.band_for(band.high) == band.name


def test_the_scored_band_is_the_band_of_the_band_scale(inst):
    if not inst.bands:
        assert score_one(inst, answers(inst, keyed_high)).band is None
        return
    for pick in (keyed_low, varied, keyed_high):
        score = score_one(inst, answers(inst, pick))
        assert score.band == inst.band_for(score.scores[inst.band_scale])


def test_codes_reference_real_items_and_answer_values(inst):
    scored = {item.id for item in inst.scored_items}
    values = {v for item in inst.scored_items for v in item.values}
    assert set(inst.codes.items) <= scored
    assert set(inst.codes.answers) <= values
    if inst.codes.system:
        assert inst.codes.total and inst.codes.total != inst.codes.panel


def test_flags_name_real_items_that_can_exceed_the_threshold(inst):
    for flag in inst.flags:
        item = inst.item(flag.item)
        assert item.kind == "choice" and item.high > flag.above


def test_cutoff_and_reliable_change_refer_to_real_scales(inst):
    for ref in (inst.cutoff, inst.reliable_change):
        if ref is not None:
            assert ref.scale in inst.scale_ids
    if inst.reliable_change is not None:
        assert inst.reliable_change.value > 0


def test_alliance_instruments_cover_goal_task_and_bond(inst):
    dimensions = {item.dimension for item in inst.scored_items}
    if inst.kind == "alliance":
        assert set(DIMENSIONS) <= dimensions
        assert inst.higher_is_better
    else:
        assert not set(DIMENSIONS) & dimensions


def test_a_mirror_has_the_same_scales_as_its_original(inst):
    if inst.mirror_of is None:
        assert inst.respondent == "client"
        return
    original = get_instrument(inst.mirror_of)
    assert inst.respondent != original.respondent
    assert [(s.id, s.items, s.method) for s in inst.scales] == [
        (s.id, s.items, s.method) for s in original.scales
    ]
