"""The official wording of a licensed Questionnaire, checked against a shipped instrument.

The result is data for the clinic to store: it never goes into this repository."""

from __future__ import annotations

from dataclasses import dataclass, field

from alliance.measures import Instrument, UnknownInstrumentError, get_instrument, list_instruments

from . import codes
from .errors import FhirError, Problem
from .validation import parsed, problems_of

QUESTION_TYPES = {"choice": ("choice", "open-choice"), "text": ("text", "string")}


@dataclass(frozen=True)
class Wording:
    """Item texts by language ({language: {item id: text}}), and option texts likewise."""

    instrument: str
    version: str
    texts: dict[str, dict[str, str]]
    options: dict[str, dict[str, dict[int, str]]] = field(default_factory=dict)
    language: str = ""  # the Questionnaire's own language; the others come from translations

    @property
    def languages(self) -> list[str]:
        return sorted(self.texts)

    def as_json(self) -> dict:
        """A JSON-ready dict (option values become text keys), for storing."""
        options = {
            lang: {
                item: {str(v): text for v, text in shown.items()} for item, shown in items.items()
            }
            for lang, items in self.options.items()
        }
        return {**self.__dict__, "options": options}

    @classmethod
    def from_json(cls, data: dict) -> Wording:
        options = {
            lang: {
                item: {int(v): text for v, text in shown.items()} for item, shown in items.items()
            }
            for lang, items in data.get("options", {}).items()
        }
        return cls(
            data["instrument"], data["version"], data["texts"], options, data.get("language", "")
        )


def read_wording(
    questionnaire: str | bytes | dict, instrument: str | None = None, *, language: str | None = None
) -> Wording:
    """The wording of a Questionnaire with the same items, codes and answer options as a shipped
    instrument (named, or found by canonical URL or LOINC panel code); FhirError otherwise.
    `language` is the language of the Questionnaire's own text when it does not name one."""
    data = parsed(questionnaire, "Questionnaire")
    name = f"Questionnaire {data.get('url') or data.get('id') or ''}".strip()
    _refuse(
        problems_of(data, name)
        if data.get("resourceType") == "Questionnaire"
        else [Problem(name, f"resourceType is {data.get('resourceType')!r}, not Questionnaire")]
    )
    inst = _which(data, instrument, name)
    lang = data.get("language") or language  # `language` only fills in when it is not named
    if not lang:
        raise FhirError(
            [Problem(name, "no language: set Questionnaire.language or give the language")]
        )
    matched = _matched(inst, data, name)
    return Wording(inst.id, inst.version, *_texts(inst, matched, lang), language=lang)


def _refuse(problems: list[Problem]) -> None:
    if problems:
        raise FhirError(problems)


def _which(data: dict, instrument: str | None, name: str) -> Instrument:
    inst = _named(instrument, data, name)
    if inst.wording != "labels":
        _refuse([Problem(name, f"{inst.id} is worded by this project; there is nothing to import")])
    return inst


def _named(instrument: str | None, data: dict, name: str) -> Instrument:
    prefix = f"{codes.BASE}/Questionnaire/"
    wanted = instrument or (data.get("url") or "").removeprefix(prefix)
    try:
        return get_instrument(wanted)
    except UnknownInstrumentError:
        pass
    panels = {c.get("code") for c in data.get("code") or [] if c.get("system") == codes.LOINC}
    for inst in list_instruments():
        if inst.codes.panel and inst.codes.panel in panels:
            return inst
    _refuse([Problem(name, "not a shipped instrument (say which, or give its URL or LOINC code)")])
    raise AssertionError  # unreachable: _refuse raised


def questions(items: list[dict], total_code: str | None) -> list[dict]:
    """The questions among the items, groups read through; display items and the total skipped."""
    found = []
    for item in items:
        if item.get("type") == "group":
            found += questions(item.get("item") or [], total_code)
        elif item.get("type") != "display" and not _is_total(item, total_code):
            found.append(item)
    return found


def _is_total(item: dict, total_code: str | None) -> bool:
    return total_code is not None and any(
        c.get("code") == total_code for c in item.get("code") or []
    )


