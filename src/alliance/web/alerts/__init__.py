"""Alerts: the rules that raise them from answers, and acknowledging them."""
