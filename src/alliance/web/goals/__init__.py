"""Goals and tasks: agreed with the client, rated at check-in, edited by their therapist."""
