"""The seed guides read back from their PDFs: text, pages, bookmarks, metadata, fonts."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import yaml
from pypdf import PageObject, PdfReader

from guidepress.build.pipeline import build
from guidepress.build.request import BuildRequest
from guidepress.content.models import Role
from guidepress.i18n.labels import catalogue
from guidepress.render.sections import guide_sections
from guidepress.theme.filters import plain_text
from tests.helpers import REPO, SEED_ROLES, squash, squash_hyphenated

pytestmark = pytest.mark.pdf


NOT_PRINTED_AS_IS = {
    "slug",
    "url",
    "source",
    "completeness",
    "retrieved",
    "currency",
    "period",
    "experience",
}


def texts(value: Any, key: str = "") -> list[str]:
    """Every string in a role's data: each paragraph, bullet, title and label the page had."""
    if isinstance(value, str):
        return [] if key in NOT_PRINTED_AS_IS else [value]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in texts(v, k)]
    if isinstance(value, list):
        return [t for v in value for t in texts(v, key)]
    return []


def text_and_body(page: PageObject) -> tuple[str, str]:
    """The page's text, and its text without the running header and footer (they sit in the
    margins)."""
    top = float(page.mediabox.height) - 64  # 22 mm top margin, less a little
    parts: list[str] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if 60 < y < top:
            parts.append(text)

    whole = page.extract_text(visitor_text=visit)
    return whole, "".join(parts)


@functools.cache
def page_texts(path: Path) -> tuple[tuple[str, str], ...]:
    """:func:`text_and_body` of every page, read once per PDF (several tests read them)."""
    return tuple(text_and_body(page) for page in PdfReader(path).pages)


def body_texts(path: Path) -> list[str]:
    return [body for _, body in page_texts(path)]


def entry(out: Path, slug: str) -> dict[str, Any]:
    manifest = json.loads((out / "manifest.json").read_text())
    return next(o for o in manifest["outputs"] if o["roles"] == [slug])


@pytest.mark.parametrize("slug", SEED_ROLES)
def test_every_paragraph_and_bullet_is_on_paper(seed_guides: Path, slug: str) -> None:
    data = yaml.safe_load((REPO / "content" / "roles" / f"{slug}.yaml").read_text())
    printed = squash_hyphenated("".join(body_texts(seed_guides / entry(seed_guides, slug)["path"])))
    # hyphens: auto breaks words with a hyphen the text does not have; drop it from both.
    printed = printed.replace("-", "")
    wanted = texts(data)
    assert len(wanted) > 150
    missing = [
        t for t in wanted if squash_hyphenated(plain_text(t)).replace("-", "") not in printed
    ]
    assert missing == []
    for tier in data["tiers"]:
        low, _, high = tier["experience"].partition("-")
        years = f"{low}–{high.split()[0]}years" if high else squash(tier["experience"])
        assert (squash(tier["title"]) + years).replace("-", "") in printed


@pytest.mark.parametrize("slug", SEED_ROLES)
def test_pages_bookmarks_and_page_x_of_y(seed_guides: Path, slug: str) -> None:
    item = entry(seed_guides, slug)
    reader = PdfReader(seed_guides / item["path"])
    pages = len(reader.pages)
    assert item["pages"] == pages
    assert 12 <= pages <= 30
    for number, (text, _) in enumerate(page_texts(seed_guides / item["path"])[2:], start=3):
        assert f"Page {number} of {pages}" in text
    role = Role.model_validate(
        {**yaml.safe_load((REPO / "content/roles" / f"{slug}.yaml").read_text()), "slug": slug}
    )
    sections = [s.title for s in guide_sections(role, catalogue("en"))]
    top = [o.title for o in reader.outline if not isinstance(o, list)]
    assert top == ["Contents", *sections]


@pytest.mark.parametrize("slug", SEED_ROLES)
def test_no_page_is_empty_or_near_empty(seed_guides: Path, slug: str) -> None:
    bodies = body_texts(seed_guides / entry(seed_guides, slug)["path"])
    # Running header and footer alone are about 80 characters; a real page has far more.
    # Cover and contents are sparse by design; from the at-a-glance page on, pages are full.
    short = [i + 1 for i in range(2, len(bodies) - 1) if len(bodies[i]) < 600]
    assert short == []
    # The last page may be short only when it holds the whole sources section.
    last = bodies[-1]
    assert "Sources and provenance" in last and "About this guide" in last


@pytest.mark.parametrize("slug", SEED_ROLES)
def test_metadata_language_and_fonts(seed_guides: Path, slug: str) -> None:
    path = seed_guides / entry(seed_guides, slug)["path"]
    title = yaml.safe_load((REPO / "content/roles" / f"{slug}.yaml").read_text())["title"]
    with pikepdf.open(path) as pdf:
        info = pdf.docinfo
        # The demo builds the national edition (regions: [US] in guidepress.yaml).
        assert str(info["/Title"]) == f"{title} · Career guide · U.S."
        assert str(info["/Author"]) == "guidepress Career Library"
        assert str(info["/Subject"]).startswith(f"A {title}")
        assert title in str(info["/Keywords"])
        assert str(pdf.Root.Lang) == "en"
        assert "/StructTreeRoot" in pdf.Root
        fonts = {
            str(font.BaseFont).split("+")[-1]
            for page in pdf.pages
            for font in page.Resources.Font.values()
        }
    assert any("GPBody" in f or "GP-Body" in f or "Body" in f for f in fonts), fonts
    assert any("Serif" in f for f in fonts), fonts


def test_same_inputs_give_identical_pdfs(seed_guides: Path, tmp_path: Path) -> None:
    slug = SEED_ROLES[0]
    build(REPO, BuildRequest(roles=(slug,), kinds=("guide",), out=tmp_path))
    first = entry(seed_guides, slug)
    assert (tmp_path / first["path"]).read_bytes() == (seed_guides / first["path"]).read_bytes()
