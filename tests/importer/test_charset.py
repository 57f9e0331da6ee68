"""Decoding a saved web page: byte-order mark, then the declared charset (charset.py)."""

from __future__ import annotations

import pytest

from guidepress.errors import ContentError
from guidepress.importer import import_text
from guidepress.importer.charset import MAX_HTML_BYTES, codec_for, declared, decode_html


@pytest.mark.parametrize(
    ("head", "label"),
    [
        (b'<meta charset="windows-1253">', "windows-1253"),
        (b"<META CHARSET=iso-8859-7>", "iso-8859-7"),
        (b"<meta charset='utf-8'/>", "utf-8"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "ISO-8859-1"),
        (b"<meta content='text/html;charset=\"koi8-r\"' http-equiv=content-type>", "koi8-r"),
        (b'<!-- <meta charset="big5"> --><meta charset="utf-8">', "utf-8"),
        (b'<meta name="viewport" content="width=device-width"><meta charset="cp1251">', "cp1251"),
        (b'<meta http-equiv="refresh" content="0; charset=x">', None),
        (b"<p>" + b" " * 1100 + b'<meta charset="cp1251">', None),  # past the first 1024 bytes
        (b"<html>", None),
    ],
)
def test_the_declared_charset_is_found(head: bytes, label: str | None) -> None:
    assert declared(head) == label


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("ISO-8859-1", "cp1252"),  # the Encoding Standard reads Latin-1 as windows-1252
        ("us-ascii", "cp1252"),
        ("utf-16", "utf-8"),  # a declaration can only be read if the bytes are ASCII-like
        ("UTF-8", "utf-8"),
        ("windows-1253", "cp1253"),
        ("shift_jis", "cp932"),
        ("no-such-charset", None),
    ],
)
def test_labels_are_read_as_the_encoding_standard_reads_them(label: str, codec: str | None) -> None:
    assert codec_for(label) == codec


def _page(charset: str, body: str) -> str:
    return f'<meta charset="{charset}"><h1>Café Career Path Guide</h1><p>{body}</p>'


@pytest.mark.parametrize(
    ("raw", "warnings"),
    [
        (_page("utf-8", "Crème brûlée — “fine”.").encode("utf-8"), []),
        (_page("windows-1252", "Crème brûlée — “fine”.").encode("cp1252"), []),
        (_page("iso-8859-15", "Crème brûlée €.").encode("iso-8859-15"), []),
        (b"\xff\xfe" + _page("utf-8", "Crème brûlée.").encode("utf-16-le"), []),
        (
            _page("", "Crème brûlée.").replace('<meta charset="">', "").encode("cp1252"),
            ["no charset declared and not UTF-8: read as windows-1252"],
        ),
        (
            _page("utf-8", "Crème brûlée.").encode("utf-8").replace(b"\xc3\xa8", b"\xe8"),
            ["bytes that are not utf-8 replaced with U+FFFD"],
        ),
        (
            _page("x-klingon", "Crème brûlée.").encode("utf-8"),
            ["unknown charset 'x-klingon' declared; read as UTF-8"],
        ),
    ],
)
def test_pages_decode_as_declared(raw: bytes, warnings: list[str]) -> None:
    text, found = decode_html(raw, "p.html")
    assert found == warnings
    assert "Café Career Path Guide" in text
    assert "brûlée" in text
    assert ("Cr\ufffdme" in text) is bool(warnings and "U+FFFD" in warnings[0])


def test_undefined_code_page_bytes_stay_repairable() -> None:
    """0x9D is undefined in windows-1252: it reads as U+009D (as browsers do), which repair
    maps back, so UTF-8 ``Ý`` (C3 9D) declared as windows-1252 comes out whole."""
    raw = _page("windows-1252", "Ý and —").encode("utf-8")
    result = import_text(raw, "p.html")
    assert result.role["summary"] == "Ý and —"
    assert result.role["provenance"]["encoding_repaired"] is True


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "p.html: empty input: no page text"),
        (b" \r\n\t", "p.html: empty input: no page text"),
        (b"\xef\xbb\xbf  ", "p.html: empty input: no page text"),
        (
            b"x" * (MAX_HTML_BYTES + 1),
            f"p.html: input is too large (20,000,001 bytes; limit {MAX_HTML_BYTES:,})",
        ),
        (
            b"<html><script>x</script><nav>Menu</nav></html>",
            "p.html: no page text outside scripts, styles, navigation and site furniture",
        ),
    ],
)
def test_unusable_pages_are_one_line(raw: bytes, message: str) -> None:
    with pytest.raises(ContentError) as err:
        import_text(raw, "p.html")
    assert err.value.lines() == [message]
