"""Decode the items of a QuestionnaireResponse into (item id, value), checked as they go."""

from __future__ import annotations

from alliance.measures import Instrument, Item

from . import codes


class ItemProblem(ValueError):
    def __init__(self, item: str, problem: str):
        self.item = item
        super().__init__(problem)


def item_answers(inst: Instrument, items: list[dict]) -> list[tuple[str, int | str | None]]:
    """Every answered or listed item, in order; groups are read through."""
    found = []
    for entry in items:
        found += _goal(inst, entry) if inst.open_items else _questions(inst, entry)
    seen = set()
    for item_id, _ in found:
        if item_id in seen:
            raise ItemProblem(item_id, "answered twice in the same response")
        seen.add(item_id)
    return found


def _questions(inst: Instrument, entry: dict) -> list[tuple[str, int | str | None]]:
    children = entry.get("item") or []
    if children and not entry.get("answer"):
        return [pair for child in children for pair in _questions(inst, child)]
    item = _shipped_item(inst, entry)
    return [(item.id, _value(inst, item, entry, item.id))]


def _goal(inst: Instrument, group: dict) -> list[tuple[str, int | str | None]]:
    link = str(group.get("linkId"))
    if link != inst.items[0].id:
        raise ItemProblem(link, f"not an item of {inst.id} (expected groups {inst.items[0].id!r})")
    parts = {str(child.get("linkId")): child for child in group.get("item") or []}
    goal = _single(parts.get(codes.GOAL_ID, {}), codes.GOAL_ID)
    if not goal or not isinstance(goal.get("valueString"), str) or not goal["valueString"]:
        raise ItemProblem(link, f"the group needs a {codes.GOAL_ID} answered with valueString")
    rating = parts.get(codes.GOAL_RATING, {"linkId": codes.GOAL_RATING})
    return [(goal["valueString"], _value(inst, inst.items[0], rating, goal["valueString"]))]


def _shipped_item(inst: Instrument, entry: dict) -> Item:
    link = str(entry.get("linkId"))
    by_code = {code: item_id for item_id, code in inst.codes.items.items()}
    given = [coding.get("code") for coding in entry.get("code") or []]
    for candidate in (link, link.lstrip("/"), *given):
        item_id = candidate if candidate in {i.id for i in inst.items} else by_code.get(candidate)
        if item_id is not None:
            return inst.item(item_id)
    raise ItemProblem(link, f"not an item of {inst.id}")


def _single(entry: dict, name: str) -> dict | None:
    answers = entry.get("answer") or []
    if len(answers) > 1:
        raise ItemProblem(name, f"{len(answers)} answers; one is allowed")
    return answers[0] if answers else None


def _value(inst: Instrument, item: Item, entry: dict, name: str) -> int | str | None:
    answer = _single(entry, name)
    if answer is None:
        return None
    if item.kind == "text":
        if not isinstance(answer.get("valueString"), str):
            raise ItemProblem(name, "a text item is answered with valueString")
        return answer["valueString"]
    value = _choice(inst, answer, name)
    if value not in item.values:
        allowed = ", ".join(map(str, item.values))
        raise ItemProblem(name, f"value {value} is not one of {allowed}")
    return value


def _choice(inst: Instrument, answer: dict, name: str) -> int:
    if isinstance(answer.get("valueInteger"), int):
        return answer["valueInteger"]
    coding = answer.get("valueCoding")
    if not isinstance(coding, dict):
        kinds = ", ".join(key for key in answer if key.startswith("value")) or "no value"
        raise ItemProblem(name, f"answered with {kinds}; expected valueCoding or valueInteger")
    system, code = coding.get("system"), str(coding.get("code"))
    loinc = {answer_code: value for value, answer_code in inst.codes.answers.items()}
    if system == codes.LOINC and code in loinc and inst.codes.system == codes.LOINC:
        return loinc[code]
    if system == codes.ANSWER_SYSTEM and code.lstrip("-").isdigit():
        return int(code)
    raise ItemProblem(name, f"answer {system}|{code} is not one of the item's answer codes")
