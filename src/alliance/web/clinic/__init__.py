"""The clinical record: clients, episodes, sessions, responses, goals, tasks, alerts, audit."""
