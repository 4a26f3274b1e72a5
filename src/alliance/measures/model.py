"""The description of an instrument: plain frozen data, read from its TOML file."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

DIMENSIONS = ("goal", "task", "bond")
ITEM_DIMENSIONS = (*DIMENSIONS, "outcome", "progress", "rupture", "comment")
RESPONDENTS = ("client", "therapist")
KINDS = ("alliance", "outcome", "goal-progress")

# {language: text} kept as sorted pairs, so items and options stay hashable
Translations = tuple[tuple[str, str], ...]


def translated(text: str, translations: Translations, language: str) -> str:
    """The text in `language` when there is a translation, else the text as written."""
    return dict(translations).get(language, text)


@dataclass(frozen=True)
class Option:
    value: int
    label: str
    translations: Translations = ()

    @property
    def is_number(self) -> bool:
        """A bare number reads the same in every language and needs no translation."""
        return self.label == str(self.value)

    def in_language(self, language: str) -> Option:
        return replace(self, label=translated(self.label, self.translations, language))


@dataclass(frozen=True)
class Item:
    id: str
    label: str
    dimension: str
    kind: str = "choice"  # "choice" answers are scored; "text" answers are kept, never scored
    options: tuple[Option, ...] = ()
    reversed: bool = False
    required: bool = True
    code: str | None = None
    translations: Translations = ()

    def in_language(self, language: str) -> Item:
        """The item with its question and answers in `language` where they are translated."""
        return replace(
            self,
            label=translated(self.label, self.translations, language),
            options=tuple(option.in_language(language) for option in self.options),
        )

    def speaks(self, language: str) -> bool:
        """Whether the question and every worded answer have a text in `language`."""
        worded = [o.translations for o in self.options if not o.is_number]
        return all(language in dict(t) for t in (self.translations, *worded))

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(option.value for option in self.options)

    @property
    def low(self) -> int:
        return min(self.values)

    @property
    def high(self) -> int:
        return max(self.values)


@dataclass(frozen=True)
class Scale:
    id: str
    label: str
    items: tuple[str, ...]
    method: str  # "sum" or "mean"
    max_missing: int = 0
    translations: Translations = ()

    def label_in(self, language: str) -> str:
        """The scale's name as a reader of `language` sees it."""
        return translated(self.label, self.translations, language)


@dataclass(frozen=True)
class Band:
    name: str  # also what a scored response stores, so it stays as written
    low: float
    high: float
    translations: Translations = ()

    def label(self, language: str) -> str:
        """The band's name as a reader of `language` sees it."""
        return translated(self.name, self.translations, language)


@dataclass(frozen=True)
class Cutoff:
    scale: str
    value: float
    direction: str  # "at-or-above" or "below": the side that is the clinical (or review) range


@dataclass(frozen=True)
class ReliableChange:
    scale: str
    value: float
    sd: float | None = None
    reliability: float | None = None
    provisional: bool = False


FLAG_WHEN = ("above", "unanswered")


@dataclass(frozen=True)
class Flag:
    """Raised by one item: when its answer is above `above`, or when it was left unanswered
    while other items were answered (`when = "unanswered"`, `above` unused)."""

    id: str
    item: str
    above: float
    label: str
    urgent: bool = False
    when: str = "above"
    translations: Translations = ()

    def label_in(self, language: str) -> str:
        """The label (what the alert says) as a reader of `language` sees it."""
        return translated(self.label, self.translations, language)

    def reading(self) -> str:
        """The condition in words, as `alliance instruments` prints it."""
        if self.when == "unanswered":
            return f"item {self.item} unanswered"
        return f"item {self.item} above {self.above:g}"


@dataclass(frozen=True)
class Codes:
    system: str | None = None
    panel: str | None = None
    total: str | None = None
    items: dict[str, str] = field(default_factory=dict)
    answers: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Instrument:
    id: str
    version: str
    title: str
    respondent: str
    kind: str
    wording: str  # "own": written by this project; "labels": own labels, official wording imported
    licence: str
    source: str
    higher_is_better: bool
    items: tuple[Item, ...]
    scales: tuple[Scale, ...]
    band_scale: str | None = None
    bands: tuple[Band, ...] = ()
    cutoff: Cutoff | None = None
    reliable_change: ReliableChange | None = None
    flags: tuple[Flag, ...] = ()
    codes: Codes = field(default_factory=Codes)
    open_items: bool = False  # items are named at use (one per client goal), all alike
    mirror_of: str | None = None
    title_translations: Translations = ()

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages this instrument's own wording is translated into (English aside)."""
        found = {
            language
            for item in self.items
            for translations in (item.translations, *(o.translations for o in item.options))
            for language, _ in translations
        }
        return tuple(sorted(found))

    @property
    def named_languages(self) -> tuple[str, ...]:
        """The languages the title, a scale, a band or a flag is translated into (English aside)."""
        named = (
            *(scale.translations for scale in self.scales),
            *(band.translations for band in self.bands),
            *(flag.translations for flag in self.flags),
        )
        found = {
            language
            for translations in (self.title_translations, *named)
            for language, _ in translations
        }
        return tuple(sorted(found))

    def check_language(self, language: str) -> None:
        """ValueError naming `language` unless the instrument has words in it (English always)."""
        spoken = ("en", *self.languages)
        if language not in spoken:
            raise ValueError(
                f"language: {self.id} has no wording in {language!r}; it has {', '.join(spoken)}"
            )

    def title_in(self, language: str) -> str:
        return translated(self.title, self.title_translations, language)

    def band_label(self, name: str, language: str) -> str:
        """A band's name (as a response stores it) in `language`; an unknown name as given."""
        for band in self.bands:
            if band.name == name:
                return band.label(language)
        return name

    def scale_label(self, scale_id: str, language: str) -> str:
        """A scale's name in `language`; an unknown scale id as given."""
        for scale in self.scales:
            if scale.id == scale_id:
                return scale.label_in(language)
        return scale_id

    def in_language(self, language: str) -> Instrument:
        """The instrument with its items and scales worded in `language` where translated."""
        return replace(
            self,
            items=tuple(item.in_language(language) for item in self.items),
            scales=tuple(replace(s, label=s.label_in(language)) for s in self.scales),
        )

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        if self.open_items:
            return self.items[0]
        raise KeyError(item_id)

    def scale(self, scale_id: str) -> Scale:
        for scale in self.scales:
            if scale.id == scale_id:
                return scale
        raise KeyError(scale_id)

    @property
    def scored_items(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.kind == "choice")

    @property
    def scale_ids(self) -> tuple[str, ...]:
        return tuple(scale.id for scale in self.scales)

    def scale_range(self, scale_id: str) -> tuple[float, float]:
        """The lowest and highest score a scale can take."""
        scale = self.scale(scale_id)
        items = [self.item(i) for i in scale.items] or [self.items[0]]
        lows = [item.low for item in items]
        highs = [item.high for item in items]
        if scale.method == "mean":
            return min(lows), max(highs)
        return float(sum(lows)), float(sum(highs))

    def band_for(self, score: float) -> str | None:
        """The band a score falls in; a prorated score between two bands takes the lower one."""
        found = None
        for band in self.bands:
            if score >= band.low:
                found = band.name
        return found
