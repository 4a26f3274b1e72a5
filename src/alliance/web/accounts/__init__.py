"""Staff accounts: clinics, teams, users and their roles, and the login."""
