"""The accessibility preflight: a built PDF read back and checked before it is written.

WeasyPrint logs what it cannot tag but writes the file anyway, so every PDF output is checked here:
tagged, its language, a title the viewer shows, alternative text on every figure, every font
embedded, and the identification of the PDF variant it claims. pikepdf (qpdf) reads the file.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from typing import Any

import pikepdf

from guidepress.errors import RenderError
from guidepress.pdf.variants import DEFAULT_PDF_VARIANT

#: What the XMP metadata must say for a variant: (namespace prefix, part, conformance or None).
IDENTIFICATION = {
    "pdf/ua-1": ("pdfuaid", "1", None),
    "pdf/ua-2": ("pdfuaid", "2", None),
    **{
        f"pdf/a-{part}{level}": ("pdfaid", part, level.upper())
        for part in "1234"
        for level in "abuef"
    },
}
FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


class PreflightFailed(RenderError):
    """Raised by the pipeline when a built PDF falls short of the preflight."""


def bcp47(locale: str) -> str:
    """``pt_BR`` -> ``pt-BR``: the language tag HTML and PDF use for a Babel locale code."""
    return locale.replace("_", "-")


def check(
    pdf: bytes,
    *,
    locale: str,
    variant: str | None = None,
    families: Sequence[str] | None = None,
) -> list[str]:
    """Everything the PDF lacks, one short phrase each; empty when it passes. ``families``: the
    font families the output may embed (the theme's and the brand's); None: any."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        root = doc.Root
        problems = _tagging(root) + _language(root, bcp47(locale)) + _title(doc)
        problems += _figures(doc) + _fonts(doc) + _identification(doc, variant)
        if families is not None:
            problems += _foreign_fonts(doc, families)
    return problems


def require(
    pdf: bytes,
    *,
    locale: str,
    variant: str | None = None,
    families: Sequence[str] | None = None,
) -> None:
    """Raise PreflightFailed naming what is missing, unless the PDF passes."""
    problems = check(pdf, locale=locale, variant=variant or DEFAULT_PDF_VARIANT, families=families)
    if problems:
        raise PreflightFailed("preflight: " + "; ".join(problems))


def _tagging(root: Any) -> list[str]:
    problems = []
    mark_info = root.get("/MarkInfo")
    if not isinstance(mark_info, pikepdf.Dictionary) or not _true(mark_info.get("/Marked")):
        problems.append("not marked as tagged (/MarkInfo /Marked true)")
    if not isinstance(root.get("/StructTreeRoot"), pikepdf.Dictionary):
        problems.append("no structure tree (/StructTreeRoot)")
    return problems


def _language(root: Any, expected: str) -> list[str]:
    lang = root.get("/Lang")
    if lang is None or not str(lang).strip():
        return [f"no document language (/Lang), expected '{expected}'"]
    # The locale's language, or a regional form of it (a U.S. edition is en-US: render/context.py).
    tag = str(lang).strip().lower()
    if tag != expected.lower() and not tag.startswith(expected.lower() + "-"):
        return [f"document language is '{lang}', expected '{expected}' (/Lang)"]
    return []


def _title(doc: pikepdf.Pdf) -> list[str]:
    problems = []
    title = str(doc.docinfo.get("/Title", "")).strip()
    if not title:
        xmp = doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
        title = str(xmp.get("dc:title", "")).strip()
    if not title:
        problems.append("no document title (/Title)")
    prefs = doc.Root.get("/ViewerPreferences")
    if not isinstance(prefs, pikepdf.Dictionary) or not _true(prefs.get("/DisplayDocTitle")):
        problems.append("the viewer is not told to show the title (/DisplayDocTitle true)")
    return problems


def _true(value: Any) -> bool:
    return isinstance(value, bool) and value


def _figures(doc: pikepdf.Pdf) -> list[str]:
    tree = doc.Root.get("/StructTreeRoot")
    if not isinstance(tree, pikepdf.Dictionary):
        return []
    pages: dict[tuple[int, int], int] = {
        page.obj.objgen: number for number, page in enumerate(doc.pages, start=1)
    }
    problems = []
    for element, page in _elements(tree):
        if element.get("/S") == "/Figure" and not str(element.get("/Alt", "")).strip():
            number = pages.get(page.objgen) if page is not None else None
            where = f" on page {number}" if number else ""
            problems.append(f"figure{where} has no alternative text")
    return problems


