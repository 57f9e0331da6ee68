"""Joining tagged PDFs: pages, structure, links and bookmarks survive, as one document."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from guidepress.pdf import preflight
from guidepress.pdf.engine import layout, write_pdf
from guidepress.pdf.merge import join
from tests.helpers import outline_tree

pytestmark = pytest.mark.pdf

IMAGE = "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>"


def _piece(tmp_path: Path, title: str, body: str) -> bytes:
    html = (
        f'<html lang="en"><head><title>{title}</title><style>@page {{ size: A6 }}</style>'
        f"</head><body>{body}</body></html>"
    )
    laid = layout(html, [], allowed=[tmp_path])
    return write_pdf(laid, identifier=title)


def _chapter(tmp_path: Path, name: str) -> bytes:
    return _piece(
        tmp_path,
        name,
        f'<h1 id="top">{name}</h1><p><a href="#more">More</a></p>'
        f'<img src="{IMAGE}" alt="A square for {name}">'
        f'<h2 id="more" style="break-before: page">{name} continued</h2><p>Text.</p>',
    )


def test_pieces_joined_keep_their_structure_links_and_bookmarks(tmp_path: Path) -> None:
    front = _piece(
        tmp_path,
        "The booklet",
        '<h2 style="bookmark-level: 1">Contents</h2>'
        '<p><a href="#gp-page-2">Alpha</a> <a href="#gp-page-4">Beta</a></p>'
        '<div style="height: 0"><a id="gp-page-2"></a><a id="gp-page-4"></a></div>',
    )
    joined = join(
        [front, _chapter(tmp_path, "Alpha"), _chapter(tmp_path, "Beta")], [None, "Group", "Group"]
    )
    assert preflight.check(joined, locale="en") == []
    reader = PdfReader(io.BytesIO(joined))
    assert len(reader.pages) == 5
    assert reader.metadata is not None and reader.metadata.title == "The booklet"

    assert outline_tree(reader) == [
        ("Contents", 1),
        ("Group", 2),
        [("Alpha", 2), [("Alpha continued", 3)], ("Beta", 4), [("Beta continued", 5)]],
    ]

    def targets(number: int) -> list[int]:
        found = []
        for annot in reader.pages[number - 1].get("/Annots", []):
            dest = annot.get_object()["/Dest"]
            found.append(reader.get_page_number(dest[0].get_object()) + 1)
        return found

    assert targets(1) == [2, 4]  # the contents lead to the chapters' pages
    assert targets(2) == [3] and targets(4) == [5]  # each chapter's own links, moved with it
    with pikepdf.open(io.BytesIO(joined)) as pdf:
        pages = {page.obj.objgen for page in pdf.pages}
        keys = [int(page.obj.StructParents) for page in pdf.pages if "/StructParents" in page.obj]
        keys += [
            int(annot.StructParent) for page in pdf.pages for annot in page.obj.get("/Annots", [])
        ]
        assert len(keys) == len(set(keys)) and max(keys) < int(
            pdf.Root.StructTreeRoot.ParentTreeNextKey
        )
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        assert sorted(int(nums[i]) for i in range(0, len(nums), 2)) == sorted(keys)
        document = pdf.Root.StructTreeRoot.K[0]
        elements, stack = [], list(document.K)
        while stack:
            element = stack.pop()
            if isinstance(element, pikepdf.Dictionary) and "/S" in element:
                elements.append(element)
                kids = element.get("/K")
                stack.extend(kids if isinstance(kids, pikepdf.Array) else [kids])
        assert all(e.Pg.objgen in pages for e in elements if "/Pg" in e)
        headings = [e for e in elements if e.S == "/H1"]
        assert len(headings) == 2 and {e.P.objgen for e in document.K} == {document.objgen}
        assert "/Dests" not in pdf.Root.get("/Names", {})
