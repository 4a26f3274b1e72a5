"""Signed webhooks: a clinic admin registers URLs for events; deliveries are retried with backoff
on the task queue, and failures are shown to the admin."""
