"""Tagged PDFs joined into one, page by page, as tagged as they were: a booklet's pieces.

Why not WeasyPrint: a laid-out document cannot be kept between builds, but a piece's PDF can,
so a booklet whose chapters did not change joins the PDFs it kept instead of laying them out
again. Joining keeps what makes each piece accessible and navigable: every page's structure
(the pieces' structure elements under one Document element, their parent trees renumbered),
links (named destinations made explicit; ``#gp-page-N`` leads to page N of the whole) and
bookmarks (each piece's under one outline, a group's pieces under an item of the group).
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import pikepdf

from guidepress.errors import RenderError

#: A link to a page of the whole booklet, written by a piece that cannot know it (booklet.html.j2).
PAGE_LINK = re.compile(r"gp-page-(\d+)")


@dataclass(frozen=True)
class Bookmark:
    title: str
    page: int  # index in the joined document
    top: float | None
    children: tuple[Bookmark, ...] = ()


def join(pieces: Sequence[bytes], groups: Sequence[str | None]) -> bytes:
    """One PDF of ``pieces`` (tagged PDFs) in order; the first gives the document's catalogue
    (language, title, metadata). ``groups[i]``: the outline item ``pieces[i]``'s bookmarks go
    under (consecutive pieces of one group share it), or None."""
    sources = [pikepdf.open(io.BytesIO(data)) for data in pieces]
    try:
        starts = _starts(sources)  # before the first piece grows into the whole
        whole = sources[0]
        marks: list[Bookmark] = []
        tree = whole.Root.StructTreeRoot
        document = _document_element(tree)
        nums: list[Any] = list(tree.ParentTree.Nums)
        next_key = _next_key(nums)
        for index, source in enumerate(sources):
            first = len(whole.pages) if index else 0
            _explicit_links(source)
            marks += [_shifted(mark, first) for mark in _bookmarks(source)]
            if index == 0:
                continue
            with warnings.catch_warnings():  # named destinations are made explicit above
                warnings.simplefilter("ignore")
                whole.pages.extend(source.pages)
            offset = next_key
            for page in list(whole.pages)[first:]:
                _renumber(page.obj, "/StructParents", offset)
                for annot in page.obj.get("/Annots", []):
                    _renumber(annot, "/StructParent", offset)
            own = source.Root.StructTreeRoot
            for kid in _kids(_document_element(own)):
                copied = whole.copy_foreign(kid)
                copied.P = document
                document.K.append(copied)
            own_nums = list(own.ParentTree.Nums)
            for i in range(0, len(own_nums), 2):
                nums += [int(own_nums[i]) + offset, _copy(whole, own_nums[i + 1])]
            next_key = offset + _next_key(own_nums)
        tree.ParentTree = whole.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array(nums)))
        tree.ParentTreeNextKey = next_key
        pages = list(whole.pages)
        for annot, number in _explicit_links(whole):
            if not 1 <= number <= len(pages):
                raise RenderError(f"a link leads to page {number} of {len(pages)}")
            annot.Dest = pikepdf.Array([pages[number - 1].obj, pikepdf.Name.Fit])
        if "/Names" in whole.Root and "/Dests" in whole.Root.Names:
            del whole.Root.Names["/Dests"]  # every link now names its page
        _write_outline(whole, _grouped(marks, starts, groups))
        out = io.BytesIO()
        # Objects in compressed object streams, as WeasyPrint writes them: kept as they were,
        # the joined pieces' objects would double the file.
        whole.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()
    finally:
        for source in sources:
            source.close()


def _document_element(tree: Any) -> Any:
    kids = tree.K
    return kids[0] if isinstance(kids, pikepdf.Array) else kids


def _kids(element: Any) -> list[Any]:
    kids = element.get("/K", pikepdf.Array())
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _next_key(nums: list[Any]) -> int:
    return max((int(nums[i]) for i in range(0, len(nums), 2)), default=-1) + 1


def _renumber(obj: Any, key: str, offset: int) -> None:
    if key in obj:
        obj[key] = int(obj[key]) + offset


def _copy(pdf: pikepdf.Pdf, obj: Any) -> Any:
    """``obj`` of another PDF in ``pdf``: indirect objects copied (once: qpdf remembers), direct
    arrays and dictionaries rebuilt around them."""
    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        return pdf.copy_foreign(obj)
    if isinstance(obj, pikepdf.Array):
        return pikepdf.Array([_copy(pdf, item) for item in obj])
    if isinstance(obj, pikepdf.Dictionary):
        return pikepdf.Dictionary({key: _copy(pdf, value) for key, value in obj.items()})
    return obj


def _named(pdf: pikepdf.Pdf) -> dict[str, Any]:
    """The document's named destinations (its /Names /Dests tree), by name."""
    found: dict[str, Any] = {}

    def walk(node: Any) -> None:
        names = node.get("/Names", [])
        for i in range(0, len(names), 2):
            value = names[i + 1]
            found[str(names[i])] = value.D if isinstance(value, pikepdf.Dictionary) else value
        for kid in node.get("/Kids", []):
            walk(kid)

    names = pdf.Root.get("/Names")
    tree = names.get("/Dests") if isinstance(names, pikepdf.Dictionary) else None
    if tree is not None:
        walk(tree)
    return found


