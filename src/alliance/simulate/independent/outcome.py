"""PHQ-9 courses of the independent family (filled in below)."""
