"""Clinics, teams and staff users; clients have no account."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    THERAPIST = "therapist", _("Therapist")
    SUPERVISOR = "supervisor", _("Supervisor")
    ADMIN = "admin", _("Clinic admin")
    PRIVACY = "privacy", _("Privacy officer")


class Clinic(models.Model):
    name = models.CharField(max_length=200)

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=200)
    supervisor = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supervised_teams",
    )

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.THERAPIST)
    clinic = models.ForeignKey(
        Clinic,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
    )
    team = models.ForeignKey(
        Team,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )

    @property
    def is_clinic_admin(self) -> bool:
        return self.role == Role.ADMIN or self.is_superuser

    @property
    def reads_the_audit(self) -> bool:
        return self.role == Role.PRIVACY or self.is_clinic_admin

    @property
    def display(self) -> str:
        return self.get_full_name() or self.username

    @cached_property
    def supervises_a_team(self) -> bool:
        """Asked once per loaded user: a page and its navigation both want to know."""
        return self.supervised_teams.exists()
