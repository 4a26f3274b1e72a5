"""The site's languages, as its settings give them."""

from __future__ import annotations

from tests.web.i18n.staff_templates import WEB

LOCALE = "django.middleware.locale.LocaleMiddleware"
SESSIONS = "django.contrib.sessions.middleware.SessionMiddleware"


def speak_the_site_languages(settings) -> None:
    """Hold what the Spanish page tests rest on: the locale middleware right after the session's
    (staff pages follow the browser), English and Spanish, and the site-wide templates'
    catalogue (settings: the pytest-django fixture)."""
    middleware = list(settings.MIDDLEWARE)
    assert middleware.index(LOCALE) == middleware.index(SESSIONS) + 1
    assert [code for code, _ in settings.LANGUAGES] == ["en", "es"]
    assert WEB / "locale" in settings.LOCALE_PATHS
