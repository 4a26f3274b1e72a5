"""alliance: measure and strengthen the therapeutic alliance, session by session."""

__version__ = "0.1.0"
