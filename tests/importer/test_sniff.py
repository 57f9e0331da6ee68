"""Which inputs are imported and which are refused, by name and by content (sniff.py)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from guidepress.errors import ContentError
from guidepress.importer import ImportFailed, import_files, import_text
from guidepress.importer.sniff import looks_like_html

from .conftest import CASES

ACCEPTED = (
    "guidepress imports page text (.txt), saved web pages (.html, .htm) or - for standard input"
)
PAGE = b"Chef Career Path Guide\n\nChefs cook.\n"


def _docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("page.pdf", "cannot import a .pdf file"),
        ("page.docx", "cannot import a .docx file"),
        ("page.PNG", "cannot import a .PNG file"),
        ("page.json", "cannot import a .json file"),
        ("page.mhtml", "cannot import a .mhtml file"),
        ("page.md", "cannot import a .md file"),
        ("page", "cannot import a file without an extension"),
    ],
)
def test_other_kinds_of_file_are_refused_by_name(tmp_path: Path, name: str, message: str) -> None:
    source = tmp_path / name
    source.write_bytes(PAGE)  # the name decides: the file is not even read
    with pytest.raises(ImportFailed) as err:
        import_files([str(source)], tmp_path / "roles", force=False)
    assert err.value.lines() == [f"{source}: {message}: {ACCEPTED}"]
    assert not (tmp_path / "roles").exists()


def test_a_missing_pdf_is_refused_for_its_kind(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed) as err:
        import_files([str(tmp_path / "page.pdf")], tmp_path, force=False)
    assert err.value.lines() == [f"{tmp_path / 'page.pdf'}: cannot import a .pdf file: {ACCEPTED}"]


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (_docx(), "a ZIP archive (.docx, .xlsx, .odt, .epub, .zip)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "an old Word or Excel document (.doc, .xls)"),
        (b"{\\rtf1\\ansi Chef}", "an RTF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"GIF89a\x01\x00", "a GIF image"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "a WebP image"),
        (b"BM\x36\x00\x00\x00\x00\x00\x00\x00\x36", "a BMP image"),
        (b"\x1f\x8b\x08\x00", "a gzip archive"),
        (b"\x7fELF\x02\x01\x01\x00", "a program (ELF)"),
        (b"\x00\x01\x02\xff\xfe\x80\x81binary", "binary data"),
        (b'{"title": "Chef", "summary": "Cooks."}', "JSON data"),
        (b"  [1, 2, 3]\n", "JSON data"),
    ],
)
@pytest.mark.parametrize("name", ["page.txt", "page.html", "stdin"])
def test_content_is_sniffed_whatever_the_name(data: bytes, what: str, name: str) -> None:
    with pytest.raises(ContentError) as err:
        import_text(data, name)
    assert err.value.lines() == [f"{name}: cannot import {what}: {ACCEPTED}"]


@pytest.mark.parametrize(
    "text",
    [
        b"BMW Technician Career Path Guide\n\nThey fix cars.\n",  # "BM", not a bitmap
        b"GIF Artist Career Path Guide\n\nThey animate.\n",
        b"{Braces} Career Path Guide\n\nNot JSON.\n",
    ],
)
def test_page_text_that_starts_like_a_signature_is_imported(text: bytes) -> None:
    assert import_text(text, "page.txt").kind == "text"


def test_refusals_are_one_line_each_among_other_problems(tmp_path: Path) -> None:
    pdf = tmp_path / "guide.txt"
    pdf.write_bytes(b"%PDF-1.4\n")
    good = tmp_path / "chef.txt"
    good.write_bytes(PAGE)
    with pytest.raises(ImportFailed) as err:
        import_files([str(pdf), str(good), str(tmp_path / "x.doc")], tmp_path / "out", False)
    assert err.value.lines() == [
        f"{pdf}: cannot import a PDF document: {ACCEPTED}",
        f"{tmp_path / 'x.doc'}: cannot import a .doc file: {ACCEPTED}",
    ]
    assert [r.slug for r in err.value.results] == ["chef"]


@pytest.mark.parametrize(
    ("head", "html"),
    [
        (b"<!DOCTYPE html><html>", True),
        (b"\n  <!doctype HTML>", True),
        (b"<html lang=en>", True),
        (b"<h1>Chef</h1>", True),
        (b"<p>Chef</p>", True),
        (b"<!-- saved from url=(0042)https://example.com -->\n<html>", True),
        (b"\xef\xbb\xbf<html>", True),
        ("<html>".encode("utf-16"), True),
        (b"<section><h1>Chef</h1>", False),  # not one of the standard's signatures
        (b"Chef Career Path Guide\n\n<b>bold</b>", False),
        (b"<https://example.com>", False),
        (b"<h1x>", False),
    ],
)
def test_html_is_sniffed_by_the_standard_signatures(head: bytes, html: bool) -> None:
    assert looks_like_html(head) is html
    assert looks_like_html(head.decode("utf-16" if head[:2] == b"\xff\xfe" else "utf-8")) is html


def test_stdin_and_txt_holding_a_web_page_are_read_as_one(tmp_path: Path) -> None:
    page = (CASES / "000_d44a76b2e4663afc.html").read_bytes()
    saved = tmp_path / "saved-as.txt"
    saved.write_bytes(page)
    [from_stdin] = import_files(["-"], tmp_path / "a", force=False, stdin=io.BytesIO(page))
    [from_txt] = import_files([str(saved)], tmp_path / "b", force=False)
    for result in (from_stdin, from_txt):
        assert result.kind == "html"
        assert result.warnings == ["the text is an HTML document: read as a web page"]
    assert from_stdin.role == {
        **from_txt.role,
        "provenance": {**from_txt.role["provenance"], "source": "stdin"},
    }
