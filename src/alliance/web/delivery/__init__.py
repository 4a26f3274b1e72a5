"""Reaching clients and staff: contact details, sending check-ins, reminders, expiry, the kiosk."""
