"""An instrument's own wording in other languages: read from its file, complete or refused, and
complete in Spanish for every text of every shipped instrument a reader sees."""

from __future__ import annotations

import pytest

from alliance.measures import get_instrument, list_instruments, load_instrument_file
from tests.measures.test_loader import FLAG, VALID, problems_in, write

TRANSLATED = (
    VALID.replace('label = "Goal"', 'label = "Goal"\ntranslations = { es = "Objetivo" }')
    .replace('label = "Task"', 'label = "Task"\ntranslations = { es = "Tarea" }')
    .replace('label = "Bond"', 'label = "Bond"\ntranslations = { es = "Vínculo" }')
    .replace('label = "no" }', 'label = "no", translations = { es = "no" } }')
    .replace('label = "some" }', 'label = "some", translations = { es = "algo" } }')
    .replace('label = "yes" }', 'label = "yes", translations = { es = "sí" } }')
    .replace('test instrument"', 'test instrument"\ntitle_translations = { es = "Un instrumento" }')
    .replace('name = "low"', 'name = "low"\ntranslations = { es = "bajo" }')
    .replace('name = "high"', 'name = "high"\ntranslations = { es = "alto" }')
    .replace('label = "Total"', 'label = "Total"\ntranslations = { es = "Suma" }')
)


def test_an_instrument_reads_its_translations(tmp_path):
    inst = load_instrument_file(write(tmp_path, TRANSLATED))
    assert inst.languages == ("es",)
    shown = inst.in_language("es")
    assert [item.label for item in shown.items] == ["Objetivo", "Tarea", "Vínculo"]
    assert [o.label for o in shown.items[0].options] == ["no", "algo", "sí"]
    assert inst.in_language("fr").items[0].label == "Goal"


def test_a_translation_missing_from_one_item_is_refused(tmp_path):
    text = TRANSLATED.replace('\ntranslations = { es = "Tarea" }', "")
    error = problems_in(tmp_path, text)
    assert error.problems == [
        "items.2.translations: no 'es' question or worded answer, which other texts have"
    ]


def test_an_empty_translation_is_refused(tmp_path):
    error = problems_in(tmp_path, TRANSLATED.replace('es = "Objetivo"', 'es = " "'))
    assert "items[0].translations.es: expected text, got ' '" in error.problems


def test_bare_numbers_need_no_translation():
    scale = get_instrument("alliance-checkin").in_language("es").items[0].options
    assert [o.label for o in scale[1:5]] == ["1", "2", "3", "4"]
    assert scale[0].label == "0 - nada" and scale[10].label.startswith("10 - totalmente")


def test_the_title_and_bands_read_their_translations(tmp_path):
    inst = load_instrument_file(write(tmp_path, TRANSLATED))
    assert (inst.title_in("es"), inst.title_in("fr")) == ("Un instrumento", inst.title)
    assert [band.label("es") for band in inst.bands] == ["bajo", "alto"]
    assert inst.band_label("high", "es") == "alto" and inst.band_label("high", "en") == "high"
    assert inst.band_for(4) == "high"  # what a response stores stays the name as written


def test_a_band_without_the_language_of_the_items_is_refused(tmp_path):
    error = problems_in(tmp_path, TRANSLATED.replace('\ntranslations = { es = "alto" }', ""))
    assert error.problems == ["bands.high.translations: no 'es' name, which other texts have"]


def test_a_translated_title_asks_for_every_other_text_in_its_language(tmp_path):
    text = VALID.replace('instrument"', 'instrument"\ntitle_translations = { es = "Uno" }')
    assert problems_in(tmp_path, text).problems == [
        "items.1.translations: no 'es' question or worded answer, which other texts have",
        "items.2.translations: no 'es' question or worded answer, which other texts have",
        "items.3.translations: no 'es' question or worded answer, which other texts have",
        "scales.total.translations: no 'es' name, which other texts have",
        "bands.low.translations: no 'es' name, which other texts have",
        "bands.high.translations: no 'es' name, which other texts have",
    ]


def test_a_scale_reads_its_translation(tmp_path):
    inst = load_instrument_file(write(tmp_path, TRANSLATED))
    assert inst.scale("total").label_in("es") == "Suma"
    assert (inst.scale_label("total", "es"), inst.scale_label("total", "en")) == ("Suma", "Total")
    assert inst.in_language("es").scale("total").label == "Suma"
    assert inst.scale_ids == ("total",)  # what scores are keyed by stays the id


def test_a_scale_without_the_language_of_the_other_texts_is_refused(tmp_path):
    error = problems_in(tmp_path, TRANSLATED.replace('\ntranslations = { es = "Suma" }', ""))
    assert error.problems == ["scales.total.translations: no 'es' name, which other texts have"]


def test_an_empty_scale_translation_is_named(tmp_path):
    error = problems_in(tmp_path, TRANSLATED.replace('es = "Suma"', 'es = ""'))
    assert "scales[0].translations.es: expected text, got ''" in error.problems


def test_an_empty_title_translation_is_named(tmp_path):
    error = problems_in(tmp_path, TRANSLATED.replace('es = "Un instrumento"', 'es = ""'))
    assert "title_translations.es: expected text, got ''" in error.problems


def test_a_flag_reads_its_translated_label(tmp_path):
    text = TRANSLATED + FLAG.format(when="unanswered") + 'translations = { es = "Falta el 2." }\n'
    flag = load_instrument_file(write(tmp_path, text)).flags[0]
    assert (flag.label_in("es"), flag.label_in("en")) == ("Falta el 2.", "Item 2 left out.")


def test_a_flag_without_the_language_of_the_other_texts_is_refused(tmp_path):
    error = problems_in(tmp_path, TRANSLATED + FLAG.format(when="unanswered"))
    assert error.problems == ["flags.left-out.translations: no 'es' label, which other texts have"]


@pytest.mark.parametrize("instrument", [i.id for i in list_instruments()])
def test_every_text_of_every_shipped_instrument_speaks_spanish(instrument):
    inst = get_instrument(instrument)
    assert "es" in dict(inst.title_translations) and inst.title_in("es") != inst.title
    assert all(item.speaks("es") for item in inst.items)
    assert all("es" in dict(scale.translations) for scale in inst.scales)
    assert all(band.label("es") != band.name for band in inst.bands)
    assert all(flag.label_in("es") != flag.label for flag in inst.flags)


@pytest.mark.parametrize("instrument", [i.id for i in list_instruments()])
def test_no_question_or_worded_answer_is_english_left_as_its_spanish(instrument):
    inst, spanish = get_instrument(instrument), get_instrument(instrument).in_language("es")
    for item, shown in zip(inst.items, spanish.items, strict=True):
        assert shown.label != item.label
        worded = [
            (o, s) for o, s in zip(item.options, shown.options, strict=True) if not o.is_number
        ]
        assert all(s.label != o.label for o, s in worded if o.label != "No")


@pytest.mark.parametrize("instrument", [i.id for i in list_instruments()])
def test_english_readers_keep_every_text_as_written(instrument):
    inst = get_instrument(instrument)
    english = inst.in_language("en")
    assert inst.title_in("en") == inst.title
    assert [i.label for i in english.items] == [i.label for i in inst.items]
    assert [s.label for s in english.scales] == [s.label for s in inst.scales]
    assert [inst.scale_label(s.id, "en") for s in inst.scales] == [s.label for s in inst.scales]
