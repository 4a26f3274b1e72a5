"""The clinic's settings as a validated form: no raw JSON; the model's own checks still apply."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alliance.measures import get_instrument, list_instruments
from alliance.web.clinic.instruments import asking_order, outcome_choices, title_of
from alliance.web.clinic.models import ClinicSettings
from alliance.web.clinic.models.settings import default_rupture_detector
from alliance.web.delivery.models import DeliverySettings
from alliance.web.security.hygiene import TextHygiene

PLAIN_FIELDS = [
    "link_lifetime_hours",
    "outcome_instrument",
    "task_agreement_line",
    "goal_agreement_line",
    "stall_ratings",
    "therapists_need_two_factor",
    "erasure_keeps_scores",
    "retention_years",
    "crisis_message",
    "crisis_contact_text",
    "crisis_contact_number",
    "clients_see_their_progress",
]
SCHEDULE_PREFIX = "every__"


def scheduled_instruments():
    """Every shipped instrument a check-in can ask, client's first, each in the asking order."""
    by_id = {inst.id: inst for inst in list_instruments()}
    in_order = [by_id[i] for i in asking_order(by_id)]
    return sorted(in_order, key=lambda inst: inst.respondent != "client")


def reminder_hours(clinic_id: int | None) -> int:
    """The clinic's reminder delay, 0 for none (read only: a form never creates settings)."""
    stored = DeliverySettings.objects.filter(clinic_id=clinic_id).values_list(
        "remind_after_hours", flat=True
    )
    found = stored.first()
    return (
        DeliverySettings._meta.get_field("remind_after_hours").default if found is None else found
    )


class ClinicSettingsForm(TextHygiene, forms.ModelForm):
    outcome_instrument = forms.ChoiceField(
        label=gettext_lazy("Outcome measure"),
        help_text=ClinicSettings._meta.get_field("outcome_instrument").help_text,
    )
    restore_rupture_default = forms.BooleanField(
        required=False,
        label=gettext_lazy("Restore the rupture detector's default rules"),
        help_text=gettext_lazy(
            "The detector's rules are described in the clinic docs; a clinic that changed "
            "them can return to the validated default here."
        ),
    )

    class Meta:
        model = ClinicSettings
        fields = PLAIN_FIELDS
        # the model's fields name no verbose_name; the form names them, in the reader's language
        labels = {
            "link_lifetime_hours": gettext_lazy("Check-in link lifetime (hours)"),
            "task_agreement_line": gettext_lazy("Task agreement line"),
            "goal_agreement_line": gettext_lazy("Goal agreement line"),
            "stall_ratings": gettext_lazy("Stall ratings"),
            "therapists_need_two_factor": gettext_lazy("Therapists need two factor"),
            "erasure_keeps_scores": gettext_lazy("Erasure keeps scores"),
            "retention_years": gettext_lazy("Erase records this many years after the episode ends"),
            "crisis_message": gettext_lazy("Crisis message"),
            "crisis_contact_text": gettext_lazy("Crisis contact text"),
            "crisis_contact_number": gettext_lazy("Crisis contact number"),
            "clients_see_their_progress": gettext_lazy("Clients see their progress"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome_instrument"].choices = [
            (i, f"{title_of(get_instrument(i))} ({i})") for i in outcome_choices()
        ]
        schedule = self.instance.schedule or {}
        for inst in scheduled_instruments():
            self.fields[SCHEDULE_PREFIX + inst.id] = forms.IntegerField(
                label=_scheduled_label(inst),
                required=False,
                min_value=0,
                max_value=52,
                initial=schedule.get(inst.id, 0),
                help_text=_(
                    "Ask at session 1 and every this-many sessions after (1: every "
                    "session, 0 or empty: never)."
                ),
            )

    def schedule_fields(self):
        return [self[name] for name in self.fields if name.startswith(SCHEDULE_PREFIX)]

    def plain_fields(self):
        return [self[name] for name in self.fields if not name.startswith(SCHEDULE_PREFIX)]

    def clean(self):
        found = super().clean()
        self._clean_lifetime(found.get("link_lifetime_hours"))
        if not self.errors and not any(
            found.get(SCHEDULE_PREFIX + i.id) for i in scheduled_instruments()
        ):
            raise forms.ValidationError(_("Ask at least one instrument."))
        return found

    def _clean_lifetime(self, hours: int | None) -> None:
        remind = reminder_hours(self.instance.clinic_id)
        if hours is not None and remind and hours <= remind:
            self.add_error(
                "link_lifetime_hours",
                _(
                    "the reminder goes %(hours)s hours after sending (Sending check-ins), so a "
                    "link must live longer than that; change the reminder first to shorten it"
                )
                % {"hours": remind},
            )

    def _post_clean(self):
        # the check-in asks in one fixed order (ClinicSettings.asked), whatever the keys' order
        self.instance.schedule = {
            inst.id: self.cleaned_data[SCHEDULE_PREFIX + inst.id]
            for inst in scheduled_instruments()
            if self.cleaned_data.get(SCHEDULE_PREFIX + inst.id)
        }
        if self.cleaned_data.get("restore_rupture_default"):
            self.instance.rupture_detector = default_rupture_detector()
        super()._post_clean()


RESPONDENT_WORDS = {"client": gettext_lazy("client"), "therapist": gettext_lazy("therapist")}


def _scheduled_label(inst) -> str:
    """The title in the page's language, with who answers when the title does not say."""
    if f"({inst.respondent})" in inst.title:
        return title_of(inst)
    return f"{title_of(inst)} ({RESPONDENT_WORDS[inst.respondent]})"
