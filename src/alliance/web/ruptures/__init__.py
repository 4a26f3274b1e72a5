"""Ruptures: run the detector after each check-in, explain new episodes, follow their repair."""
