"""Each shipped instrument matches the structure, scoring and codes set out in docs/science.md."""

from __future__ import annotations

import math

import pytest

from alliance.measures import ScoringError, get_instrument, score_one

WAI_MAP = {
    "goal": ("4", "6", "8", "11"),
    "task": ("1", "2", "10", "12"),
    "bond": ("3", "5", "7", "9"),
}
PHQ_ANSWER_CODES = {0: "LA6568-5", 1: "LA6569-3", 2: "LA6570-1", 3: "LA6571-9"}


def ranges(inst) -> dict[str, tuple[float, float]]:
    return {scale: inst.scale_range(scale) for scale in inst.scale_ids}


# ------------------------------------------------------------------ WAI-SR, client and therapist


@pytest.mark.parametrize("instrument_id", ["wai-sr", "wai-sr-t"])
def test_wai_sr_items_map_to_goal_task_and_bond(instrument_id):
    inst = get_instrument(instrument_id)
    assert [item.id for item in inst.items] == [str(n) for n in range(1, 13)]
    for dimension, items in WAI_MAP.items():
        assert inst.scale(dimension).items == items
        assert {inst.item(i).dimension for i in items} == {dimension}
    assert inst.scale("total").items == tuple(str(n) for n in range(1, 13))


@pytest.mark.parametrize("instrument_id", ["wai-sr", "wai-sr-t"])
def test_wai_sr_sums_to_12_60_and_4_20_from_unreversed_1_to_5_items(instrument_id):
    inst = get_instrument(instrument_id)
    assert all(item.values == (1, 2, 3, 4, 5) and not item.reversed for item in inst.items)
    assert ranges(inst) == {"total": (12, 60), "goal": (4, 20), "task": (4, 20), "bond": (4, 20)}
    assert {scale.method for scale in inst.scales} == {"sum"}


@pytest.mark.parametrize("instrument_id", ["wai-sr", "wai-sr-t"])
def test_wai_sr_scores_a_worked_example(instrument_id):
    # goal items answered 5, task items 3, bond items 2: goal 20, task 12, bond 8, total 40
    per_dimension = {"goal": 5, "task": 3, "bond": 2}
    answers = {i: per_dimension[d] for d, items in WAI_MAP.items() for i in items}
    score = score_one(instrument_id, answers)
    assert score.scores == {"total": 40, "goal": 20, "task": 12, "bond": 8}
    assert score.band is None and score.flags == () and score.complete


def test_wai_sr_t_is_the_therapists_mirror_of_wai_sr():
    inst = get_instrument("wai-sr-t")
    assert inst.respondent == "therapist" and inst.mirror_of == "wai-sr"
    assert get_instrument("wai-sr").respondent == "client"


@pytest.mark.parametrize("instrument_id", ["wai-sr", "wai-sr-t"])
def test_wai_sr_reliable_change_follows_the_assumed_sd_and_alpha(instrument_id):
    change = get_instrument(instrument_id).reliable_change
    # docs/science.md §2: SD 8, alpha .90 -> 1.96 * sqrt(2) * 8 * sqrt(.10) = 7.01
    assert (change.sd, change.reliability, change.provisional) == (8.0, 0.90, True)
    assert change.value == pytest.approx(1.96 * math.sqrt(2) * 8 * math.sqrt(0.1), abs=0.05)


# ------------------------------------------------------------------ PHQ-9


def test_phq9_has_nine_items_scored_0_to_3_summing_to_0_27():
    inst = get_instrument("phq-9")
    assert [item.id for item in inst.items] == [str(n) for n in range(1, 10)]
    assert all(item.values == (0, 1, 2, 3) for item in inst.items)
    assert ranges(inst) == {"total": (0, 27)}
    assert not inst.higher_is_better and inst.kind == "outcome"


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately severe"),
        (19, "moderately severe"),
        (20, "severe"),
        (27, "severe"),
    ],
)
def test_phq9_bands_at_every_boundary(total, band):
    answers = {str(n): min(3, max(0, total - 3 * (n - 1))) for n in range(1, 10)}
    assert sum(answers.values()) == total
    score = score_one("phq-9", answers)
    assert score.scores["total"] == total and score.band == band


