"""The languages a client's check-in is shown in: the LANGUAGES setting, chosen per client."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.utils import translation


def language_choices() -> list[tuple[str, str]]:
    """(code, the language's own name) of every language a check-in can be shown in."""
    return [(code, name) for code, name in settings.LANGUAGES]


def supported(language: str | None) -> str:
    """The language itself when the clinic offers it, else the clinic's default language (a
    client kept in a language since removed from the setting still gets a readable page)."""
    try:
        return translation.get_supported_language_variant(language or "")
    except LookupError:
        return settings.LANGUAGE_CODE


@contextmanager
def shown_in(language: str | None) -> Iterator[str]:
    """Translate everything inside into the client's language, whatever the browser asks for;
    with no language known (an unknown link) the browser's language stays."""
    if language is None:
        yield translation.get_language()
        return
    with translation.override(supported(language)):
        yield translation.get_language()


def said_in(response, language: str):
    """The response, marked with the language its page is written in."""
    response.headers["Content-Language"] = language
    return response
