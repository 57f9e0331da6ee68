"""Repair mojibake: UTF-8 text that was decoded with a Windows code page, run by run.

A page saved through the wrong decoder turns each multi-byte UTF-8 character into two to four
single-byte characters (``—`` becomes ``β€”`` under cp1253, ``â€”`` under cp1252). We map each
run of non-ASCII characters back to the bytes the code page gave them, decode every valid UTF-8
sequence we find in those bytes and keep every other character as it is, so text that is already
correct (curly quotes, bullets, emoji) is never touched.

Bytes a code page leaves undefined were decoded the way the seed pages show: with the cp1252
character for that byte, else the Latin-1 control character.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

#: Code pages tried for each run, in order; the one that repairs most sequences wins.
CODE_PAGES: tuple[str, ...] = ("cp1252", "cp1253", "cp1250", "cp1251", "cp1254", "cp1257")

_RUN = re.compile(r"[^\x00-\x7f]+")
#: Characters that legitimately follow a letter (CAFÉ’S): a two-byte sequence ending in one of
#: these is only taken for mojibake after the lead bytes C2 and C3 (Â Ã in cp1252, Ă in cp1250,
#: Β Γ in cp1253), which real text almost never puts before punctuation.
_TRAILING_PUNCT = frozenset("’‘“”–—…")
_LATIN_LEADS = frozenset("ÂÃĂΒΓ")


@cache
def _table(code_page: str) -> tuple[dict[int, str], dict[str, int]]:
    """Byte -> character and character -> byte for the high half of ``code_page``."""
    decode: dict[int, str] = {}
    encode: dict[str, int] = {}
    for codec in (code_page, "cp1252", "latin-1"):  # the code page's own characters first
        for byte in range(0x80, 0x100):
            if byte in decode:
                continue
            try:
                char = bytes([byte]).decode(codec)
            except UnicodeDecodeError:
                continue
            decode[byte] = char
            encode.setdefault(char, byte)
    return decode, encode


def mis_decode(text: str, code_page: str = "cp1253") -> str:
    """Garble ``text`` the way a wrong decoder does (UTF-8 bytes read as ``code_page``)."""
    decode, _ = _table(code_page)
    return "".join(chr(b) if b < 0x80 else decode[b] for b in text.encode("utf-8"))


def _length(lead: int) -> int:
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


def _plausible(chars: str, decoded: str) -> bool:
    """Whether ``chars`` (a valid UTF-8 sequence in code-page clothing) is really mojibake.

    Continuation bytes are mostly punctuation and symbols in these code pages. When a Greek or
    Cyrillic letter is followed only by letters (``Сё`` in cp1251) the text is more likely real,
    unless it decodes to a Latin-1 letter (``ΓΊ`` -> ``ú``).
    """
    lead, tails = chars[0], chars[1:]
    if not _latin(lead) and all(_letter(c) and not _latin(c) for c in tails):
        return decoded <= "\xff" and _letter(decoded)
    if len(chars) == 2 and tails in _TRAILING_PUNCT:
        return lead in _LATIN_LEADS
    return True


def _letter(char: str) -> bool:
    return unicodedata.category(char).startswith("L")


def _latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def _whole(run: str, codes: list[int | None]) -> str | None:
    """The run decoded as one UTF-8 string, when all of it is mojibake."""
    if any(b is None for b in codes):
        return None
    try:
        text = bytes(b for b in codes if b is not None).decode("utf-8")
    except UnicodeDecodeError:
        return None
    if len(text) >= 2 or (len(text) == 1 and len(run) > 1 and _plausible(run, text)):
        return text
    return None


def _repair_run(run: str, code_page: str) -> tuple[str, int]:
    _, encode = _table(code_page)
    codes = [encode.get(c) for c in run]
    whole = _whole(run, codes)
    if whole is not None:
        return whole, len(whole)
    out: list[str] = []
    fixed = 0
    i = 0
    while i < len(run):
        lead = codes[i]
        size = _length(lead) if lead is not None else 0
        seq = codes[i : i + size]
        if size and len(seq) == size and all(b is not None and 0x80 <= b <= 0xBF for b in seq[1:]):
            try:
                char = bytes(b for b in seq if b is not None).decode("utf-8")
            except UnicodeDecodeError:
                char = ""
            if char and _plausible(run[i : i + size], char):
                out.append(char)
                fixed += 1
                i += size
                continue
        out.append(run[i])
        i += 1
    return "".join(out), fixed


def _best(run: str, code_pages: tuple[str, ...]) -> tuple[str, int]:
    best, best_fixed = run, 0
    for code_page in code_pages:
        text, fixed = _repair_run(run, code_page)
        if fixed > best_fixed:
            best, best_fixed = text, fixed
    return best, best_fixed


def _ranked(runs: list[str]) -> tuple[str, ...]:
    """Code pages by how much of the text each repairs: the page's own wins ties."""
    score = {cp: sum(_repair_run(run, cp)[1] for run in runs) for cp in CODE_PAGES}
    return tuple(sorted(CODE_PAGES, key=lambda cp: -score[cp]))


def _repair_once(text: str) -> tuple[str, int]:
    runs = list(_RUN.finditer(text))
    if not runs:
        return text, 0
    order = _ranked([m.group() for m in runs])
    out: list[str] = []
    count, last = 0, 0
    for match in runs:
        fixed_text, fixed = _best(match.group(), order)
        out.append(text[last : match.start()])
        out.append(fixed_text)
        count += fixed
        last = match.end()
    out.append(text[last:])
    return "".join(out), count


def repair(text: str, rounds: int = 2) -> tuple[str, int]:
    """Repair mis-decoded runs in ``text``; returns the text and how many characters were fixed.

    A second round undoes text that was mis-decoded twice.
    """
    total = 0
    for _ in range(rounds):
        text, count = _repair_once(text)
        total += count
        if not count:
            break
    return text, total
