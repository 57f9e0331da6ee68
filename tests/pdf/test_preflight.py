"""The accessibility preflight: real outputs of each kind pass it; each missing property fails."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest

from guidepress.build.request import BuildRequest
from guidepress.pdf.preflight import _elements, check
from tests.helpers import invoke, pinned_build, write

pytestmark = pytest.mark.pdf


ROLE = """
title: Pastry Chef
summary: Makes desserts and breads for restaurants and hotels.
salary: {currency: EUR, min: 30000, max: 50000, median: 40000}
market_demand: High
responsibilities: [Bake bread., Plate desserts.]
tech_skills: [Lamination]
tiers: [{title: Commis, experience: 0-2 years}, {title: Pastry Chef, experience: 3+ years}]
url: https://example.org/pastry
"""


BAKER = "title: Baker\nsummary: Bakes bread.\nsalary: {currency: EUR, min: 25000, max: 40000}\n"

COMPARISON = "title: Pastry or bread?\nroles: [pastry-chef, baker]\n"


KINDS = ("guide", "sheet", "compare")


def small_project(root: Path) -> Path:
    write(root, "guidepress.yaml", "title: Test guides\n")
    write(root, "content/roles/pastry-chef.yaml", ROLE)
    write(root, "content/roles/baker.yaml", BAKER)
    write(root, "content/comparisons/pastry-or-bread.yaml", COMPARISON)
    return root


def built(root: Path, variant: str | None) -> dict[str, bytes]:
    """The bytes of the pastry chef's guide and sheet and of the comparison, by kind."""
    one = pinned_build(
        root, BuildRequest(("pastry-chef",), ("guide", "sheet"), pdf_variant=variant)
    )
    both = pinned_build(
        root, BuildRequest(("pastry-chef", "baker"), ("compare",), pdf_variant=variant)
    )
    return {e.kind: (one.output_dir / e.path).read_bytes() for e in one.entries + both.entries}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return built(small_project(tmp_path_factory.mktemp("preflight") / "proj"), None)


@pytest.fixture(scope="module")
def archival(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return built(small_project(tmp_path_factory.mktemp("pdfa") / "proj"), "pdf/a-3u")


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_passes_and_is_pdf_ua_1_by_default(outputs: dict[str, bytes], kind: str) -> None:
    assert check(outputs[kind], locale="en", variant="pdf/ua-1") == []
    with pikepdf.open(io.BytesIO(outputs[kind])) as pdf:
        xmp = pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
        assert xmp.get("pdfuaid:part") == "1"


@pytest.mark.parametrize("kind", KINDS)
def test_pdf_a_3u_builds_every_kind_and_says_so(archival: dict[str, bytes], kind: str) -> None:
    assert check(archival[kind], locale="en", variant="pdf/a-3u") == []
    with pikepdf.open(io.BytesIO(archival[kind])) as pdf:
        xmp = pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
        assert (xmp.get("pdfaid:part"), xmp.get("pdfaid:conformance")) == ("3", "U")
        assert "/OutputIntents" in pdf.Root  # PDF/A: the sRGB output intent


def structure(pdf_bytes: bytes) -> list[str]:
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        return [str(element.S) for element, _ in _elements(pdf.Root.StructTreeRoot)]


@pytest.mark.parametrize(
    ("kind", "wanted"),
    [
        ("guide", {"/H1", "/H2", "/L", "/LI", "/LBody", "/Figure", "/Sect"}),
        ("sheet", {"/H1", "/H2", "/L", "/LI", "/LBody", "/Figure"}),
        ("compare", {"/H1", "/Table", "/TR", "/TH", "/TD", "/L", "/LI", "/Figure"}),
    ],
)
def test_headings_lists_tables_and_figures_are_tagged(
    outputs: dict[str, bytes], kind: str, wanted: set[str]
) -> None:
    assert wanted <= set(structure(outputs[kind]))


# Each property removed from a real sheet, one at a time ----------------------------------------


def _drop_alt(pdf: pikepdf.Pdf) -> None:
    figures = [e for e, _ in _elements(pdf.Root.StructTreeRoot) if e.S == "/Figure"]
    del figures[-1].Alt


def _drop_title(pdf: pikepdf.Pdf) -> None:
    del pdf.trailer.Info.Title
    del pdf.Root.Metadata


def _unembed(pdf: pikepdf.Pdf) -> None:
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
            for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                if key in obj:
                    del obj[key]
            return


def _delete(key: str) -> Callable[[pikepdf.Pdf], None]:
    def apply(pdf: pikepdf.Pdf) -> None:
        del pdf.Root[key]

    return apply


def _set_lang(pdf: pikepdf.Pdf) -> None:
    pdf.Root.Lang = pikepdf.String("de")


def _untag(pdf: pikepdf.Pdf) -> None:
    pdf.Root.MarkInfo.Marked = False


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_untag, "not marked as tagged (/MarkInfo /Marked true)"),
        (_delete("/MarkInfo"), "not marked as tagged (/MarkInfo /Marked true)"),
        (_delete("/StructTreeRoot"), "no structure tree (/StructTreeRoot)"),
        (_delete("/Lang"), "no document language (/Lang), expected 'en'"),
        (_set_lang, "document language is 'de', expected 'en' (/Lang)"),
        (_drop_title, "no document title (/Title)"),
        (
            _delete("/ViewerPreferences"),
            "the viewer is not told to show the title (/DisplayDocTitle true)",
        ),
        (_drop_alt, "figure on page 1 has no alternative text"),
    ],
)
def test_a_missing_property_fails_with_its_message(
    outputs: dict[str, bytes], damage: Callable[[pikepdf.Pdf], None], message: str
) -> None:
    with pikepdf.open(io.BytesIO(outputs["sheet"])) as pdf:
        damage(pdf)
        out = io.BytesIO()
        pdf.save(out)
    assert check(out.getvalue(), locale="en") == [message]


