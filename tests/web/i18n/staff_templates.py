"""The staff templates whose wording is marked for translation, and a scan for text left out."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import alliance.web

WEB = Path(alliance.web.__file__).parent

# the client's side: held by tests/web/checkin/test_client_templates_translated.py
NOT_STAFF = (
    "checkin/",
    "wording/",
    "charts/",
    "demo/",
    "delivery/templates/delivery/kiosk",
    "delivery/templates/delivery/_contact.html",
    "goals/templates/goals/_checkin_questions.html",
)

# attributes a person reads or hears; every other attribute is machine text
READ_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}

# the product's name, the same in every language
NAMES = {"alliance"}

TRANSLATED = re.compile(
    r"{%\s*(?:blocktranslate|blocktrans)\b.*?%}.*?{%\s*(?:endblocktranslate|endblocktrans)\s*%}"
    r"|{%\s*(?:translate|trans)\s.*?%}",
    re.DOTALL,
)
COMMENT = re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}|{#.*?#}", re.DOTALL)
TAG = re.compile(r"{%.*?%}|{{.*?}}", re.DOTALL)
MACHINE_ELEMENTS = re.compile(r"<(style|script|code)\b.*?</\1>", re.DOTALL)
VARIABLE = re.compile(r"{{(.*?)}}", re.DOTALL)
LITERAL = re.compile(r"""(_\()?(["'])(.*?)\2""")
FORMAT_FILTERS = re.compile(r"\|(?:date|time|floatformat|add|truncatechars):\s*$")


def staff_templates() -> list[Path]:
    """Every staff template, in a stable order."""
    found = sorted(WEB.rglob("templates/**/*.html"))
    return [path for path in found if not _excluded(path)]


def _excluded(path: Path) -> bool:
    relative = path.relative_to(WEB).as_posix()
    return any(relative.startswith(prefix) or f"/{prefix}" in relative for prefix in NOT_STAFF)


def untranslated(source: str) -> list[str]:
    """The words a reader would see that no translation tag covers."""
    return _loose_literals(source) + _loose_text(source)


def _loose_text(source: str) -> list[str]:
    text = TAG.sub("", TRANSLATED.sub("", COMMENT.sub("", source)))
    reader = _TextReader()
    reader.feed(MACHINE_ELEMENTS.sub("", text))
    return [piece for piece in reader.pieces if _has_words(piece)]


def _loose_literals(source: str) -> list[str]:
    """String literals in {{ }} (a filter's default, yesno) that a reader sees untranslated."""
    loose = []
    for variable in VARIABLE.findall(COMMENT.sub("", source)):
        for match in LITERAL.finditer(variable):
            before = variable[: match.start()]
            if match.group(1) or FORMAT_FILTERS.search(before) or not _has_words(match.group(3)):
                continue
            loose.append(match.group(3))
    return loose


def _has_words(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text)
    return any(word not in NAMES for word in words)


class _TextReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.pieces += [value for name, value in attrs if name in READ_ATTRIBUTES and value]

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.pieces.append(data.strip())
