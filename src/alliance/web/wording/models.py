"""The official wording of a licensed instrument, imported by a clinic that holds the licence.

It lives only in the clinic's database; the check-in shows it instead of the short labels, to
clients whose language it is imported in (one import per instrument and language)."""

from __future__ import annotations

import dataclasses

from django.conf import settings
from django.db import models
from django.utils import timezone, translation

from alliance.interop.fhir import Wording
from alliance.measures import Instrument, Item, get_instrument
from alliance.measures.model import Option


class LicensedWording(models.Model):
    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.CASCADE, related_name="+")
    instrument = models.CharField(max_length=40)
    version = models.CharField(max_length=20)
    language = models.CharField(max_length=20, help_text="The language the check-in shows.")
    wording = models.JSONField(help_text="Item and answer texts by language.")
    licence = models.CharField(max_length=300, help_text="The licence the clinic holds.")
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "licensed wording"
        verbose_name_plural = "licensed wording"
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "instrument", "language"],
                name="one_wording_per_instrument_and_language",
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument} ({self.language})"

    @property
    def texts(self) -> dict[str, str]:
        return Wording.from_json(self.wording).texts.get(self.language, {})

    def worded(self, instrument: Instrument, language: str | None = None) -> dict[str, Item]:
        """{item id: the item with its licensed text and answer texts}, for the check-in form:
        in `language` (by default the language it was imported for), when the Questionnaire
        carries that language."""
        found = Wording.from_json(self.wording)
        language = language or self.language
        texts = found.texts.get(language, {})
        options = found.options.get(language, {})
        return {
            item.id: _worded(item.in_language(language), texts[item.id], options.get(item.id, {}))
            for item in instrument.items
            if item.id in texts
        }


def _worded(item: Item, text: str, options: dict[int, str]) -> Item:
    shown = tuple(Option(o.value, options.get(o.value, o.label)) for o in item.options)
    return dataclasses.replace(item, label=text, options=shown)


def worded_items(
    client_id: int, instruments: list[str], language: str | None = None
) -> dict[str, dict[str, Item]]:
    """{instrument: {item id: worded item}}: the licensed wording the client's clinic imported
    for these instruments in `language` (the active language by default). An import for this
    language comes first; another import whose Questionnaire also carries the language will do.
    One query; none when every instrument is worded by this project."""
    licensed = [i for i in instruments if get_instrument(i).wording == "labels"]
    if not licensed:
        return {}
    language = language or translation.get_language() or ""
    rows = LicensedWording.objects.filter(clinic__clients=client_id, instrument__in=licensed)
    found: dict[str, dict[str, Item]] = {}
    for row in sorted(rows, key=lambda row: row.language != language):
        worded = row.worded(get_instrument(row.instrument), language)
        if worded and row.instrument not in found:
            found[row.instrument] = worded
    return found
