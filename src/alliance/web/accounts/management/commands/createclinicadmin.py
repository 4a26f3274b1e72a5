"""Create the first clinic admin (and the clinic itself when there is none yet)."""

from __future__ import annotations

import os
from getpass import getpass

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from alliance.web.accounts.models import Clinic, Role, User


class Command(BaseCommand):
    help = "Create a clinic admin who can manage staff and clinic settings (no clinical data)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--clinic", default="My clinic", help="Clinic name, when none exists.")
        parser.add_argument(
            "--password-from-env",
            metavar="VAR",
            help="Read the password from this environment variable.",
        )

    def handle(self, *args, username: str, clinic: str, password_from_env: str | None, **options):
        if User.objects.filter(username=username).exists():
            raise CommandError(f"username {username!r} is already taken")
        password = self._password(password_from_env)
        with transaction.atomic():
            found = Clinic.objects.order_by("pk").first() or Clinic.objects.create(name=clinic)
            User.objects.create_superuser(
                username=username, password=password, email="", role=Role.ADMIN, clinic=found
            )
        self.stdout.write(f"Created clinic admin {username!r} for {found.name!r}.")

    def _password(self, variable: str | None) -> str:

        password = os.environ.get(variable, "") if variable else getpass("Password: ")
        if len(password) < 12:
            raise CommandError("the password must have at least 12 characters")
        return password
