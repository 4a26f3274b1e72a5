"""`alliance instruments` lists the shipped instruments and shows one in full."""

from __future__ import annotations

from click.testing import CliRunner

from alliance.cli import main
from alliance.measures import list_instruments


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


def test_show_in_spanish_gives_the_instruments_own_words_in_spanish():
    english = run("instruments", "show", "phq-9").stdout
    result = run("instruments", "show", "phq-9", "--language", "es")
    assert result.exit_code == 0, result.stderr
    spanish = result.stdout
    assert spanish.startswith("Cuestionario de salud del paciente")
    assert "Ánimo bajo" in spanish and "Low mood" not in spanish
    assert "mínima 0-4" in spanish and "minimal 0-4" not in spanish
    assert "pensamientos de hacerse daño" in spanish
    assert len(spanish.splitlines()) == len(english.splitlines())


def test_show_in_english_is_the_default():
    assert run("instruments", "show", "phq-9", "--language", "en").stdout == (
        run("instruments", "show", "phq-9").stdout
    )


def test_a_language_the_instrument_lacks_fails_naming_the_option_and_the_languages_it_has():
    result = run("instruments", "show", "phq-9", "--language", "fr")
    assert result.exit_code != 0 and result.stdout == ""
    assert "--language" in result.stderr and "'fr'" in result.stderr
    assert "en, es" in result.stderr
