"""The site's languages as the settings give them once the clinic's languages are set there."""

from __future__ import annotations

from tests.web.i18n.staff_templates import WEB

# the site's LocaleMiddleware and the catalogue of the site-wide templates
LOCALE = "django.middleware.locale.LocaleMiddleware"
SESSIONS = "django.contrib.sessions.middleware.SessionMiddleware"


def speak_the_site_languages(settings) -> None:
    """English and Spanish, chosen by the browser (settings: the pytest-django fixture)."""
    middleware = list(settings.MIDDLEWARE)
    if LOCALE not in middleware:
        middleware.insert(middleware.index(SESSIONS) + 1, LOCALE)
    settings.MIDDLEWARE = middleware
    settings.LANGUAGES = [("en", "English"), ("es", "Español")]
    settings.LOCALE_PATHS = [WEB / "locale"]