def _elements(tree: Any) -> Iterator[tuple[Any, Any]]:
    """Every structure element under the tree root in document order, with its page (/Pg is
    inherited from the nearest ancestor that has one)."""
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[Any, Any]] = [(tree.get("/K"), None)]
    while stack:
        node, page = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend((child, page) for child in reversed(list(node)))
        elif isinstance(node, pikepdf.Dictionary) and node.get("/Type") in (None, "/StructElem"):
            if node.is_indirect:
                if node.objgen in seen:
                    continue
                seen.add(node.objgen)
            page = node.get("/Pg", page)
            if "/S" in node:
                yield node, page
            stack.append((node.get("/K"), page))


def _fonts(doc: pikepdf.Pdf) -> list[str]:
    problems = []
    for obj in doc.objects:
        if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != "/Font":
            continue
        subtype = obj.get("/Subtype")
        if subtype in ("/Type0", "/Type3"):
            continue  # a composite font's glyphs live in its descendant; Type 3 glyphs are inline
        descriptor = obj.get("/FontDescriptor")
        embedded = isinstance(descriptor, pikepdf.Dictionary) and any(
            key in descriptor for key in FONT_FILES
        )
        if not embedded:
            name = str(obj.get("/BaseFont", "?")).lstrip("/")
            problems.append(f"font '{name}' is not embedded")
    return sorted(set(problems))


def embedded_fonts(doc: pikepdf.Pdf) -> set[str]:
    """The names of the fonts a PDF embeds, without their subset prefix (ABCDEF+)."""
    names = set()
    for obj in doc.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font":
            if obj.get("/Subtype") in ("/Type0", "/Type3"):
                continue
            names.add(str(obj.get("/BaseFont", "/?")).lstrip("/").split("+", 1)[-1])
    return names


def _foreign_fonts(doc: pikepdf.Pdf, families: Sequence[str]) -> list[str]:
    # WeasyPrint names an embedded @font-face font after its CSS family, spaces as hyphens,
    # with the style after another hyphen: "Karla brightpath" bold is Karla-brightpath-Bold.
    allowed = [family.replace(" ", "-") for family in families]
    problems = []
    for obj in doc.objects:
        # Each embedded font is a composite (Type0) font with its ToUnicode map.
        if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Subtype") != "/Type0":
            continue
        name = str(obj.get("/BaseFont", "/?")).lstrip("/").split("+", 1)[-1]
        if any(name == a or name.startswith(a + "-") for a in allowed):
            continue
        chars = "".join(sorted(_mapped(obj.get("/ToUnicode"))))[:12]
        problems.append(
            f"'{chars}' printed in the machine's font {name}: no font of the theme or the "
            f"brand ({', '.join(families)}) has these characters"
        )
    return sorted(problems)


def _mapped(cmap: Any) -> set[str]:
    """The characters a ToUnicode CMap maps glyphs to (bfchar and bfrange entries)."""
    if not isinstance(cmap, pikepdf.Stream):
        return set()
    text = cmap.read_bytes().decode("latin-1")
    found = set()
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for _, target in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            found.add(bytes.fromhex(target).decode("utf-16-be", errors="replace"))
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for low, high, start in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            first = int(start, 16)
            found.update(chr(first + i) for i in range(int(high, 16) - int(low, 16) + 1))
    return {char for char in found if char.isprintable() and not char.isspace()}


def _identification(doc: pikepdf.Pdf, variant: str | None) -> list[str]:
    if variant not in IDENTIFICATION:
        return []
    prefix, part, conformance = IDENTIFICATION[str(variant)]
    xmp = doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
    found_part = str(xmp.get(f"{prefix}:part", ""))
    found_conformance = str(xmp.get(f"{prefix}:conformance", ""))
    if found_part != part or (conformance and found_conformance.upper() != conformance):
        return [f"no {variant.upper()} identification in the XMP metadata ({prefix}:part)"]
    return []
