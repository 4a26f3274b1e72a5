"""The clinic's delivery settings as a validated form: when check-ins go out, the one reminder,
the missed-check-in warning, the duty address and the wording."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alliance.web.clinic.models import ClinicSettings
from alliance.web.security.hygiene import TextHygiene

from .messages import DEFAULTS, check_wording, default_text
from .models import DeliverySettings, SendWhen

TIMING = ["send_when", "send_after_hours", "remind_after_hours", "missed_in_a_row"]
FIELDS = [*TIMING, "duty_email", *DEFAULTS]
WEEK_HOURS = 7 * 24
# the $names stay as they are in every language: the message's template fills them in
WORDING_HELP = {
    "email_subject": gettext_lazy(
        "Empty: the shipped subject, shown greyed in the box. May use $clinic (the clinic's "
        "name), $link (the check-in's address) and $expires (when it closes)."
    ),
    "email_body": gettext_lazy(
        "Empty: the shipped text, shown greyed in the box. Must contain $link; may use $clinic "
        "(the clinic's name), $link (the check-in's address) and $expires (when it closes). "
        "Never put anything clinical in a message."
    ),
    "reminder_body": gettext_lazy(
        "The one reminder's email. Empty: the shipped text. Must contain $link."
    ),
    "sms_body": gettext_lazy(
        "The text message. Empty: the shipped text. Must contain $link; keep it short."
    ),
}


def link_lifetime_hours(clinic_id: int | None) -> int:
    """How long the clinic's check-in links live (read only: a form never creates settings)."""
    stored = ClinicSettings.objects.filter(clinic_id=clinic_id).values_list(
        "link_lifetime_hours", flat=True
    )
    found = stored.first()
    return ClinicSettings._meta.get_field("link_lifetime_hours").default if found is None else found


class ClinicDeliveryForm(TextHygiene, forms.ModelForm):
    """The clinic admin's form of their own clinic's delivery settings."""

    send_when = forms.ChoiceField(
        label=gettext_lazy("When a check-in goes out"),
        choices=SendWhen.choices,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "Only to clients whose therapist chose email or text message for them (Contact for "
            "check-ins, on the client page); a cancelled or missed session sends nothing."
        ),
    )
    send_after_hours = forms.IntegerField(
        label=gettext_lazy("Hours after the session"),
        required=False,
        min_value=1,
        max_value=WEEK_HOURS,
        help_text=gettext_lazy("With 'a fixed number of hours after': how many (1 to 168)."),
    )
    remind_after_hours = forms.IntegerField(
        label=gettext_lazy("Reminder after (hours)"),
        min_value=0,
        max_value=WEEK_HOURS,
        help_text=gettext_lazy(
            "One reminder this many hours after sending if the check-in is unanswered; "
            "0 sends none. It must come before the link expires."
        ),
    )
    missed_in_a_row = forms.IntegerField(
        label=gettext_lazy("Missed check-ins in a row before a warning"),
        min_value=0,
        max_value=20,
        help_text=gettext_lazy(
            "Raise a warning for the therapist when a client's latest this-many check-ins "
            "expired unanswered; 0 raises none."
        ),
    )

    class Meta:
        model = DeliverySettings
        fields = FIELDS
        labels = {
            "duty_email": gettext_lazy("Duty address for urgent alerts"),
            "email_subject": gettext_lazy("Email subject"),
            "email_body": gettext_lazy("Check-in email"),
            "reminder_body": gettext_lazy("Reminder email"),
            "sms_body": gettext_lazy("Text message"),
        }
        help_texts = {
            "duty_email": gettext_lazy("Also told at once of every urgent alert (optional).")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in DEFAULTS:
            self.fields[field].help_text = WORDING_HELP[field]
            self.fields[field].widget.attrs["placeholder"] = default_text(field)

    def timing_fields(self):
        return [self[name] for name in TIMING]

    def wording_fields(self):
        return [self[name] for name in DEFAULTS]

    def clinic_id(self) -> int | None:
        return self.instance.clinic_id

    def clean(self):
        cleaned = super().clean()
        self._clean_send_after(cleaned)
        self._clean_reminder(cleaned.get("remind_after_hours"))
        for field in DEFAULTS:
            try:
                check_wording(field, cleaned.get(field) or "")
            except ValidationError as error:
                self.add_error(field, error.message_dict[field])
        return cleaned

    def _clean_send_after(self, cleaned) -> None:
        if cleaned.get("send_after_hours") is not None or "send_after_hours" in self.errors:
            return
        if cleaned.get("send_when") == SendWhen.AFTER:
            self.add_error("send_after_hours", _("say how many hours after the session"))
        else:
            cleaned["send_after_hours"] = self.instance.send_after_hours

    def _clean_reminder(self, hours: int | None) -> None:
        lifetime = link_lifetime_hours(self.clinic_id())
        if hours and hours >= lifetime:
            self.add_error(
                "remind_after_hours",
                _(
                    "a link expires %(hours)s hours after sending (the clinic settings' link "
                    "lifetime), so remind sooner, or use 0 for no reminder"
                )
                % {"hours": lifetime},
            )


class DeliverySettingsForm(ClinicDeliveryForm):
    """The same form in the admin site, where the clinic is chosen too."""

    class Meta(ClinicDeliveryForm.Meta):
        fields = ["clinic", *FIELDS]

    def clinic_id(self) -> int | None:
        clinic = self.cleaned_data.get("clinic")
        return clinic.pk if clinic is not None else self.instance.clinic_id
