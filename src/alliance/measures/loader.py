"""Read instrument files and check them, naming the file, the field and the problem."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from .model import (
    FLAG_WHEN,
    ITEM_DIMENSIONS,
    KINDS,
    RESPONDENTS,
    Band,
    Codes,
    Cutoff,
    Flag,
    Instrument,
    Item,
    Option,
    ReliableChange,
    Scale,
)

INSTRUMENTS_DIR = Path(__file__).parent / "instruments"


class InstrumentFileError(ValueError):
    """An instrument file that cannot be used; the message lists every problem found."""

    def __init__(self, path: Path | str, problems: list[str]):
        self.path = str(path)
        self.problems = problems
        listed = "\n".join(f"  {Path(self.path).name}: {problem}" for problem in problems)
        super().__init__(f"invalid instrument file {self.path}:\n{listed}")


class _Reader:
    """Pulls typed fields out of parsed TOML, collecting a message for each problem."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def get(self, table: dict, key: str, kind: type | tuple, where: str, default: Any = ...) -> Any:
        if key not in table:
            if default is ...:
                self.problems.append(f"{where}{key}: is required")
            return None if default is ... else default
        value = table[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, float)):
            self.problems.append(f"{where}{key}: expected {_kind_name(kind)}, got {value!r}")
            return None if default is ... else default
        return value

    def tables(self, data: dict, key: str, where: str, *, required: bool = False) -> list[tuple]:
        """(position, table) for each entry of a list of tables; other entries are reported."""
        raw = self.get(data, key, list, where) if required else self.get(data, key, list, where, [])
        found = []
        for n, entry in enumerate(raw or []):
            if isinstance(entry, dict):
                found.append((n, entry))
            else:
                self.problems.append(f"{where}{key}[{n}]: expected a table, got {entry!r}")
        return found

    def check(self, ok: bool, message: str) -> None:
        if not ok:
            self.problems.append(message)


def _kind_name(kind: type | tuple) -> str:
    names = {
        str: "text",
        int: "a whole number",
        float: "a number",
        bool: "true or false",
        list: "a list",
        dict: "a table",
    }
    if isinstance(kind, tuple):
        return " or ".join(names.get(k, k.__name__) for k in kind)
    return names.get(kind, kind.__name__)


