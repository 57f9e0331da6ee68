"""Alphabetical order by locale (i18n/collation.py): accents and case second, word by word,
Spanish ñ a letter of its own."""

from __future__ import annotations

import pytest

from guidepress.i18n.collation import initial, sort_key


def ordered(words: list[str], locale: str) -> list[str]:
    return sorted(words, key=lambda word: sort_key(word, locale))


def test_case_and_accents_count_only_between_otherwise_equal_words() -> None:
    words = ["Zoom", "agile", "Écoute", "ecoute", "Ecoute", "eBay", "Edge", "Äpfel", "Apfel"]
    assert ordered(words, "en") == [
        "agile", "Apfel", "Äpfel", "eBay", "ecoute", "Ecoute", "Écoute", "Edge", "Zoom",
    ]  # fmt: skip


def test_word_by_word_a_space_or_a_mark_comes_before_any_letter() -> None:
    words = ["Database design", "Data-driven decisions", "Data model", "Data", "Data 2"]
    assert ordered(words, "en") == [
        "Data", "Data 2", "Data-driven decisions", "Data model", "Database design",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("es", ["nube", "nz", "ñandú", "oso"]),
        ("es_MX", ["nube", "nz", "ñandú", "oso"]),
        ("de", ["ñandú", "nube", "nz", "oso"]),
        ("fr", ["ñandú", "nube", "nz", "oso"]),
    ],
)
def test_only_spanish_files_n_with_a_tilde_after_n(locale: str, expected: list[str]) -> None:
    assert ordered(["oso", "nz", "ñandú", "nube"], locale) == expected


def test_a_german_sharp_s_sorts_as_ss() -> None:
    assert ordered(["Strauss", "Straße", "Strasse", "Strb"], "de") == [
        "Strasse", "Straße", "Strauss", "Strb",
    ]  # fmt: skip


def test_the_letter_an_entry_is_filed_under() -> None:
    assert [initial(w, "es") for w in ("écoute", "Ñandú", "nube", "3D printing", "(R)")] == [
        "E", "Ñ", "N", "#", "R",
    ]  # fmt: skip
    assert initial("Ñandú", "fr") == "N"
