"""An instrument's own wording in other languages: read from its file, complete or refused, and
complete in Spanish for every instrument of the project's own that a client answers."""

from __future__ import annotations

import pytest

from alliance.measures import get_instrument, list_instruments, load_instrument_file
from tests.measures.test_loader import VALID, problems_in, write

TRANSLATED = (
    VALID.replace('label = "Goal"', 'label = "Goal"\ntranslations = { es = "Objetivo" }')
    .replace('label = "Task"', 'label = "Task"\ntranslations = { es = "Tarea" }')
    .replace('label = "Bond"', 'label = "Bond"\ntranslations = { es = "Vínculo" }')
    .replace('label = "no" }', 'label = "no", translations = { es = "no" } }')
    .replace('label = "some" }', 'label = "some", translations = { es = "algo" } }')
    .replace('label = "yes" }', 'label = "yes", translations = { es = "sí" } }')
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
