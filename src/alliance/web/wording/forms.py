"""The admin's import form: a licensed FHIR Questionnaire, checked against the shipped structure,
and the admin's confirmation that the clinic holds the licence."""

from __future__ import annotations

from django import forms

from alliance.interop.fhir import FhirError, read_wording
from alliance.measures import list_instruments

from .models import LicensedWording

MAX_BYTES = 2_000_000


def _licensed_choices() -> list[tuple[str, str]]:
    found = [(i.id, f"{i.id}: {i.title}") for i in list_instruments() if i.wording == "labels"]
    return [("", "found from the Questionnaire (its URL or LOINC code)"), *found]


class ImportWordingForm(forms.ModelForm):
    questionnaire = forms.FileField(help_text="A FHIR Questionnaire (JSON) the clinic may use.")
    # not named as the model's fields, which the form sets itself from the checked wording
    shipped_instrument = forms.ChoiceField(choices=_licensed_choices, required=False)
    check_in_language = forms.CharField(
        max_length=20,
        required=False,
        help_text="The language of the clients it is shown to (for example en, es); empty: "
        "the Questionnaire's own language. Needed when the Questionnaire does not name one. "
        "Import once per language.",
    )
    holds_licence = forms.BooleanField(
        label="The clinic holds a licence to use this wording",
        help_text="Required. The wording is stored in this clinic's database only.",
    )

    class Meta:
        model = LicensedWording
        fields = ["clinic", "licence"]

    def clean(self) -> dict:
        cleaned = super().clean()
        upload = cleaned.get("questionnaire")
        if upload is None:
            return cleaned
        if upload.size > MAX_BYTES:
            raise forms.ValidationError({"questionnaire": "the file is over 2 MB"})
        self._read(upload.read(), cleaned)
        return cleaned

    def _read(self, content: bytes, cleaned: dict) -> None:
        language = cleaned.get("check_in_language") or None
        instrument = cleaned.get("shipped_instrument") or None
        try:
            wording = read_wording(content, instrument, language=language)
        except FhirError as error:
            problems = [str(problem) for problem in error.problems]
            raise forms.ValidationError({"questionnaire": problems}) from None
        shown = language or wording.language
        if shown not in wording.texts:
            known = ", ".join(wording.languages)
            problem = f"no wording in {shown}; it has {known}"
            raise forms.ValidationError({"check_in_language": problem})
        self.instance.instrument, self.instance.version = wording.instrument, wording.version
        self.instance.language, self.instance.wording = shown, wording.as_json()