def test_a_regional_form_of_the_locale_s_language_passes(outputs: dict[str, bytes]) -> None:
    """A U.S. edition says en-US (WeasyPrint hyphenates it as American English); en-GB and de
    are checked as before."""
    for lang, found in (("en-US", []), ("de-DE", ["document language is 'de-DE', expected 'en'"])):
        with pikepdf.open(io.BytesIO(outputs["sheet"])) as pdf:
            pdf.Root.Lang = pikepdf.String(lang)
            out = io.BytesIO()
            pdf.save(out)
        assert check(out.getvalue(), locale="en") == [f"{m} (/Lang)" for m in found]


def test_a_font_that_is_not_embedded_is_named(outputs: dict[str, bytes]) -> None:
    with pikepdf.open(io.BytesIO(outputs["sheet"])) as pdf:
        _unembed(pdf)
        names = [
            str(obj.BaseFont)[1:]
            for obj in pdf.objects
            if isinstance(obj, pikepdf.Dictionary)
            and obj.get("/Type") == "/Font"
            and isinstance(obj.get("/FontDescriptor"), pikepdf.Dictionary)
            and not any(k in obj.FontDescriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        ]
        out = io.BytesIO()
        pdf.save(out)
    assert len(names) == 1
    assert check(out.getvalue(), locale="en") == [f"font '{names[0]}' is not embedded"]


def test_a_variant_the_file_does_not_identify_as_fails(outputs: dict[str, bytes]) -> None:
    assert check(outputs["guide"], locale="en", variant="pdf/a-3u") == [
        "no PDF/A-3U identification in the XMP metadata (pdfaid:part)"
    ]


@pytest.mark.weasyprint_warns  # WeasyPrint logs what it cannot tag
def test_the_build_fails_an_output_that_falls_short(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", ROLE)
    # A project template that adds an image without alternative text to the sheet.
    write(
        project,
        "templates/sheet.html.j2",
        """
        {% extends "theme:sheet.html.j2" %}
        {% block body %}{{ super() }}<img src="{{ ctx.qr.src }}" style="width: 5mm">{% endblock %}
        """,
    )
    result = invoke(project, "build", "--kind", "sheet")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        "sheets/pastry-chef.pdf: preflight: figure on page 1 has no alternative text"
    )
    assert not (project / "output" / "sheets" / "pastry-chef.pdf").exists()
