"""One row per client summing up their history for the caseload and the team dashboard.

The follow-up rewrites a client's row after their answers are analysed, and the alert and
episode changes rewrite their part, so the pages read one row per client whatever the history.
The placement on the expected course is kept with the model version it was made against and is
placed again in bulk when the clinic's model moves on (see `summary.replace_stale_tracks`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

DIMENSION_FIELDS = ("goal", "task", "bond")


def _score():
    return models.FloatField(null=True, blank=True)


class ClientSummary(models.Model):
    client = models.OneToOneField(
        "clinic.Client", primary_key=True, on_delete=models.CASCADE, related_name="summary"
    )
    # the client's clinic, code and therapist, copied from the client row (kept in step by the
    # client's save), so the lists filter and sort on this table alone and stop at a page's end
    # (the indexes below lead with clinic and therapist, so their own would only cost writes)
    clinic = models.ForeignKey(
        "accounts.Clinic", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    code = models.CharField(max_length=32)
    therapist = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    # the latest client alliance check-in by dimension, and the change since the one before
    goal, task, bond, alliance = _score(), _score(), _score(), _score()
    goal_change, task_change = _score(), _score()
    bond_change, alliance_change = _score(), _score()
    # every alliance check-in of the client: count, sum and sum of squares per dimension, so
    # the team's and the clinic's means and intervals are sums over these rows
    goal_n = models.PositiveIntegerField(default=0)
    goal_sum, goal_squares = models.FloatField(default=0), models.FloatField(default=0)
    task_n = models.PositiveIntegerField(default=0)
    task_sum, task_squares = models.FloatField(default=0), models.FloatField(default=0)
    bond_n = models.PositiveIntegerField(default=0)
    bond_sum, bond_squares = models.FloatField(default=0), models.FloatField(default=0)
    # the latest score of the clinic's outcome measure, and change since intake
    outcome_instrument = models.CharField(max_length=40, blank=True)
    outcome = _score()
    outcome_band = models.CharField(max_length=40, blank=True)
    outcome_category = models.CharField(max_length=20, blank=True)
    recovery = models.CharField(max_length=30, blank=True)
    # the placement on the expected course (latest episode, from its second score on)
    track = models.CharField(max_length=30, blank=True)
    track_intake, track_outcome = _score(), _score()
    track_session = models.PositiveIntegerField(null=True, blank=True)  # its number
    track_course = models.PositiveIntegerField(null=True, blank=True)  # its place in the episode
    track_expected, track_lower, track_upper = _score(), _score(), _score()
    track_default_curve = models.BooleanField(default=False)
    track_version = models.CharField(max_length=80, blank=True)
    # open alerts: counts by severity, and (severity, kind) of each, newest first
    open_alerts = models.PositiveIntegerField(default=0)
    urgent_alerts = models.PositiveIntegerField(default=0)
    warning_alerts = models.PositiveIntegerField(default=0)
    info_alerts = models.PositiveIntegerField(default=0)
    alert_badges = models.JSONField(default=list, blank=True)
    snooze_ends = models.DateTimeField(null=True, blank=True)  # a snoozed alert reopens then
    last_session = models.DateField(null=True, blank=True)
    episode_active = models.BooleanField(default=True)
    episode_ended = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # drawn afresh at every write that changes what the clinic's figures sum up, so their sum
    # over a clinic moves on with any such write, whatever order the writes commit in
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["episode_active"], name="summary_active"),
            models.Index(fields=["snooze_ends"], name="summary_snooze_ends"),
            models.Index(fields=["clinic", "revision"], name="summary_clinic_revision"),
            # the default order of the lists, so a page is read off the index and stops early
            models.Index(
                "therapist",
                F("urgent_alerts").desc(),
                F("open_alerts").desc(),
                "code",
                "client",
                name="summary_by_alerts",
            ),
            models.Index(fields=["therapist", "code"], name="summary_by_code"),
            # (SQLite puts empty scores last in a descending index, as the list does)
            models.Index(
                "therapist", F("outcome").desc(), "code", "client", name="summary_by_outcome"
            ),
            models.Index(
                fields=["therapist", "snooze_ends"],
                condition=Q(snooze_ends__isnull=False),
                name="summary_snoozed",
            ),
        ]

    def __str__(self) -> str:
        return f"summary of client {self.client_id}"


class ClinicFigures(models.Model):
    """Each therapist's and the whole clinic's figures summed over the summaries (active and
    off-track clients; count, sum and sum of squares of the check-ins by dimension), stored for
    every server process and taken again when the summaries' version moves on."""

    clinic = models.OneToOneField(
        "accounts.Clinic", primary_key=True, on_delete=models.CASCADE, related_name="figures"
    )
    version = models.CharField(max_length=80)
    figures = models.JSONField(default=dict)
    taken_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"figures of clinic {self.clinic_id}"