def test_phq9_cutoff_and_reliable_change():
    inst = get_instrument("phq-9")
    cutoff = inst.cutoff
    assert (cutoff.scale, cutoff.value, cutoff.direction) == ("total", 10, "at-or-above")
    assert (inst.reliable_change.scale, inst.reliable_change.value) == ("total", 6)


def test_phq9_loinc_codes():
    codes = get_instrument("phq-9").codes
    assert (codes.system, codes.panel, codes.total) == ("http://loinc.org", "44249-1", "44261-6")
    assert list(codes.items.values()) == [
        "44250-9",
        "44255-8",
        "44259-0",
        "44254-1",
        "44251-7",
        "44258-2",
        "44252-5",
        "44253-3",
        "44260-8",
    ]
    assert list(codes.items) == [str(n) for n in range(1, 10)]
    assert codes.answers == PHQ_ANSWER_CODES


def test_phq9_item_9_raises_the_urgent_risk_flag_even_when_the_total_is_minimal():
    answers = {str(n): 0 for n in range(1, 9)} | {"9": 1}
    score = score_one("phq-9", answers)
    assert score.scores["total"] == 1 and score.band == "minimal"
    assert score.flags == ("risk-self-harm",)
    flag = get_instrument("phq-9").flags[0]
    assert flag.item == "9" and flag.urgent


def test_phq9_item_9_unanswered_is_prorated_and_flagged_to_ask():
    score = score_one("phq-9", {str(n): 1 for n in range(1, 9)})
    assert score.scores["total"] == 9 and score.prorated == ("total",)
    assert score.flags == ("risk-item-unanswered",)
    assert not get_instrument("phq-9").flags[1].urgent


def test_phq9_another_item_unanswered_is_prorated_without_the_risk_flag():
    score = score_one("phq-9", {str(n): 1 for n in range(2, 9)} | {"9": 0})
    assert score.scores["total"] == pytest.approx(7 * 9 / 8)
    assert score.prorated == ("total",) and score.flags == ()
    assert score_one("phq-9", {str(n): 1 for n in range(1, 10)}).prorated == ()


def test_phq9_severe_total_without_item_9_raises_no_risk_flag():
    score = score_one("phq-9", {str(n): 3 for n in range(1, 9)} | {"9": 0})
    assert score.scores["total"] == 24 and score.flags == ()


# ------------------------------------------------------------------ GAD-7


def test_gad7_structure_bands_cutoff_and_reliable_change():
    inst = get_instrument("gad-7")
    assert [item.id for item in inst.items] == [str(n) for n in range(1, 8)]
    assert ranges(inst) == {"total": (0, 21)}
    assert [(b.name, b.low, b.high) for b in inst.bands] == [
        ("minimal", 0, 4),
        ("mild", 5, 9),
        ("moderate", 10, 14),
        ("severe", 15, 21),
    ]
    assert (inst.cutoff.value, inst.cutoff.direction) == (8, "at-or-above")
    assert inst.reliable_change.value == 4


@pytest.mark.parametrize(
    ("total", "band"),
    [(4, "minimal"), (5, "mild"), (10, "moderate"), (15, "severe"), (21, "severe")],
)
def test_gad7_bands_at_boundaries(total, band):
    answers = {str(n): min(3, max(0, total - 3 * (n - 1))) for n in range(1, 8)}
    assert score_one("gad-7", answers).band == band


def test_gad7_loinc_codes():
    codes = get_instrument("gad-7").codes
    assert (codes.panel, codes.total) == ("69737-5", "70274-6")
    assert list(codes.items.values()) == [
        "69725-0",
        "68509-9",
        "69733-4",
        "69734-2",
        "69735-9",
        "69689-8",
        "69736-7",
    ]
    assert codes.answers == PHQ_ANSWER_CODES


# ------------------------------------------------------------------ the project's own check-in


@pytest.mark.parametrize("instrument_id", ["alliance-checkin", "alliance-checkin-t"])
def test_checkin_has_two_items_per_bordin_dimension_on_0_to_10(instrument_id):
    inst = get_instrument(instrument_id)
    assert 6 <= len(inst.items) <= 9
    for n, dimension in enumerate(("goal", "task", "bond")):
        items = [item for item in inst.items if item.dimension == dimension]
        assert [item.id for item in items] == [str(2 * n + 1), str(2 * n + 2)]
        assert all(item.values == tuple(range(11)) for item in items)
        assert inst.scale(dimension).items == tuple(item.id for item in items)
    assert "could not be better" in inst.item("1").options[-1].label


