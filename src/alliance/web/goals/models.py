"""The client's own voice on their goals: a goal they propose at check-in, in their words, and
which of their goals matters most to them now. The therapist answers each proposal."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ProposalStatus(models.TextChoices):
    NEW = "new", _("New")
    TO_DISCUSS = "to-discuss", _("To discuss together")
    ACCEPTED = "accepted", _("Accepted as a goal")


class GoalProposal(models.Model):
    """A goal the client wrote at a check-in; `text` keeps their words as written, `goal` is
    the goal it became (its wording agreed together when the therapist reframed it)."""

    client = models.ForeignKey(
        "clinic.Client", on_delete=models.CASCADE, related_name="goal_proposals"
    )
    session = models.ForeignKey(
        "clinic.Session", on_delete=models.CASCADE, related_name="goal_proposals"
    )
    text = models.CharField("in the client's own words", max_length=300)
    status = models.CharField(
        max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.NEW
    )
    goal = models.ForeignKey(
        "clinic.Goal", null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session"], name="one_goal_proposal_per_session")
        ]

    def __str__(self) -> str:
        return self.text


class GoalFocus(models.Model):
    """The goal the client said matters most to them now, at one check-in."""

    session = models.OneToOneField(
        "clinic.Session", on_delete=models.CASCADE, related_name="goal_focus"
    )
    goal = models.ForeignKey("clinic.Goal", on_delete=models.CASCADE, related_name="focuses")

    class Meta:
        verbose_name_plural = "goal focuses"
