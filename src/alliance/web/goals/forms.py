"""The therapist's goal and task forms; every problem is shown next to its field."""

from __future__ import annotations

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from alliance.web.clinic.models import Client, Goal, Task
from alliance.web.security.hygiene import TextHygiene


class GoalForm(TextHygiene, forms.ModelForm):
    note = forms.CharField(
        label=_("Why the status changed (optional)"), max_length=300, required=False
    )

    class Meta:
        model = Goal
        fields = ["text", "framing", "priority", "therapist_agreement", "status"]
        labels = {
            "text": "The goal, in the client's own words",
            "framing": "Your framing (optional)",
            "priority": "Priority (1 is the most important)",
            "therapist_agreement": "How much you agree this is the goal to work on (0-10)",
        }

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority"].validators.append(MinValueValidator(1))
        self.fields["therapist_agreement"].validators.append(MaxValueValidator(10))
        if not editing:
            del self.fields["status"], self.fields["note"]

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write the goal as the client put it."))
        return text


class TaskForm(TextHygiene, forms.ModelForm):
    class Meta:
        model = Task
        fields = ["description", "rationale", "kind", "goal", "status"]
        labels = {
            "description": "What we do",
            "rationale": "Why, in plain words the client would use",
            "kind": "Kind of task",
            "goal": "For which goal (optional)",
        }

    def __init__(self, *args, client: Client, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = client.goals.all()
        self.fields["rationale"].required = True
        self.fields["rationale"].error_messages["required"] = (
            "Say why this task may help: the client is asked whether they understand it."
        )
        if not editing:
            del self.fields["status"]


class ReframeForm(TextHygiene, forms.Form):
    """The proposal's wording as agreed with the client; accepted as a goal when saved."""

    text = forms.CharField(
        label=_("The goal, in the words you agreed together"),
        max_length=300,
        help_text=_("Start from the client's own words and change only what you changed together."),
        error_messages={"required": _("Write the goal as you agreed it with the client.")},
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError("Write the goal as you agreed it with the client.")
        return text


PROGRESS_VIEW = {"clinic": None, "yes": True, "no": False}


class ProgressViewForm(forms.Form):
    """Whether this client's thank-you page shows them their own progress."""

    shown = forms.ChoiceField(
        label=_("After a check-in, show the client their own goal progress and outcome"),
        choices=[
            ("clinic", "As the clinic's setting says"),
            ("yes", "Yes, for this client"),
            ("no", "No, not for this client"),
        ],
        error_messages={"invalid_choice": _("Choose the clinic's setting, yes or no.")},
    )

    def choice(self) -> bool | None:
        return PROGRESS_VIEW[self.cleaned_data["shown"]]


def progress_view_initial(client: Client) -> str:
    return next(key for key, value in PROGRESS_VIEW.items() if value is client.sees_own_progress)
