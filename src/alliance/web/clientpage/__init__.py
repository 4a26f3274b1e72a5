"""The client page: alliance and outcome over sessions, comments, goals and sessions."""