def _matched(inst: Instrument, data: dict, name: str) -> dict[str, dict]:
    """{shipped item id: licensed item}, or FhirError naming every item that does not fit."""
    found, problems = {}, []
    for item in questions(data.get("item") or [], inst.codes.total):
        item_id = _item_id(inst, item)
        link = str(item.get("linkId"))
        if item_id is None:
            problems.append(Problem(name, f"not an item of {inst.id}", item=link))
        elif item_id in found:
            problems.append(Problem(name, f"a second item for {inst.id} item {item_id}", item=link))
        else:
            found[item_id] = item
            problems += [Problem(name, p, item=link) for p in _misfits(inst, item_id, item)]
    missing = [item.id for item in inst.items if item.id not in found]
    problems += [Problem(name, f"{inst.id} item {i} is missing", item=i) for i in missing]
    if not problems and list(found) != [item.id for item in inst.items]:
        order = ", ".join(found)
        problems.append(Problem(name, f"items in the order {order}; the shipped order differs"))
    _refuse(problems)
    return found


def _item_id(inst: Instrument, item: dict) -> str | None:
    ids = {shipped.id for shipped in inst.items}
    by_code = {codes.item_coding(inst, shipped)["code"]: shipped.id for shipped in inst.items}
    link = str(item.get("linkId"))
    for candidate in (link, link.lstrip("/"), *[c.get("code") for c in item.get("code") or []]):
        if candidate in ids:
            return candidate
        if candidate in by_code:
            return by_code[candidate]
    return None


def _misfits(inst: Instrument, item_id: str, item: dict) -> list[str]:
    shipped = inst.item(item_id)
    problems = []
    if item.get("type") not in QUESTION_TYPES[shipped.kind]:
        problems.append(f"type {item.get('type')!r}; the shipped item is a {shipped.kind} item")
    if not (item.get("text") or "").strip():
        problems.append("no text: there is no wording to import")
    expected = codes.item_coding(inst, shipped)
    given = [c for c in item.get("code") or [] if c.get("system") == expected["system"]]
    if given and all(c.get("code") != expected["code"] for c in given):
        problems.append(f"code {given[0].get('code')}; the shipped item has {expected['code']}")
    if shipped.kind == "choice":
        problems += _option_misfits(inst, shipped.values, item)
    return problems


def _option_misfits(inst: Instrument, values: tuple[int, ...], item: dict) -> list[str]:
    if item.get("answerValueSet") and not item.get("answerOption"):
        return ["answers given by answerValueSet: list them as answerOption to be checked"]
    found = [option_value(inst, option) for option in item.get("answerOption") or []]
    if sorted(v for v in found if v is not None) != sorted(values) or None in found:
        shown = ", ".join("?" if v is None else str(v) for v in found) or "none"
        return [f"answer options {shown}; the shipped item has {', '.join(map(str, values))}"]
    return []


def option_value(inst: Instrument, option: dict) -> int | None:
    """The value an answer option stands for, by its code, its integer or its ordinal value."""
    if isinstance(option.get("valueInteger"), int):
        return option["valueInteger"]
    coding = option.get("valueCoding") or {}
    loinc = {code: value for value, code in inst.codes.answers.items()}
    if coding.get("system") == codes.LOINC and coding.get("code") in loinc:
        return loinc[coding["code"]]
    if coding.get("system") == codes.ANSWER_SYSTEM and str(coding.get("code")).isdigit():
        return int(coding["code"])
    return None


def _texts(inst: Instrument, matched: dict[str, dict], lang: str) -> tuple[dict, dict]:
    texts: dict[str, dict[str, str]] = {}
    options: dict[str, dict[str, dict[int, str]]] = {}
    for item_id, item in matched.items():
        for language, text in _translated(item.get("text"), item.get("_text"), lang).items():
            texts.setdefault(language, {})[item_id] = text
        for option in item.get("answerOption") or []:
            coding = option.get("valueCoding") or {}
            shown = _translated(coding.get("display"), coding.get("_display"), lang)
            for language, text in shown.items():
                value = option_value(inst, option)
                if value is None:
                    continue  # options standing for no value were refused when matched
                by_item = options.setdefault(language, {}).setdefault(item_id, {})
                by_item[value] = text
    return texts, options


def _translated(text: str | None, extras: dict | None, lang: str) -> dict[str, str]:
    """The text in its own language and in every language of its translation extensions."""
    found = {lang: text.strip()} if isinstance(text, str) and text.strip() else {}
    for extension in (extras or {}).get("extension") or []:
        if extension.get("url") != codes.TRANSLATION_EXTENSION:
            continue
        parts = {part.get("url"): part for part in extension.get("extension") or []}
        language = (parts.get("lang") or {}).get("valueCode")
        content = (parts.get("content") or {}).get("valueString")
        if language and isinstance(content, str) and content.strip():
            found[language] = content.strip()
    return found
