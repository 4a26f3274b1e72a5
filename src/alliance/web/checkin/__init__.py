"""Check-in: one-use links, the client's phone form and the therapist's post-session form."""
