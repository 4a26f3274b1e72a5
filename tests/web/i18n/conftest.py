"""Staff pages as a browser of a given language sees them."""

from __future__ import annotations

import pytest

from tests.web.i18n.languages import speak_the_site_languages


@pytest.fixture
def languages(settings):
    speak_the_site_languages(settings)


@pytest.fixture
def page(languages):
    """The page at url as a browser asking for language receives it."""

    def get(client, url: str, language: str) -> str:
        response = client.get(url, headers={"accept-language": language})
        assert response.status_code == 200
        return response.content.decode()

    return get
