"""Staff pages as a browser of a given language sees them."""

from __future__ import annotations

import pytest

from tests.web.i18n.staff_templates import WEB

# the site's LocaleMiddleware and the catalogue of the site-wide templates, as the settings
# give them once the clinic's languages are configured there
LOCALE = "django.middleware.locale.LocaleMiddleware"
SESSIONS = "django.contrib.sessions.middleware.SessionMiddleware"


@pytest.fixture
def languages(settings):
    middleware = list(settings.MIDDLEWARE)
    if LOCALE not in middleware:
        middleware.insert(middleware.index(SESSIONS) + 1, LOCALE)
    settings.MIDDLEWARE = middleware
    settings.LANGUAGES = [("en", "English"), ("es", "Español")]
    settings.LOCALE_PATHS = [WEB / "locale"]


@pytest.fixture
def page(languages):
    """The page at url as a browser asking for language receives it."""

    def get(client, url: str, language: str) -> str:
        response = client.get(url, headers={"accept-language": language})
        assert response.status_code == 200
        return response.content.decode()

    return get
