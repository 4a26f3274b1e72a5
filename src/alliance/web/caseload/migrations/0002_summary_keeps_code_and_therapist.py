"""The summary keeps the client's clinic, code and therapist (copied from the client row), with
indexes for the lists' orders and a revision for the clinic's stored figures (a row of their
own)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import F, OuterRef, Q, Subquery

COPIED = ("clinic_id", "code", "therapist_id")


def copy_from_clients(apps, schema_editor):
    summaries = apps.get_model("caseload", "ClientSummary")
    clients = apps.get_model("clinic", "Client").objects.filter(pk=OuterRef("client_id"))
    summaries.objects.update(**{name: Subquery(clients.values(name)[:1]) for name in COPIED})


def _copied(name, field):
    return migrations.AddField(model_name="clientsummary", name=name, field=field)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_privacy_officer_role"),
        ("caseload", "0001_initial"),
        ("clinic", "0013_client_progress_view"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        _copied(
            "clinic",
            models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                db_index=False,
                to="accounts.clinic",
            ),
        ),
        _copied("code", models.CharField(max_length=32, default="")),
        _copied(
            "therapist",
            models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                db_index=False,
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="clientsummary",
            name="revision",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.RunPython(copy_from_clients, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="clientsummary",
            name="clinic",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                db_index=False,
                to="accounts.clinic",
            ),
        ),
        migrations.AlterField(
            model_name="clientsummary", name="code", field=models.CharField(max_length=32)
        ),
        migrations.AlterField(
            model_name="clientsummary",
            name="therapist",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                db_index=False,
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddIndex(
            model_name="clientsummary",
            index=models.Index(fields=["clinic", "revision"], name="summary_clinic_revision"),
        ),
        migrations.AddIndex(
            model_name="clientsummary",
            index=models.Index(
                "therapist",
                F("urgent_alerts").desc(),
                F("open_alerts").desc(),
                "code",
                "client",
                name="summary_by_alerts",
            ),
        ),
        migrations.AddIndex(
            model_name="clientsummary",
            index=models.Index(fields=["therapist", "code"], name="summary_by_code"),
        ),
        migrations.AddIndex(
            model_name="clientsummary",
            index=models.Index(
                "therapist", F("outcome").desc(), "code", "client", name="summary_by_outcome"
            ),
        ),
        migrations.AddIndex(
            model_name="clientsummary",
            index=models.Index(
                fields=["therapist", "snooze_ends"],
                condition=Q(snooze_ends__isnull=False),
                name="summary_snoozed",
            ),
        ),
        migrations.CreateModel(
            name="ClinicFigures",
            fields=[
                (
                    "clinic",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="figures",
                        serialize=False,
                        to="accounts.clinic",
                    ),
                ),
                ("version", models.CharField(max_length=80)),
                ("figures", models.JSONField(default=dict)),
                ("taken_at", models.DateTimeField()),
            ],
        ),
    ]
