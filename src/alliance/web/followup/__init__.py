"""The follow-up of stored answers (rupture detection and other analysis), run after the commit."""
