"""Numbers as a person reads them in the active language: 7.5 in English, 7,5 in Spanish.

For text a person reads (pages, reports, the charts' labels and their text alternatives, the
words of an alert). Machine output (the API, exports, FHIR, CSV, webhooks, data-* attributes,
SVG coordinates, form values that must parse back) keeps Python's own point-decimal text.
The value is rounded by Python first, as f"{value:.1f}" or f"{value:g}" would round it, so only
the decimal mark follows the language; Django's number_format alone would cut the digits off."""

from __future__ import annotations

import math
from decimal import Decimal

from django.utils.formats import number_format


def shown_number(value: float) -> str:
    """The shortest form (as f"{value:g}": 7, 7.5), with the active language's decimal mark."""
    return _localized(f"{value:g}", value)


def shown_decimal(value: float, places: int = 1) -> str:
    """Exactly `places` decimals (as f"{value:.1f}": 7.0, 7.5), in the active language."""
    return _localized(f"{value:.{places}f}", value)


def _localized(text: str, value: float) -> str:
    if not math.isfinite(float(value)):
        return text
    return str(number_format(Decimal(text)))
