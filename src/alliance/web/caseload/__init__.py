"""The caseload: every active client at a glance, in a constant number of queries."""
