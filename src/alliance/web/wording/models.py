"""The official wording of a licensed instrument, imported by a clinic that holds the licence.

It lives only in the clinic's database; the check-in shows it instead of the short labels."""

from __future__ import annotations

import dataclasses

from django.conf import settings
from django.db import models
from django.utils import timezone

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
                fields=["clinic", "instrument"], name="one_wording_per_instrument"
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument} ({self.language})"

    @property
    def texts(self) -> dict[str, str]:
        return Wording.from_json(self.wording).texts.get(self.language, {})

    def worded(self, instrument: Instrument) -> dict[str, Item]:
        """{item id: the item with its licensed text and answer texts}, for the check-in form."""
        found = Wording.from_json(self.wording)
        texts = found.texts.get(self.language, {})
        options = found.options.get(self.language, {})
        return {
            item.id: _worded(item, texts[item.id], options.get(item.id, {}))
            for item in instrument.items
            if item.id in texts
        }


def _worded(item: Item, text: str, options: dict[int, str]) -> Item:
    shown = tuple(Option(o.value, options.get(o.value, o.label)) for o in item.options)
    return dataclasses.replace(item, label=text, options=shown)


def worded_items(client_id: int, instruments: list[str]) -> dict[str, dict[str, Item]]:
    """{instrument: {item id: worded item}}: the licensed wording the client's clinic imported
    for these instruments (one query; none when every instrument is worded by this project)."""
    licensed = [i for i in instruments if get_instrument(i).wording == "labels"]
    if not licensed:
        return {}
    rows = LicensedWording.objects.filter(clinic__clients=client_id, instrument__in=licensed)
    return {row.instrument: row.worded(get_instrument(row.instrument)) for row in rows}
