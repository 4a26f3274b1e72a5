"""Outcome since intake, expected recovery and the not-on-track alert."""
