"""Hostile prose: a role whose text tries every way to make the renderer read a file or the
network, built once; its PDF provably holds none of a secret file's bytes and no embedded file."""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from guidepress.build.request import BuildRequest
from tests.helpers import LINK_LOCAL, REPO, pinned_build, write

pytestmark = pytest.mark.pdf


def attributes(html: str, *names: str) -> list[tuple[str, str | None]]:
    """Every (tag, value) of the attributes ``names`` in ``html``."""
    found: list[tuple[str, str | None]] = []

    class Reader(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend((tag, value) for name, value in attrs if name in names)

    Reader().feed(html)
    return found


def assert_holds_nothing_of(pdf: Path, token: str) -> None:
    """No byte of the token anywhere (raw or decompressed), in the text, or attached."""
    assert token.encode() not in pdf.read_bytes()
    assert token not in "".join(page.extract_text() for page in PdfReader(pdf).pages)
    with pikepdf.open(pdf) as doc:
        assert "/EmbeddedFiles" not in doc.Root.get("/Names", pikepdf.Dictionary())
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    data = obj.read_bytes()
                except pikepdf.PdfError:  # a filter pikepdf does not decode (images)
                    data = obj.read_raw_bytes()
                assert token.encode() not in data
            elif isinstance(obj, pikepdf.Dictionary):
                assert obj.get("/Subtype") != "/FileAttachment"
                assert obj.get("/Type") not in ("/EmbeddedFile", "/Filespec")


@pytest.fixture(scope="module")
def hostile_role(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """One role whose prose tries every way to make the renderer read a file or the network,
    built once as PDF and HTML; yields the output folder and the secret's token."""
    base = tmp_path_factory.mktemp("hostile")
    secret = base / "secret.txt"
    token = f"TOKEN-{uuid.uuid4().hex}"
    secret.write_text(token + "\n", encoding="utf-8")
    root = base / "proj"
    (root / "content" / "roles").mkdir(parents=True)
    shutil.copytree(REPO / "content" / "brands", root / "content" / "brands")
    (root / "guidepress.yaml").write_text("title: Test guides\n", encoding="utf-8")
    uri = secret.as_uri()
    role = {
        "title": "Hostile Role",
        "summary": f"![secret]({uri}) ![meta]({LINK_LOCAL}) [read]({uri}) [meta]({LINK_LOCAL})",
        "responsibilities": [
            f"<img src='{uri}'> <iframe src='{uri}'></iframe> <script>alert(1)</script>",
            f"<link rel=attachment href='{uri}'> <a rel=attachment href='{uri}'>x</a>",
            f'<object data="{uri}"></object> <embed src="{LINK_LOCAL}">',
            f"![rel](../../secret.txt) [js](javascript:alert(1)) <{uri}>",
        ],
        "pros": [f'<svg><image href="{uri}"/></svg> <style>@import "{uri}";</style>'],
    }
    write(root, "content/roles/hostile-role.yaml", json.dumps(role))  # JSON is YAML
    pinned_build(root, BuildRequest(kinds=("guide",), formats=("pdf", "html")))
    yield root / "output" / "guides", token


def test_prose_pdf_holds_nothing_of_the_secret(hostile_role: tuple[Path, str]) -> None:
    out, token = hostile_role
    assert_holds_nothing_of(out / "hostile-role.pdf", token)


def test_prose_html_asks_the_renderer_for_nothing(hostile_role: tuple[Path, str]) -> None:
    out, token = hostile_role
    html = (out / "hostile-role.html").read_text("utf-8")
    assert token not in html
    # Raw HTML arrives as text; the only images and links are the theme's own.
    for tag in ("<script", "<iframe", "<object", "<embed", "<svg><image", "<link rel=attachment"):
        assert tag not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;link rel=attachment href=" in html
    # The addresses are in the text (quotes in text need no escaping), in no attribute.
    targets = [v for _, v in attributes(html, "src", "href", "data") if v]
    assert not [t for t in targets if t.startswith(("file:", "javascript:"))]
    # Markdown images are not part of prose: they stay text (a web address in one stays a link,
    # printed, never fetched).
    assert "![secret](file://" in html
    assert f'!<a href="{LINK_LOCAL}">meta</a>' in html


def test_prose_shows_raw_html_as_text_on_paper(hostile_role: tuple[Path, str]) -> None:
    out, _ = hostile_role
    text = "".join(p.extract_text() for p in PdfReader(out / "hostile-role.pdf").pages)
    assert "<script>alert(1)</script>" in text
    assert "<link rel=attachment href=" in text