def load_instrument_file(path: Path | str) -> Instrument:
    """Read and validate one instrument file."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise InstrumentFileError(path, [f"not valid TOML: {error}"]) from None
    return parse_instrument(data, source=path)


def parse_instrument(data: dict, *, source: Path | str = "<data>") -> Instrument:
    """Build an Instrument from parsed TOML, or raise InstrumentFileError listing every problem."""
    reader = _Reader()
    instrument = _build(reader, data)
    if instrument is not None and not reader.problems:
        _check_consistency(reader, instrument)
    if instrument is None or reader.problems:
        raise InstrumentFileError(source, reader.problems)
    return instrument


def _build(r: _Reader, data: dict) -> Instrument | None:
    default_options = _options(r, data, "")
    items = tuple(
        _item(r, raw, f"items[{n}].", default_options)
        for n, raw in r.tables(data, "items", "", required=True)
    )
    scales = tuple(
        _scale(r, raw, f"scales[{n}].") for n, raw in r.tables(data, "scales", "", required=True)
    )
    bands = tuple(_band(r, raw, f"bands[{n}].") for n, raw in r.tables(data, "bands", ""))
    flags = tuple(_flag(r, raw, f"flags[{n}].") for n, raw in r.tables(data, "flags", ""))
    fields = {
        "id": r.get(data, "id", str, ""),
        "version": r.get(data, "version", str, ""),
        "title": r.get(data, "title", str, ""),
        "respondent": r.get(data, "respondent", str, ""),
        "kind": r.get(data, "kind", str, ""),
        "wording": r.get(data, "wording", str, ""),
        "licence": r.get(data, "licence", str, ""),
        "source": r.get(data, "source", str, ""),
        "higher_is_better": r.get(data, "higher_is_better", bool, ""),
        "band_scale": r.get(data, "band_scale", str, "", None),
        "open_items": r.get(data, "open_items", bool, "", False),
        "mirror_of": r.get(data, "mirror_of", str, "", None),
        "title_translations": _translations(r, data, "", "title_translations"),
    }
    cutoff_raw = r.get(data, "cutoff", dict, "", None)
    change_raw = r.get(data, "reliable_change", dict, "", None)
    cutoff = _cutoff(r, cutoff_raw) if cutoff_raw is not None else None
    change = _reliable_change(r, change_raw) if change_raw is not None else None
    codes = _codes(r, r.get(data, "codes", dict, "", {}))
    if r.problems:
        return None
    return Instrument(
        **fields,
        items=items,
        scales=scales,
        bands=bands,
        flags=flags,
        cutoff=cutoff,
        reliable_change=change,
        codes=codes,
    )


def _options(r: _Reader, data: dict, where: str) -> tuple[Option, ...]:
    options = []
    for n, entry in r.tables(data, "options", where):
        value = r.get(entry, "value", int, f"{where}options[{n}].")
        label = r.get(entry, "label", str, f"{where}options[{n}].")
        options.append(Option(value, label, _translations(r, entry, f"{where}options[{n}].")))
    return tuple(options)


def _translations(
    r: _Reader, raw: dict, where: str, key: str = "translations"
) -> tuple[tuple[str, str], ...]:
    """`translations = { es = "..." }`: the text in other languages, by language code."""
    found = r.get(raw, key, dict, where, {})
    for language, text in found.items():
        r.check(
            isinstance(text, str) and bool(text.strip()),
            f"{where}{key}.{language}: expected text, got {text!r}",
        )
    return tuple(sorted((k, v) for k, v in found.items() if isinstance(v, str)))


def _item(r: _Reader, raw: dict, where: str, default_options: tuple[Option, ...]) -> Item:
    kind = r.get(raw, "kind", str, where, "choice")
    r.check(kind in ("choice", "text"), f"{where}kind: must be 'choice' or 'text', got {kind!r}")
    own = _options(r, raw, where)
    options = own or (default_options if kind == "choice" else ())
    r.check(
        kind == "text" or bool(options), f"{where}options: a choice item needs response options"
    )
    return Item(
        id=r.get(raw, "id", str, where),
        label=r.get(raw, "label", str, where),
        dimension=r.get(raw, "dimension", str, where),
        kind=kind,
        options=options,
        reversed=r.get(raw, "reversed", bool, where, False),
        required=r.get(raw, "required", bool, where, True),
        code=r.get(raw, "code", str, where, None),
        translations=_translations(r, raw, where),
    )


def _scale(r: _Reader, raw: dict, where: str) -> Scale:
    items = r.get(raw, "items", list, where, [])
    r.check(
        all(isinstance(item, str) for item in items),
        f'{where}items: item ids must be text ("1", not 1), got {items!r}',
    )
    return Scale(
        id=r.get(raw, "id", str, where),
        label=r.get(raw, "label", str, where),
        items=tuple(str(item) for item in items),
        method=r.get(raw, "method", str, where),
        max_missing=r.get(raw, "max_missing", int, where, 0),
        translations=_translations(r, raw, where),
    )


def _band(r: _Reader, raw: dict, where: str) -> Band:
    return Band(
        r.get(raw, "name", str, where),
        r.get(raw, "min", float, where),
        r.get(raw, "max", float, where),
        _translations(r, raw, where),
    )


def _flag(r: _Reader, raw: dict, where: str) -> Flag:
    when = r.get(raw, "when", str, where, "above")
    r.check(when in FLAG_WHEN, f"{where}when: must be one of {', '.join(FLAG_WHEN)}, got {when!r}")
    return Flag(
        id=r.get(raw, "id", str, where),
        item=r.get(raw, "item", str, where),
        above=r.get(raw, "above", float, where) if when == "above" else 0.0,
        label=r.get(raw, "label", str, where),
        urgent=r.get(raw, "urgent", bool, where, False),
        when=when,
        translations=_translations(r, raw, where),
    )


def _cutoff(r: _Reader, raw: dict) -> Cutoff:
    return Cutoff(
        r.get(raw, "scale", str, "cutoff."),
        r.get(raw, "value", float, "cutoff."),
        r.get(raw, "direction", str, "cutoff."),
    )


def _reliable_change(r: _Reader, raw: dict) -> ReliableChange:
    where = "reliable_change."
    return ReliableChange(
        scale=r.get(raw, "scale", str, where),
        value=r.get(raw, "value", float, where),
        sd=r.get(raw, "sd", float, where, None),
        reliability=r.get(raw, "reliability", float, where, None),
        provisional=r.get(raw, "provisional", bool, where, False),
    )


def _codes(r: _Reader, raw: dict) -> Codes:
    answers = r.get(raw, "answers", dict, "codes.", {})
    for value, code in answers.items():
        r.check(value.lstrip("-").isdigit(), f"codes.answers.{value}: key must be an answer value")
        r.check(isinstance(code, str), f"codes.answers.{value}: expected text, got {code!r}")
    return Codes(
        system=r.get(raw, "system", str, "codes.", None),
        panel=r.get(raw, "panel", str, "codes.", None),
        total=r.get(raw, "total", str, "codes.", None),
        items=dict(r.get(raw, "items", dict, "codes.", {})),
        answers={
            int(value): code for value, code in answers.items() if value.lstrip("-").isdigit()
        },
    )


def _check_consistency(r: _Reader, inst: Instrument) -> None:
    r.check(inst.respondent in RESPONDENTS, f"respondent: must be one of {RESPONDENTS}")
    r.check(inst.kind in KINDS, f"kind: must be one of {KINDS}")
    r.check(inst.wording in ("own", "labels"), "wording: must be 'own' or 'labels'")
    r.check(bool(inst.items), "items: an instrument needs at least one item")
    item_ids = [item.id for item in inst.items]
    r.check(len(set(item_ids)) == len(item_ids), "items: item ids must be unique")
    for item in inst.items:
        _check_item(r, item)
    _check_languages(r, inst)
    for scale in inst.scales:
        _check_scale(r, inst, scale)
    _check_bands(r, inst)
    for flag in inst.flags:
        r.check(flag.item in item_ids, f"flags.{flag.id}.item: no item {flag.item!r}")
    for ref, name in ((inst.cutoff, "cutoff"), (inst.reliable_change, "reliable_change")):
        if ref is not None:
            r.check(ref.scale in inst.scale_ids, f"{name}.scale: no scale {ref.scale!r}")
    if inst.cutoff is not None:
        r.check(
            inst.cutoff.direction in ("at-or-above", "below"),
            "cutoff.direction: must be 'at-or-above' or 'below'",
        )
    if inst.reliable_change is not None:
        r.check(inst.reliable_change.value > 0, "reliable_change.value: must be above 0")
    for item_id in inst.codes.items:
        r.check(item_id in item_ids, f"codes.items: no item {item_id!r}")
    option_values = {value for item in inst.scored_items for value in item.values}
    for value in inst.codes.answers:
        r.check(value in option_values, f"codes.answers.{value}: no response option has this value")


def _check_languages(r: _Reader, inst: Instrument) -> None:
    """A language any text of the instrument has, every text a reader sees has too."""
    for language in sorted({*inst.languages, *inst.named_languages}):
        for field, noun, has in _texts(inst, language):
            r.check(has, f"{field}: no {language!r} {noun}, which other texts have")


def _texts(inst: Instrument, language: str) -> list[tuple[str, str, bool]]:
    """(field, what it holds, whether it has `language`) for the title, items, scales, bands
    and flags."""
    return [
        ("title_translations", "title", language in dict(inst.title_translations)),
        *(
            (f"items.{item.id}.translations", "question or worded answer", item.speaks(language))
            for item in inst.items
        ),
        *(
            (f"scales.{scale.id}.translations", "name", language in dict(scale.translations))
            for scale in inst.scales
        ),
        *(
            (f"bands.{band.name}.translations", "name", language in dict(band.translations))
            for band in inst.bands
        ),
        *(
            (f"flags.{flag.id}.translations", "label", language in dict(flag.translations))
            for flag in inst.flags
        ),
    ]


def _check_item(r: _Reader, item: Item) -> None:
    where = f"items.{item.id}"
    r.check(
        item.dimension in ITEM_DIMENSIONS,
        f"{where}.dimension: must be one of {ITEM_DIMENSIONS}, got {item.dimension!r}",
    )
    values = item.values
    r.check(len(set(values)) == len(values), f"{where}.options: values must be unique")


def _check_scale(r: _Reader, inst: Instrument, scale: Scale) -> None:
    where = f"scales.{scale.id}"
    r.check(scale.method in ("sum", "mean"), f"{where}.method: must be 'sum' or 'mean'")
    if inst.open_items:
        r.check(scale.method == "mean", f"{where}.method: open-item instruments score a mean")
        return
    r.check(bool(scale.items), f"{where}.items: a scale needs at least one item")
    choice_ids = {item.id for item in inst.scored_items}
    for item_id in scale.items:
        r.check(item_id in choice_ids, f"{where}.items: no scored item {item_id!r}")
    r.check(
        0 <= scale.max_missing < max(len(scale.items), 1),
        f"{where}.max_missing: must be at least 0 and fewer than the scale's items",
    )


def _check_bands(r: _Reader, inst: Instrument) -> None:
    if not inst.bands:
        return
    if inst.band_scale not in inst.scale_ids:
        r.check(False, f"band_scale: no scale {inst.band_scale!r}")
        return
    for band in inst.bands:
        r.check(
            band.low <= band.high, f"bands.{band.name}: min {band.low:g} is above max {band.high:g}"
        )
    known = {item.id for item in inst.scored_items}
    if not inst.items or not set(inst.scale(inst.band_scale).items) <= known:
        return  # the scale's own problems are already reported
    low, high = inst.scale_range(inst.band_scale)
    ordered = sorted(inst.bands, key=lambda band: band.low)
    r.check(
        ordered[0].low <= low and ordered[-1].high >= high,
        f"bands: must cover the whole {inst.band_scale} range {low:g} to {high:g}",
    )
    for before, after in zip(ordered, ordered[1:], strict=False):
        r.check(before.high < after.low, f"bands.{after.name}: overlaps {before.name}")
