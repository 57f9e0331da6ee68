"""One role as guide and sheet in four locales, with a Spanish overlay: language, headings,
money, paths and the untranslated-content notice on paper."""

from __future__ import annotations

import functools
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from guidepress.build.request import BuildRequest
from guidepress.i18n.formatting import Formatter
from guidepress.i18n.labels import catalogue
from tests.helpers import PASTRY_CHEF, PASTRY_CHEF_ES, pinned_build, squash_hyphenated, write

pytestmark = pytest.mark.pdf


LOCALES = ("en", "es", "fr", "de")


@functools.cache
def pdf_text(path: Path) -> str:
    """The PDF's text, squashed; read once per file (several tests read the same ones)."""
    return squash_hyphenated("".join(page.extract_text() for page in PdfReader(path).pages))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """One small role as guide and sheet in the four locales, with a Spanish overlay."""
    root = tmp_path_factory.mktemp("locales") / "proj"
    write(root, "guidepress.yaml", "title: Test guides\n")
    write(root, "content/roles/pastry-chef.yaml", PASTRY_CHEF)
    write(root, "content/roles/pastry-chef.es.yaml", PASTRY_CHEF_ES)
    report = pinned_build(root, BuildRequest(kinds=("guide", "sheet"), locales=LOCALES))
    return {(e.kind, e.locale): report.output_dir / e.path for e in report.entries}


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("kind", ["guide", "sheet"])
def test_pdf_language_headings_and_money(
    built: dict[tuple[str, str], Path], kind: str, locale: str
) -> None:
    path = built[kind, locale]
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == locale
    labels = catalogue(locale)
    text = pdf_text(path)
    headings = (
        [labels.responsibilities, labels.faqs, labels.contents, labels.at_a_glance]
        if kind == "guide"
        else [
            labels.responsibilities,
            labels.pros,
            labels.role_sheet.upper(),
            labels.salary.upper(),
        ]
    )
    for heading in headings:
        assert squash_hyphenated(heading) in text
    assert squash_hyphenated(Formatter(locale, "USD").money(105000)) in text


def test_paths_carry_the_locale_unless_it_is_the_first(
    built: dict[tuple[str, str], Path],
) -> None:
    names = sorted(p.name for p in built.values())
    assert names == [
        "pastry-chef.de.pdf", "pastry-chef.de.pdf", "pastry-chef.es.pdf", "pastry-chef.es.pdf",
        "pastry-chef.fr.pdf", "pastry-chef.fr.pdf", "pastry-chef.pdf", "pastry-chef.pdf",
    ]  # fmt: skip


def test_overlay_replaces_fields_and_the_guide_names_what_is_untranslated(
    built: dict[tuple[str, str], Path],
) -> None:
    text = pdf_text(built["guide", "es"])
    assert squash_hyphenated("Pastelero o pastelera") in text
    assert (
        squash_hyphenated("Hornear pan.") in text and squash_hyphenated("Bake bread.") not in text
    )
    assert (
        squash_hyphenated("Early mornings.") in text
    )  # cons are not in the overlay: English stays
    assert (
        squash_hyphenated(
            "Contenido sin traducir (en inglés): Competencias y herramientas, Conciliación y "
            "estrés, Ventajas e inconvenientes, Preguntas frecuentes"
        )
        in text
    )


def test_without_an_overlay_the_whole_content_is_marked_untranslated(
    built: dict[tuple[str, str], Path],
) -> None:
    assert squash_hyphenated("Le contenu de ce métier est en anglais.") in pdf_text(
        built["guide", "fr"]
    )
    assert squash_hyphenated(
        "Die Inhalte dieses Berufsprofils liegen nur auf Englisch vor."
    ) in pdf_text(built["sheet", "de"])
    english = pdf_text(built["guide", "en"])
    assert (
        squash_hyphenated("Untranslated") not in english
        and squash_hyphenated("is in English") not in english
    )


def _languages(path: Path) -> list[tuple[str, str | None]]:
    """(structure type, language) of every element of the PDF's structure tree, in tree order;
    the language is the element's /Lang or the one it inherits (None: the document's)."""
    found: list[tuple[str, str | None]] = []

    def visit(node: object, lang: str | None) -> None:
        if isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                lang = str(node.Lang) if "/Lang" in node else lang
                found.append((str(node.S), lang))
            if "/K" in node:
                visit(node.K, lang)
        elif isinstance(node, pikepdf.Array):
            for kid in node:
                visit(kid, lang)

    with pikepdf.open(path) as pdf:
        visit(pdf.Root.StructTreeRoot, None)
    return found


def test_english_content_is_tagged_english_in_a_german_edition(
    built: dict[tuple[str, str], Path],
) -> None:
    """Review 8: a role with no German translation prints its English content under German
    headings, and the PDF said only /Lang de (the catalogue's): a screen reader read the
    English with a German voice. Each section and the summary say their language in the
    structure tree (from the HTML's lang), its heading the edition's."""
    german = _languages(built["guide", "de"])
    english = [kind for kind, lang in german if lang == "en"]
    assert english.count("/Sect") >= 5 and "/P" in english  # the sections of the role's text
    headings = {lang for kind, lang in german if kind == "/H3"}
    assert "de" in headings and "en" not in headings  # their headings are the edition's
    # An English edition's elements all read in the document's language.
    assert {lang for _, lang in _languages(built["guide", "en"])} == {None}
