"""Recompute the caseload summaries from the history: every client, or one clinic's."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from alliance.web.accounts.models import Clinic
from alliance.web.caseload.backfill import refresh_clients
from alliance.web.clinic.models import Client


class Command(BaseCommand):
    help = "Recompute every client's caseload summary from their history (backfill or repair)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--clinic", type=int, help="only this clinic (its id)")

    def handle(self, *args, clinic: int | None = None, **options) -> None:
        clients = Client.objects.all()
        if clinic is not None:
            if not Clinic.objects.filter(pk=clinic).exists():
                raise CommandError(f"--clinic: no clinic with id {clinic}")
            clients = clients.filter(clinic_id=clinic)
        done = refresh_clients(clients, lambda n: self.stderr.write(f"{n} clients summed up"))
        self.stdout.write(f"Summaries recomputed for {done} clients.")
