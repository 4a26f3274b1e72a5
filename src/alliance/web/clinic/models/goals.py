"""Goals in the client's own words, and the tasks agreed to reach them (a simple first version)."""

from __future__ import annotations

from django.db import models


class GoalStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    REACHED = "reached", "Reached"
    DROPPED = "dropped", "Dropped"


class Goal(models.Model):
    client = models.ForeignKey("clinic.Client", on_delete=models.CASCADE, related_name="goals")
    text = models.CharField("in the client's own words", max_length=300)
    framing = models.CharField("therapist's framing", max_length=300, blank=True)
    status = models.CharField(max_length=20, choices=GoalStatus.choices, default=GoalStatus.ACTIVE)
    priority = models.PositiveSmallIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["priority", "pk"]

    def __str__(self) -> str:
        return self.text


class Task(models.Model):
    client = models.ForeignKey("clinic.Client", on_delete=models.CASCADE, related_name="tasks")
    goal = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="tasks")
    description = models.CharField(max_length=300)
    rationale = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
