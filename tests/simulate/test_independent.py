import pandas as pd

from alliance.analysis.ruptures import sessions_from_answers
from alliance.simulate.independent import checkin_clinic


def test_the_same_seed_gives_the_same_clinic():
    first, again = checkin_clinic(40, seed=5), checkin_clinic(40, seed=5)
    pd.testing.assert_frame_equal(first.answers, again.answers)
    pd.testing.assert_frame_equal(first.ruptures, again.ruptures)


def test_it_holds_every_kind_of_client_and_rupture_the_definitions_ask_for():
    clinic = checkin_clinic(300, seed=2)
    assert set(clinic.clients.client_type) == {"typical", "high-noise", "ceiling", "decliner"}
    assert {"all", "goal", "task", "bond"} <= set(clinic.ruptures.kind)
    assert clinic.ruptures.depth_sd.min() >= 2.0
    assert 0.15 < (~clinic.clients.reporter).mean() < 0.35
    assert len(clinic.misclicks) > 10


def test_non_reporters_never_report_and_a_tenth_of_sessions_are_missing():
    clinic = checkin_clinic(300, seed=3)
    table = sessions_from_answers(clinic.answers).merge(clinic.clients, on="client_id")
    assert table.loc[~table.reporter, "rupture_reported"].eq(0).all()
    attended = len(table) / clinic.clients.n_sessions.sum()
    assert 0.85 < attended < 0.95


def test_a_misclick_is_one_item_at_zero_in_an_otherwise_ordinary_session():
    clinic = checkin_clinic(200, seed=4)
    slip = clinic.misclicks.iloc[0]
    answers = clinic.answers
    rows = answers[
        (answers.client_id == slip.client_id)
        & (answers.session == slip.session)
        & (answers.instrument == "alliance-checkin")
    ].set_index("item")["value"]
    assert rows[slip["item"]] == 0.0


def test_without_drops_the_reports_or_the_therapist_form():
    clinic = checkin_clinic(30, seed=6)
    assert "rupture_reported" not in sessions_from_answers(clinic.without("reports")).dropna(
        axis=1, how="all"
    )
    assert "alliance-checkin-t" not in set(clinic.without("therapist").instrument)
