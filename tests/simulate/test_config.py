"""ClinicConfig: overrides by keyword, and clear errors that name the parameter."""

from __future__ import annotations

import dataclasses

import pytest

from alliance.simulate import ClinicConfig, simulate_clinic


def test_overrides_reach_the_truth():
    clinic = simulate_clinic(n_clients=30, seed=1, within_effect=-2.0, max_sessions=12)
    assert clinic.truth["within_effect"] == -2.0
    assert clinic.sessions["session"].max() <= 12


def test_episode_lengths_follow_min_and_max_sessions():
    clinic = simulate_clinic(n_clients=200, seed=2, min_sessions=5, max_sessions=8)
    assert clinic.clients["n_sessions"].between(5, 8).all()


def test_the_therapist_count_is_derived_or_given():
    assert len(simulate_clinic(n_clients=100, seed=1).therapists) == 4
    assert len(simulate_clinic(n_clients=100, seed=1, n_therapists=7).therapists) == 7


def test_an_unknown_parameter_is_named():
    with pytest.raises(TypeError, match="within_efect"):
        simulate_clinic(n_clients=10, within_efect=-1.0)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("n_clients", 0),
        ("min_sessions", 40),
        ("ar_phi", 1.0),
        ("rupture_hazard", 1.5),
        ("within_sd", 0.0),
        ("start_date", "next monday"),
        ("seed", -3),
        ("rupture_depth_sd_high", 0.5),
    ],
)
def test_a_bad_value_is_refused_with_its_name(field, value):
    with pytest.raises(ValueError, match=field):
        ClinicConfig(**{field: value})


def test_the_config_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        ClinicConfig().seed = 3  # type: ignore[misc]
