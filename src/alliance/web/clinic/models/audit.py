"""Who read or changed which client's record, when and from where; never the contents of answers.

Rows are append-only: the ORM refuses to change or delete one, and on PostgreSQL a trigger refuses
it too. The actor's username and the client's code are kept as text, so history survives when a
staff account or a client's record is removed (the links to them then become empty).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditKind(models.TextChoices):
    READ = "read", _("Read")
    CHANGE = "change", _("Change")
    EXPORT = "export", _("Export")
    ERASE = "erase", _("Erase")
    ACCOUNT = "account", _("Account")


class AppendOnly(Exception):
    """An audit row was about to be changed or deleted."""


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnly("audit rows cannot be changed")

    def delete(self):
        raise AppendOnly("audit rows cannot be deleted")


class AuditEvent(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True, db_index=True)
    client = models.ForeignKey(
        "clinic.Client", null=True, on_delete=models.SET_NULL, related_name="audit_events"
    )
    client_code = models.CharField(max_length=32, blank=True, db_index=True)
    kind = models.CharField(max_length=10, choices=AuditKind.choices, default=AuditKind.CHANGE)
    action = models.CharField(max_length=60)
    target = models.CharField(max_length=100, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at"]

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise AppendOnly("audit rows cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("audit rows cannot be deleted")
