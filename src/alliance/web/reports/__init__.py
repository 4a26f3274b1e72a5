"""Reports worth reading: the client progress report, the supervision report, the team dashboard."""
