"""The POST forms of a rendered page, read from its HTML as a browser would submit them."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

TEXT_TYPES = {"text", "textarea", "email", "tel", "number", "date", "url", "search", "password"}


@dataclass
class Field:
    name: str
    kind: str  # an input type, "textarea" or "select"
    value: str = ""
    options: list[str] = field(default_factory=list)

    @property
    def takes_text(self) -> bool:
        return self.kind in TEXT_TYPES


@dataclass
class Form:
    action: str
    fields: list[Field] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self, page_url: str):
        super().__init__()
        self.page_url, self.forms, self._form, self._select = page_url, [], None, None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("method", "get").lower() == "post":
            self._form = Form(a.get("action") or self.page_url)
        elif self._form is None or "name" not in a and tag != "option":
            return
        elif tag == "input" and a.get("type", "text") not in {"submit", "button", "file"}:
            self._form.fields.append(Field(a["name"], a.get("type", "text"), a.get("value", "")))
        elif tag == "textarea":
            self._form.fields.append(Field(a["name"], "textarea"))
        elif tag == "select":
            self._select = Field(a["name"], "select")
            self._form.fields.append(self._select)
        elif tag == "option" and self._select is not None:
            self._select.options.append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None
        elif tag == "select":
            self._select = None


def post_forms(html: str, page_url: str) -> list[Form]:
    reader = _Reader(page_url)
    reader.feed(html)
    return reader.forms
