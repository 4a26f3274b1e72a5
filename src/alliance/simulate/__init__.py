"""A synthetic clinic with known truth, for validating the analyses (docs/science.md §9)."""

from .clinic import SimulatedClinic, simulate_clinic, simulate_from_config
from .config import ClinicConfig

__all__ = ["ClinicConfig", "SimulatedClinic", "simulate_clinic", "simulate_from_config"]
