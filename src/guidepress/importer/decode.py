"""Turn raw input into page text: UTF-8 with or without BOM, any line endings, no binary data."""

from __future__ import annotations

import re

from guidepress.errors import ContentError, Problem

MAX_INPUT_BYTES = 5_000_000

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _located(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``index`` in ``text``."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def decode(raw: bytes | str, source: str) -> str:
    """Decode and check the input; raises ContentError with a located Problem when unusable."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_INPUT_BYTES:
            message = f"input is too large ({len(raw):,} bytes; limit {MAX_INPUT_BYTES:,})"
            raise ContentError([Problem(source, 0, 0, "", message)])
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise ContentError([Problem(source, 1, 1, "", "UTF-16 text; save the page as UTF-8")])
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            before = raw[: exc.start].decode("utf-8", "replace")  # columns count characters
            line, col = _located(before, len(before))
            raise ContentError([Problem(source, line, col, "", "not valid UTF-8 text")]) from None
    else:
        text = raw
    if "\x00" in text:
        line, col = _located(text, text.index("\x00"))
        raise ContentError([Problem(source, line, col, "", "binary data, not page text")])
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ContentError([Problem(source, 0, 0, "", "empty input: no page text")])
    return text


def clean(text: str) -> tuple[str, list[str]]:
    """Drop control characters and unpaired surrogates (after repair, which needs C1 bytes)."""
    warnings: list[str] = []
    text, surrogates = _SURROGATE.subn("\ufffd", text)
    if surrogates:
        warnings.append(f"replaced {surrogates} unpaired surrogate(s) with U+FFFD")
    text, controls = _CONTROL.subn("", text)
    if controls:
        warnings.append(f"removed {controls} control character(s)")
    return text, warnings
