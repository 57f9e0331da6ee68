"""Decode a saved web page the way a browser does: byte-order mark, else ``<meta charset>``.

The declaration is found by a simplified form of the HTML Standard's prescan (the first 1024
bytes, comments skipped, ``<meta charset=...>`` or ``<meta http-equiv="content-type"
content="...; charset=...">``), and labels are read as the Encoding Standard reads them
(``iso-8859-1`` and ``ascii`` mean windows-1252, a declared ``utf-16`` means UTF-8). A page that
declares nothing is UTF-8, else windows-1252 as browsers fall back to. Bytes the encoding does not
define become U+FFFD, with a warning; mojibake (UTF-8 declared as a code page) is left for
``repair``, like in page text.
"""

from __future__ import annotations

import codecs
import re

from guidepress.errors import ContentError, Problem

MAX_HTML_BYTES = 20_000_000  # saved pages carry scripts, styles and inline images

_PRESCAN_BYTES = 1024
_BOM_CODECS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_COMMENT = re.compile(rb"<!--.*?(?:-->|\Z)", re.DOTALL)
_META = re.compile(rb"<meta[\s/]([^>]*)>?", re.IGNORECASE)
_ATTR = re.compile(rb"""([^\s/>=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""")
_CONTENT_CHARSET = re.compile(rb"""charset\s*=\s*["']?([^\s"';]+)""", re.IGNORECASE)
#: Encoding Standard labels that Python's codec names read differently.
_LABELS = {
    **dict.fromkeys(
        (
            "ansi_x3.4-1968",
            "ascii",
            "cp1252",
            "cp819",
            "csisolatin1",
            "ibm819",
            "iso-8859-1",
            "iso-ir-100",
            "iso8859-1",
            "iso88591",
            "iso_8859-1",
            "iso_8859-1:1987",
            "l1",
            "latin1",
            "us-ascii",
            "windows-1252",
            "x-cp1252",
        ),
        "cp1252",
    ),
    **dict.fromkeys(("iso-8859-9", "iso8859-9", "latin5", "l5", "windows-1254"), "cp1254"),
    **dict.fromkeys(("utf-16", "utf-16le", "utf-16be", "unicode"), "utf-8"),
    **dict.fromkeys(("tis-620", "iso-8859-11", "windows-874"), "cp874"),
    **dict.fromkeys(("gb2312", "gbk", "x-gbk", "chinese"), "gb18030"),
    **dict.fromkeys(("shift_jis", "shift-jis", "sjis", "windows-31j", "x-sjis"), "cp932"),
    **dict.fromkeys(("euc-kr", "ks_c_5601-1987", "windows-949"), "cp949"),
    "big5": "big5hkscs",
}


def _c1(error: UnicodeError) -> tuple[str, int]:
    """Undefined bytes of a Windows code page decode to the C1 control of the same value (as
    in the Encoding Standard), so that ``repair`` can still map them back to their bytes."""
    assert isinstance(error, UnicodeDecodeError)
    return "".join(chr(b) for b in error.object[error.start : error.end]), error.end


codecs.register_error("guidepress-c1", _c1)


def codec_for(label: str) -> str | None:
    """The Python codec for an encoding label, or None when the label is unknown."""
    label = label.strip().lower()
    if label in _LABELS:
        return _LABELS[label]
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared(head: bytes) -> str | None:
    """The encoding label a page declares in its first 1024 bytes, if any."""
    head = _COMMENT.sub(b"", head[:_PRESCAN_BYTES])
    for meta in _META.finditer(head):
        attrs: dict[bytes, bytes] = {}
        for match in _ATTR.finditer(meta.group(1)):
            value = match.group(2) or match.group(3) or match.group(4) or b""
            attrs.setdefault(match.group(1).lower(), value)
        if attrs.get(b"charset"):
            return attrs[b"charset"].decode("latin-1").strip()
        if attrs.get(b"http-equiv", b"").lower() == b"content-type":
            found = _CONTENT_CHARSET.search(attrs.get(b"content", b""))
            if found:
                return found.group(1).decode("latin-1")
    return None


def decode_html(raw: bytes | str, source: str) -> tuple[str, list[str]]:
    """The page's characters and warnings; raises ContentError for empty or oversized input."""
    warnings: list[str] = []
    if isinstance(raw, str):
        text = raw
    else:
        if len(raw) > MAX_HTML_BYTES:
            message = f"input is too large ({len(raw):,} bytes; limit {MAX_HTML_BYTES:,})"
            raise ContentError([Problem(source, 0, 0, "", message)])
        text = _decode(raw, warnings)
    text = text.removeprefix("\ufeff")
    if not text or text.isspace():
        raise ContentError([Problem(source, 0, 0, "", "empty input: no page text")])
    return text, warnings


def _decode(raw: bytes, warnings: list[str]) -> str:
    for bom, bom_codec in _BOM_CODECS:
        if raw.startswith(bom):
            return _with(raw[len(bom) :], bom_codec, warnings)
    label = declared(raw)
    codec = codec_for(label) if label else None
    if label and codec is None:
        warnings.append(f"unknown charset '{label}' declared; read as UTF-8")
    if codec is not None:
        return _with(raw, codec, warnings)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        warnings.append("no charset declared and not UTF-8: read as windows-1252")
        return _with(raw, "cp1252", warnings)


def _with(raw: bytes, codec: str, warnings: list[str]) -> str:
    if codec.startswith("cp125") or codec == "cp874":
        return raw.decode(codec, "guidepress-c1")
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        warnings.append(f"bytes that are not {codec} replaced with U+FFFD")
        return raw.decode(codec, "replace")
