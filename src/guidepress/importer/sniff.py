"""Which kind of input a source is: page text, a saved web page, or something we refuse.

The file name's extension says what the user meant (``.txt``, ``.html``, ``.htm``; standard input
has none); the first bytes say what the file is. A file whose bytes are a PDF, an image, an
office document, an archive, JSON or unidentified binary data is refused whatever its name, with
one line saying what is accepted. Page text that is clearly an HTML document (by the patterns of
the WHATWG MIME Sniffing standard, section 7.1) is read as a web page.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import Literal

from guidepress.errors import ContentError, Problem

Kind = Literal["text", "html"]

ACCEPTED = (
    "guidepress imports page text (.txt), saved web pages (.html, .htm) or - for standard input"
)
EXTENSIONS: dict[str, Kind | None] = {".txt": None, ".html": "html", ".htm": "html"}

#: Magic numbers of the files people try instead (first bytes -> what the file is). Only
#: signatures that page text cannot start with: other binaries are caught by their bytes.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (.docx, .xlsx, .odt, .epub, .zip)"),
    (b"PK\x05\x06", "a ZIP archive (.docx, .xlsx, .odt, .epub, .zip)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word or Excel document (.doc, .xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program (ELF)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"%!PS", "a PostScript document"),
)
_RIFF = {b"WEBP": "a WebP image", b"WAVE": "a WAV sound", b"AVI ": "an AVI video"}
#: WHATWG "binary data bytes": control bytes that text (UTF-8 or a code page) never holds.
_BINARY = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
_SNIFF_BYTES = 1445  # how much of a resource the MIME sniffing standard looks at
#: The MIME sniffing standard's HTML signatures, each followed by a space or ``>``.
_HTML = re.compile(
    rb"\s*<(?:!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body"
    rb"|br|p|!--)[ \t\n\f\r>]",
    re.IGNORECASE,
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def refusal(source: str, what: str) -> ContentError:
    return ContentError([Problem(source, 0, 0, "", f"cannot import {what}: {ACCEPTED}")])


def kind_of_name(source: str) -> Kind | None:
    """The kind the file name asks for (None: decide by content); refuses other extensions."""
    if source in ("-", "stdin"):
        return None
    suffix = PurePath(source).suffix
    if suffix.lower() in EXTENSIONS:
        return EXTENSIONS[suffix.lower()]
    what = f"a {suffix} file" if suffix else "a file without an extension"
    raise refusal(source, what)


def _what(head: bytes) -> str | None:
    """What ``head`` (the first bytes of an input) is, when it is not text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head.startswith(b"RIFF") and head[8:12] in _RIFF:
        return _RIFF[head[8:12]]
    if head.startswith(b"BM") and head[6:10] == b"\x00\x00\x00\x00":
        return "a BMP image"
    if head.startswith(b"\x00\x00\x00") and head[4:8] == b"ftyp":
        return "a video or image (ISO media)"
    window = head[:_SNIFF_BYTES]
    if head.startswith(_BOMS[1:]) or not _BINARY.search(window):
        return None  # UTF-16 has NUL bytes: decoding says what to do with it
    try:
        window.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(window) - 3:  # not just a character cut at the window's end
            return "binary data"
    return None  # text with a stray control byte: decoding locates it


def _json(data: bytes | str) -> bool:
    text = data[:64].decode("utf-8", "replace") if isinstance(data, bytes) else data[:64]
    if not text.lstrip("\ufeff \t\r\n").startswith(("{", "[")):
        return False
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    try:
        json.loads(text.lstrip("\ufeff \t\r\n"))
    except ValueError:
        return False
    return True


def looks_like_html(data: bytes | str) -> bool:
    """Whether page text is clearly an HTML document (starts like one)."""
    head = data[:_SNIFF_BYTES] if isinstance(data, bytes) else data[:_SNIFF_BYTES].encode()
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            if bom != _BOMS[0]:  # UTF-16: look at the ASCII letters only
                head = head.replace(b"\x00", b"")
            break
    return bool(_HTML.match(head))


def kind_of(data: bytes | str, source: str, asked: Kind | None) -> Kind:
    """The kind of one input; raises ContentError with one line for inputs we do not import."""
    if isinstance(data, bytes):
        what = _what(data[:_SNIFF_BYTES])
        if what is not None:
            raise refusal(source, what)
    if _json(data):
        raise refusal(source, "JSON data")
    if asked is not None:
        return asked
    return "html" if looks_like_html(data) else "text"
