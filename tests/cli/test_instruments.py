"""`alliance instruments` lists the shipped instruments and shows one in full."""

from __future__ import annotations

from dataclasses import replace

from click.testing import CliRunner

from alliance.cli import instruments as instruments_cli
from alliance.cli import main
from alliance.measures import get_instrument, list_instruments


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_it_lists_every_shipped_instrument_with_who_answers_it():
    result = run("instruments")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(list_instruments())
    for inst, line in zip(list_instruments(), lines, strict=True):
        assert line.split()[:2] == [inst.id, inst.respondent]
        assert f"{len(inst.items)} items" in line


def test_show_prints_the_phq9_structure_bands_cutoff_change_flag_and_codes():
    result = run("instruments", "show", "phq-9")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("Patient Health Questionnaire, 9 items (phq-9, version 1)")
    assert "total: sum of 1, 2, 3, 4, 5, 6, 7, 8, 9; up to 1 missing" in out
    assert "minimal 0-4, mild 5-9, moderate 10-14, moderately severe 15-19, severe 20-27" in out
    assert "cutoff: at-or-above 10 on total" in out
    assert "reliable change: 6 points on total" in out
    assert "flag risk-self-harm: item 9 above 0" in out
    assert "panel 44249-1, total 44261-6" in out
    assert "import the official wording" in out


def test_show_marks_the_checkins_free_text_item_and_provisional_reliable_change():
    out = run("instruments", "show", "alliance-checkin").stdout
    assert "(free text optional)" in out
    assert "reliable change: 1.3 points on total (provisional)" in out
    assert "written by the alliance project" in out


def test_an_unknown_id_fails_on_stderr_naming_the_known_ones():
    result = run("instruments", "show", "phq-10")
    assert result.exit_code != 0
    assert result.stdout == ""
    assert "unknown instrument 'phq-10'" in result.stderr and "phq-9" in result.stderr


def test_show_in_spanish_gives_the_instruments_own_texts_in_spanish():
    inst = get_instrument("phq-9")
    result = run("instruments", "show", "phq-9", "--language", "es")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith(f"{inst.title_in('es')} (phq-9, version 1)")
    assert inst.title_in("es") != inst.title
    for item in inst.in_language("es").items:
        assert f"[{item.dimension}] {item.label}  (0-3)" in out
    spanish_bands = ", ".join(f"{b.label('es')} {b.low:g}-{b.high:g}" for b in inst.bands)
    assert spanish_bands in out and inst.bands[0].name not in spanish_bands
    flag = inst.flags[0]
    assert f"flag {flag.id}: item 9 above 0: {flag.label_in('es')}" in out
    assert flag.label not in out


def test_show_without_a_language_is_english_as_with_language_en():
    english = run("instruments", "show", "gad-7").stdout
    assert run("instruments", "show", "gad-7", "--language", "en").stdout == english
    assert english.startswith(get_instrument("gad-7").title)


def test_an_unknown_language_is_refused_naming_the_option_and_the_known_ones():
    result = run("instruments", "show", "phq-9", "--language", "fr")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "'--language'" in result.stderr
    assert "unknown language 'fr'; choose from en, es" in result.stderr


def test_an_instrument_without_the_language_is_refused_naming_the_option(monkeypatch):
    english_only = _without_translations(get_instrument("gad-7"))
    monkeypatch.setattr(instruments_cli, "get_instrument", lambda _id: english_only)
    result = run("instruments", "show", "gad-7", "--language", "es")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "'--language'" in result.stderr
    assert "gad-7 has no 'es' text; it is written in en" in result.stderr


def _without_translations(inst):
    def bare(item):
        options = tuple(replace(o, translations=()) for o in item.options)
        return replace(item, translations=(), options=options)

    return replace(
        inst,
        title_translations=(),
        items=tuple(bare(item) for item in inst.items),
        scales=tuple(replace(s, translations=()) for s in inst.scales),
        bands=tuple(replace(b, translations=()) for b in inst.bands),
        flags=tuple(replace(f, translations=()) for f in inst.flags),
    )
