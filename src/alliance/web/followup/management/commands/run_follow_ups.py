"""Run every pending follow-up (rupture detection and the rest), for cron or after a restart."""

from django.core.management.base import BaseCommand, CommandError

from alliance.web.followup.run import drain


class Command(BaseCommand):
    help = "Run every pending follow-up of stored answers, failed ones included."

    def handle(self, *args, **options) -> None:
        done, failed = drain()
        self.stdout.write(f"Followed up {done} client(s).")
        if failed:
            raise CommandError(f"The follow-up of {failed} client(s) failed; see the log.")
