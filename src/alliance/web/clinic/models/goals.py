"""Goals in the client's own words, the tasks agreed to reach them, and the client's view."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ZERO_TO_TEN = [MaxValueValidator(10)]


class GoalStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ACHIEVED = "achieved", _("Achieved")
    SET_ASIDE = "set-aside", _("Set aside")
    REVISED = "revised", _("Revised")


class Goal(models.Model):
    client = models.ForeignKey("clinic.Client", on_delete=models.CASCADE, related_name="goals")
    text = models.CharField("in the client's own words", max_length=300)
    framing = models.CharField("therapist's framing", max_length=300, blank=True)
    status = models.CharField(max_length=20, choices=GoalStatus.choices, default=GoalStatus.ACTIVE)
    priority = models.PositiveSmallIntegerField(default=1)
    therapist_agreement = models.PositiveSmallIntegerField(
        "therapist's agreement (0-10)", null=True, blank=True, validators=ZERO_TO_TEN
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["priority", "pk"]

    def __str__(self) -> str:
        return self.text


class GoalStatusChange(models.Model):
    """One change of a goal's status: the history shown on the client page."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="status_changes")
    old = models.CharField(max_length=20, choices=GoalStatus.choices)
    new = models.CharField(max_length=20, choices=GoalStatus.choices)
    note = models.CharField(max_length=300, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]


class TaskKind(models.TextChoices):
    METHOD = "method", _("A way of working in sessions")
    BETWEEN = "between-session", _("Between sessions")


class TaskStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    SET_ASIDE = "set-aside", _("Set aside")


class Task(models.Model):
    client = models.ForeignKey("clinic.Client", on_delete=models.CASCADE, related_name="tasks")
    goal = models.ForeignKey(
        Goal, null=True, blank=True, on_delete=models.SET_NULL, related_name="tasks"
    )
    description = models.CharField(max_length=300)
    rationale = models.CharField(max_length=500, blank=True)
    kind = models.CharField(max_length=20, choices=TaskKind.choices, default=TaskKind.METHOD)
    status = models.CharField(max_length=20, choices=TaskStatus.choices, default=TaskStatus.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.description


class GoalAgreement(models.Model):
    """The client's answer at a check-in: how much this goal is what they want to work on."""

    session = models.ForeignKey(
        "clinic.Session", on_delete=models.CASCADE, related_name="goal_agreements"
    )
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="agreements")
    agreement = models.PositiveSmallIntegerField(validators=ZERO_TO_TEN)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "goal"], name="one_goal_agreement_per_session"
            )
        ]


class TaskDone(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")


class TaskCheck(models.Model):
    """The client's answers on one task at a check-in; between-session tasks add done/helped."""

    session = models.ForeignKey(
        "clinic.Session", on_delete=models.CASCADE, related_name="task_checks"
    )
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="checks")
    understanding = models.PositiveSmallIntegerField(validators=ZERO_TO_TEN)
    agreement = models.PositiveSmallIntegerField(validators=ZERO_TO_TEN)
    concern = models.TextField(blank=True)
    done = models.CharField(max_length=10, choices=TaskDone.choices, blank=True)
    helped = models.PositiveSmallIntegerField(null=True, blank=True, validators=ZERO_TO_TEN)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "task"], name="one_task_check_per_session")
        ]
