"""Alphabetical order as a locale's readers expect it (a booklet's index): letters compare
without their accents and case first (é with e, Ä with A, ß as ss), then accents, then case; a
space or a mark sorts before any letter (word by word: "data model" before "database"). Spanish
keeps ñ a letter of its own, after n. A small part of the Unicode collation algorithm, enough
for the four locales the labels come in; Python's own sort puts "Zoom" before "agile"."""

from __future__ import annotations

import unicodedata

#: Letters that a locale sorts as letters of their own: the letter with its mark -> the letter
#: it comes right after.
_OWN_LETTERS = {"es": {"ñ": "n"}}

_SEPARATOR = 1  # a space, a hyphen or any mark between words
_DIGIT = 2


def _language(locale: str) -> str:
    return locale.replace("-", "_").split("_")[0].lower()


def sort_key(text: str, locale: str) -> tuple[tuple[int, ...], tuple[str, ...], tuple[bool, ...]]:
    """The key ``text`` sorts by in ``locale``: letters, then their accents, then their case."""
    own = _OWN_LETTERS.get(_language(locale), {})
    letters: list[int] = []
    accents: list[str] = []
    cases: list[bool] = []
    for char in unicodedata.normalize("NFC", text):
        folded = char.casefold()
        if folded in own:
            base, extra, mark = own[folded], 1, ""
        else:
            parts = unicodedata.normalize("NFKD", folded)
            base = "".join(c for c in parts if not unicodedata.combining(c))
            mark = "".join(c for c in parts if unicodedata.combining(c))
            if folded != char.lower():
                mark += "\uffff"  # ß after ss, as a variant of it
            extra = 0
        for letter in base or " ":
            if letter.isalpha():
                letters.append(16 + 2 * ord(letter) + extra)
            elif letter.isdigit():
                letters.append(_DIGIT)
                letters.append(16 + int(unicodedata.digit(letter, 0)))
            elif not letters or letters[-1] != _SEPARATOR:
                letters.append(_SEPARATOR)  # runs of spaces and marks count once
        accents.append(mark)
        cases.append(char != folded)  # lower case first
    while letters and letters[-1] == _SEPARATOR:
        letters.pop()
    return tuple(letters), tuple(accents), tuple(cases)


def initial(text: str, locale: str) -> str:
    """The letter ``text`` is filed under in ``locale`` ("É" under "E"; "Ñ" its own in es);
    "#" for a digit or a mark."""
    own = _OWN_LETTERS.get(_language(locale), {})
    for char in unicodedata.normalize("NFC", text):
        folded = char.casefold()
        if folded in own:
            return folded.upper()
        base = "".join(c for c in unicodedata.normalize("NFKD", folded) if c.isalnum())
        if base:
            return base[0].upper() if base[0].isalpha() else "#"
    return "#"
