"""Reliable and clinically significant change, checked against hand arithmetic from the formulas.

Reference: Jacobson, N. S. & Truax, P. (1991). Clinical significance: a statistical approach to
defining meaningful change in psychotherapy research. J Consult Clin Psychol 59(1), 12-19.
SE = SD * sqrt(1 - r); S_diff = sqrt(2) * SE; RC = (post - pre) / S_diff; reliable if |RC| > 1.96.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from alliance.analysis.change import (
    CATEGORIES,
    ChangeCriterion,
    ClinicalCutoff,
    change_table,
    classify_change,
    cutoffs_from_norms,
    standard_error,
    standard_error_of_difference,
    talking_therapies_outcomes,
)

# The paper's single case: pretest 47.5, posttest 32.5, with the pretreatment SD 7.5 and test-retest
# reliability .88 it reports for that scale (re-typed from the paper; not re-checked here: check).
# By hand: SE = 7.5 * sqrt(.12) = 7.5 * 0.346410 = 2.598076
#          S_diff = sqrt(2) * 2.598076 = 1.414214 * 2.598076 = 3.674235
#          RC = (32.5 - 47.5) / 3.674235 = -15 / 3.674235 = -4.0825  (|RC| > 1.96: reliable)
JT_PRE, JT_POST, JT_SD, JT_R = 47.5, 32.5, 7.5, 0.88


def test_jacobson_truax_single_case_by_hand():
    assert standard_error(JT_SD, JT_R) == pytest.approx(2.598076, abs=1e-6)
    assert standard_error_of_difference(JT_SD, JT_R) == pytest.approx(3.674235, abs=1e-6)
    criterion = ChangeCriterion.from_reference(JT_SD, JT_R, higher_is_better=False)
    assert criterion.index(JT_PRE, JT_POST) == pytest.approx(-4.0825, abs=1e-4)
    assert criterion.reliably_improved(JT_PRE, JT_POST)
    assert classify_change(JT_PRE, JT_POST, criterion) == "improved"


def test_the_threshold_is_1_96_s_diff_not_975_s_diff():
    # One public R implementation multiplies S_diff by .975 (a probability) where the formula needs
    # the quantile 1.96. With the J&T figures: 1.96 * 3.674235 = 7.2015, .975 * 3.674235 = 3.5824.
    criterion = ChangeCriterion.from_reference(JT_SD, JT_R, higher_is_better=False)
    assert criterion.points == pytest.approx(7.2015, abs=1e-4)
    assert not criterion.reliably_improved(47.5, 42.5)  # a 5-point drop: reliable only at .975
    assert classify_change(47.5, 42.5, criterion) == "unchanged"
    assert criterion.reliably_improved(47.5, 40.0)  # 7.5 points > 7.2015


def test_wai_sr_reliable_change_from_its_file_by_hand():
    # SD 8, alpha .90: SE = 8 * sqrt(.1) = 2.529822; S_diff = 3.577709; 1.96 * S_diff = 7.012310
    criterion = ChangeCriterion.from_instrument("wai-sr")
    assert criterion.s_diff == pytest.approx(3.577709, abs=1e-6)
    assert criterion.points == pytest.approx(7.012310, abs=1e-6)
    assert criterion.higher_is_better and not criterion.inclusive
    assert classify_change(40, 47, criterion) == "unchanged"  # 7 < 7.0123
    assert classify_change(40, 48, criterion) == "improved"  # alliance: higher is better
    assert classify_change(48, 40, criterion) == "deteriorated"


def test_phq9_reliable_change_is_the_published_six_points_inclusive():
    criterion = ChangeCriterion.from_instrument("phq-9")
    assert (criterion.points, criterion.inclusive, criterion.higher_is_better) == (6, True, False)
    assert criterion.s_diff == pytest.approx(6 / 1.96)
    assert criterion.reliably_improved(16, 10) and not criterion.reliably_improved(16, 11)
    assert criterion.reliably_deteriorated(8, 14) and not criterion.reliably_deteriorated(8, 13)


def test_an_explicit_reference_sd_and_reliability_give_the_index_by_hand():
    # SD 5, r .75: SE = 5 * .5 = 2.5; S_diff = 3.535534; RC for 10 -> 20 = 10 / 3.535534 = 2.8284
    criterion = ChangeCriterion.from_reference(5, 0.75, higher_is_better=True)
    assert criterion.index(10, 20) == pytest.approx(2.8284, abs=1e-4)


@pytest.mark.parametrize(
    ("sd", "reliability", "field"),
    [(0, 0.8, "sd"), (-1, 0.8, "sd"), (5, 1.0, "reliability"), (5, -0.1, "reliability")],
)
def test_impossible_reference_values_are_refused_by_name(sd, reliability, field):
    with pytest.raises(ValueError, match=f"^{field}:"):
        ChangeCriterion.from_reference(sd, reliability, higher_is_better=True)


def test_an_instrument_without_a_rule_is_refused_by_name():
    with pytest.raises(ValueError, match="goal-progress: has no reliable_change"):
        ChangeCriterion.from_instrument("goal-progress")
    with pytest.raises(ValueError, match="wai-sr: has no cutoff"):
        ClinicalCutoff.from_instrument("wai-sr")


def test_cutoffs_for_an_outcome_measure_by_hand():
    # lower is better; dysfunctional M0 30, SD0 8; functional M1 10, SD1 6
    # a = 30 - 2*8 = 14; b = 10 + 2*6 = 22; c = (8*10 + 6*30) / (8 + 6) = 260 / 14 = 18.5714
    cuts = cutoffs_from_norms(30, 8, 10, 6, higher_is_better=False)
    assert (cuts.a, cuts.b) == (14, 22)
    assert cuts.c == pytest.approx(18.5714, abs=1e-4)
    assert cuts.preferred == "c" and cuts.cutoff().value == cuts.c


def test_cutoffs_for_an_alliance_measure_run_the_other_way():
    # higher is better; dysfunctional M0 40, SD0 8; functional M1 52, SD1 5
    # a = 40 + 2*8 = 56; b = 52 - 2*5 = 42; c = (8*52 + 5*40) / 13 = 616 / 13 = 47.3846
    cuts = cutoffs_from_norms(40, 8, 52, 5, higher_is_better=True)
    assert (cuts.a, cuts.b) == (56, 42)
    assert cuts.c == pytest.approx(47.3846, abs=1e-4)
    assert cuts.cutoff("c").functional(50) and not cuts.cutoff("c").functional(45)


def test_only_a_without_functional_norms():
    cuts = cutoffs_from_norms(30, 8, higher_is_better=False)
    assert (cuts.a, cuts.b, cuts.c, cuts.preferred) == (14, None, None, "a")
    with pytest.raises(ValueError, match="cutoff 'c': needs the functional norms"):
        cuts.cutoff("c")


def test_instrument_cutoffs_put_the_line_on_the_right_side():
    phq = ClinicalCutoff.from_instrument("phq-9")  # 10 and above is a case
    assert phq.functional(9) and not phq.functional(10)
    checkin = ClinicalCutoff.from_instrument("alliance-checkin")  # below 7.5 invites review
    assert checkin.functional(7.5) and not checkin.functional(7.49)


def test_the_four_categories_for_an_outcome_measure():
    criterion = ChangeCriterion.from_instrument("phq-9")
    cutoff = ClinicalCutoff.from_instrument("phq-9")
    pre = pd.Series([16, 20, 8, 12, 9], index=["rec", "imp", "det", "unch", "low"])
    post = pd.Series([9, 13, 15, 8, 3], index=pre.index)
    labels = classify_change(pre, post, criterion, cutoff)
    # rec: -7 and 16 -> 9 crosses 10; imp: -7 but stays >= 10; det: +7; unch: -4; low: -6 but
    # started below the cutoff, so it improved without crossing
    assert labels.to_dict() == {
        "rec": "recovered",
        "imp": "improved",
        "det": "deteriorated",
        "unch": "unchanged",
        "low": "improved",
    }
    assert set(labels) <= set(CATEGORIES)


def test_it_is_vectorised_over_arrays_and_series_and_keeps_scalars_scalar():
    criterion = ChangeCriterion.from_reference(JT_SD, JT_R, higher_is_better=False)
    rc = criterion.index(np.array([47.5, 40.0]), np.array([32.5, 40.0]))
    assert isinstance(rc, np.ndarray) and rc == pytest.approx([-4.0825, 0.0], abs=1e-4)
    series = criterion.index(pd.Series([47.5], index=["c7"]), pd.Series([32.5], index=["c7"]))
    assert list(series.index) == ["c7"] and series["c7"] == pytest.approx(-4.0825, abs=1e-4)
    assert isinstance(criterion.index(47.5, 32.5), float)


def test_missing_scores_give_no_category():
    criterion = ChangeCriterion.from_instrument("phq-9")
    labels = classify_change([16, np.nan, 16], [9, 9, math.nan], criterion)
    assert labels[0] == "improved" and labels[1] is None and labels[2] is None


def test_change_table_has_one_row_per_client_with_every_step():
    criterion = ChangeCriterion.from_instrument("phq-9")
    cutoff = ClinicalCutoff.from_instrument("phq-9")
    table = change_table(pd.Series([16, 12], index=["a", "b"]), [9, 11], criterion, cutoff)
    assert list(table.index) == ["a", "b"]
    assert table.loc["a", "change"] == -7 and table.loc["a", "category"] == "recovered"
    assert table.loc["a", "rci"] == pytest.approx(-7 * 1.96 / 6)
    assert bool(table.loc["b", "functional_post"]) is False
    assert table.loc["b", "category"] == "unchanged"


def test_talking_therapies_recovery_and_reliable_recovery():
    # c0: PHQ 15 -> 9 (drop 6, reliable) and GAD 10 -> 7: case -> not a case, reliably improved
    # c1: not a case at intake (PHQ 8, GAD 5): recovery does not apply
    # c2: PHQ 12 -> 11, GAD 3 -> 9 (rise 6 >= 4): still a case, reliable deterioration
    # c3: PHQ 11 -> 9, GAD 9 -> 6: recovered (below both cutoffs) without reliable improvement
    # c4: a missing score
    result = talking_therapies_outcomes(
        pd.Series([15, 8, 12, 11, np.nan], index=[f"c{n}" for n in range(5)]),
        [9, 3, 11, 9, 3],
        [10, 5, 3, 9, 2],
        [7, 4, 9, 6, 2],
    )
    rows = result.astype(object).where(result.notna(), None).to_dict("index")
    assert rows["c0"] == {
        "case_at_intake": True,
        "case_at_end": False,
        "recovered": True,
        "reliable_improvement": True,
        "reliable_deterioration": False,
        "reliable_recovery": True,
    }
    assert rows["c1"]["case_at_intake"] is False and rows["c1"]["recovered"] is None
    assert rows["c2"]["reliable_deterioration"] is True and rows["c2"]["case_at_end"] is True
    assert rows["c3"]["recovered"] is True and rows["c3"]["reliable_recovery"] is False
    assert set(rows["c4"].values()) == {None}


def test_talking_therapies_mixed_reliable_changes_cancel_out():
    # PHQ-9 drops 6 (reliable) while GAD-7 rises 4 (reliable): neither improvement nor deterioration
    result = talking_therapies_outcomes(14, 8, 6, 10).iloc[0]
    assert not result["reliable_improvement"] and not result["reliable_deterioration"]
    assert result["case_at_end"]  # GAD-7 10 >= 8
