"""Seed the synthetic demo clinic unless it is already there."""

from django.core.management.base import BaseCommand

from alliance.web.demo.seed import seed_demo


class Command(BaseCommand):
    help = "Seed a synthetic demo clinic (about 60 simulated clients); does nothing if present."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--clients", type=int, default=60)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, clients: int, seed: int, **options) -> None:
        created = seed_demo(n_clients=clients, seed=seed)
        done = "Seeded the demo clinic." if created else "The demo clinic is already there."
        self.stdout.write(done)
