"""Email the daily digest of waiting alerts to each staff member who chose it (run daily)."""

from django.core.management.base import BaseCommand

from alliance.web.delivery.notify import send_digests


class Command(BaseCommand):
    help = "Email each staff member who chose the daily digest how many alerts wait for them."

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"Sent {sent} digest{'s' if sent != 1 else ''}.")
