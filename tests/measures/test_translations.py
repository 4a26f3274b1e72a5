"""An instrument's own wording in other languages: read from its file, complete or refused, and
complete in Spanish for every instrument of the project's own that a client answers."""

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
        "items.2.translations: the question or a worded answer has no 'es' text, which the "
        "other items have"
    ]


def test_an_empty_translation_is_refused(tmp_path):
    error = problems_in(tmp_path, TRANSLATED.replace('es = "Objetivo"', 'es = " "'))
    assert "items[0].translations.es: expected text, got ' '" in error.problems


@pytest.mark.parametrize(
    "instrument",
    [i.id for i in list_instruments() if i.respondent == "client" and i.wording == "own"],
)
def test_every_own_instrument_a_client_answers_speaks_spanish(instrument):
    inst = get_instrument(instrument)
    assert "es" in inst.languages and all(item.speaks("es") for item in inst.items)
    english = {item.label for item in inst.items}
    assert not english & {item.label for item in inst.in_language("es").items}


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


def test_a_translated_title_asks_for_translated_bands_too(tmp_path):
    text = VALID.replace('instrument"', 'instrument"\ntitle_translations = { es = "Uno" }')
    assert problems_in(tmp_path, text).problems == [
        "bands.low.translations: no 'es' name, which other texts have",
        "bands.high.translations: no 'es' name, which other texts have",
    ]


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
def test_every_shipped_title_and_band_speaks_spanish(instrument):
    inst = get_instrument(instrument)
    assert inst.title_in("es") != inst.title
    assert all(band.label("es") != band.name for band in inst.bands)
    assert all(flag.label_in("es") != flag.label for flag in inst.flags)
    assert inst.title_in("en") == inst.title