def _explicit_links(pdf: pikepdf.Pdf) -> list[tuple[Any, int]]:
    """Give every link to a named destination its destination itself (the names of pieces
    collide); return the links to ``#gp-page-N`` with N, led there once the pieces are one."""
    named = _named(pdf)
    pages: list[tuple[Any, int]] = []
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", []):
            dest = annot.get("/Dest")
            if not isinstance(dest, pikepdf.String | pikepdf.Name):
                continue
            name = str(dest).lstrip("/")
            page_link = PAGE_LINK.fullmatch(name)
            if page_link:
                pages.append((annot, int(page_link.group(1))))
            elif name in named:
                annot.Dest = named[name]
    return pages


def _bookmarks(pdf: pikepdf.Pdf) -> list[Bookmark]:
    """The document's outline, pages as indices."""
    index = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}

    def read(items: Any) -> Iterator[Bookmark]:
        for item in items:
            dest = item.destination
            if isinstance(dest, pikepdf.String | pikepdf.Name):
                dest = _named(pdf).get(str(dest).lstrip("/"))
            if not isinstance(dest, pikepdf.Array) or not len(dest):
                continue
            page = index.get(dest[0].objgen)
            if page is None:
                continue
            top = float(dest[3]) if len(dest) > 3 and dest[1] == pikepdf.Name.XYZ else None
            yield Bookmark(item.title, page, top, tuple(read(item.children)))

    with pdf.open_outline() as outline:
        return list(read(outline.root))


def _shifted(mark: Bookmark, by: int) -> Bookmark:
    return Bookmark(
        mark.title, mark.page + by, mark.top, tuple(_shifted(c, by) for c in mark.children)
    )


def _starts(sources: Sequence[pikepdf.Pdf]) -> list[int]:
    starts, page = [], 0
    for source in sources:
        starts.append(page)
        page += len(source.pages)
    return starts


def _grouped(
    marks: list[Bookmark], starts: list[int], groups: Sequence[str | None]
) -> list[Bookmark]:
    """The bookmarks, those of a group's pieces under one item for the group."""
    ends = [*starts[1:], float("inf")]
    found: list[Bookmark] = []
    current: tuple[str, list[Bookmark]] | None = None

    def close() -> None:
        if current is not None and current[1]:
            found.append(Bookmark(current[0], current[1][0].page, None, tuple(current[1])))

    for mark in marks:
        piece = next(i for i, end in enumerate(ends) if starts[i] <= mark.page < end)
        group = groups[piece]
        if group is None:
            close()
            current = None
            found.append(mark)
        elif current is not None and current[0] == group:
            current[1].append(mark)
        else:
            close()
            current = (group, [mark])
    close()
    return found


def _write_outline(pdf: pikepdf.Pdf, marks: list[Bookmark]) -> None:
    def item(mark: Bookmark) -> pikepdf.OutlineItem:
        if mark.top is None:
            made = pikepdf.OutlineItem(mark.title, mark.page, "Fit")
        else:
            made = pikepdf.OutlineItem(mark.title, mark.page, "XYZ", top=mark.top)
        made.children.extend(item(child) for child in mark.children)
        return made

    with pdf.open_outline() as outline:
        outline.root.clear()
        outline.root.extend(item(mark) for mark in marks)