@pytest.mark.parametrize("instrument_id", ["alliance-checkin", "alliance-checkin-t"])
def test_checkin_scales_are_means_on_0_to_10(instrument_id):
    inst = get_instrument(instrument_id)
    assert ranges(inst) == {"total": (0, 10), "goal": (0, 10), "task": (0, 10), "bond": (0, 10)}
    assert {scale.method for scale in inst.scales} == {"mean"}
    assert inst.scale("total").items == ("1", "2", "3", "4", "5", "6")


def test_checkin_free_text_question_is_optional_and_never_scored():
    inst = get_instrument("alliance-checkin")
    comment = inst.item("7")
    assert (comment.kind, comment.required, comment.dimension) == ("text", False, "comment")
    answers = {"1": 10, "2": 8, "3": 9, "4": 7, "5": 6, "6": 5, "8": 0}
    with_text = score_one(inst, answers | {"7": "More time on homework, please."})
    assert with_text == score_one(inst, answers)


def test_checkin_scores_a_worked_example_at_the_review_line():
    # goal (10+8)/2 = 9, task (9+7)/2 = 8, bond (6+5)/2 = 5.5, total 45/6 = 7.5: just at "good"
    score = score_one("alliance-checkin", {"1": 10, "2": 8, "3": 9, "4": 7, "5": 6, "6": 5, "8": 0})
    assert score.scores == {"total": 7.5, "goal": 9, "task": 8, "bond": 5.5}
    assert score.band == "good" and score.complete


def test_checkin_below_7_5_is_the_review_band():
    score = score_one("alliance-checkin", {"1": 8, "2": 8, "3": 7, "4": 7, "5": 7, "6": 7, "8": 0})
    assert score.scores["total"] == pytest.approx(44 / 6, abs=1e-4) and score.band == "review"
    cutoff = get_instrument("alliance-checkin").cutoff
    assert (cutoff.value, cutoff.direction) == (7.5, "below")


def test_checkin_rupture_items_and_flag():
    inst = get_instrument("alliance-checkin")
    off, talked = inst.item("8"), inst.item("9")
    assert (off.dimension, off.values, off.required) == ("rupture", (0, 1, 2), True)
    assert (talked.dimension, talked.values, talked.required) == ("rupture", (0, 1, 2), False)
    base = {str(n): 10 for n in range(1, 7)}
    assert score_one(inst, base | {"8": 1, "9": 2}).flags == ("rupture-reported",)
    assert score_one(inst, base | {"8": 0}).flags == ()
    assert score_one(inst, base | {"8": 0}).complete  # item 9 is optional


def test_checkin_reliable_change_is_provisional_and_follows_its_assumptions():
    change = get_instrument("alliance-checkin").reliable_change
    assert change.provisional and change.scale == "total"
    expected = 1.96 * math.sqrt(2) * change.sd * math.sqrt(1 - change.reliability)
    assert change.value == pytest.approx(expected, abs=0.05)


def test_therapist_checkin_mirrors_the_client_checkin():
    inst = get_instrument("alliance-checkin-t")
    assert inst.respondent == "therapist" and inst.mirror_of == "alliance-checkin"
    assert inst.item("7").dimension == "rupture" and inst.flags[0].id == "strain-sensed"
    assert score_one(inst, {str(n): 10 for n in range(1, 7)} | {"7": 2}).flags == ("strain-sensed",)


# ------------------------------------------------------------------ goal progress


def test_goal_progress_scores_the_mean_over_whatever_goals_the_client_has():
    inst = get_instrument("goal-progress")
    assert inst.open_items and inst.scale_ids == ("mean",)
    assert score_one(inst, {"sleep-better": 4, "back-to-work": 7}).scores == {"mean": 5.5}
    assert score_one(inst, {"g1": 0, "g2": 10, "g3": 5}).scores == {"mean": 5}


def test_goal_progress_refuses_a_rating_above_10():
    with pytest.raises(ScoringError, match="sleep-better"):
        score_one("goal-progress", {"sleep-better": 11})
