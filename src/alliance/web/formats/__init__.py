"""The project's date formats where Django's own would mislead (see en/formats.py)."""
