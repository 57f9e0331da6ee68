"""HTML output: self-contained, the brand kept, what its stylesheets reach confined, and the
same pages as the PDF with plain WeasyPrint."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
import weasyprint
from pypdf import PdfReader

from guidepress.build.request import BuildRequest
from tests.helpers import (
    REPO,
    SHORT_ROLE,
    SMALL_ROLE,
    add_role,
    brand_project,
    built_entries,
    run,
    run_build,
    run_err,
    write,
)

# A guide's HTML is laid out once too: what its paginator adds is part of its pages.
pytestmark = pytest.mark.pdf


@pytest.mark.parametrize("slug", ["baker", "strategic-account-manager"])
def test_html_output_prints_the_same_pages_with_plain_weasyprint(project: Path, slug: str) -> None:
    if slug == "baker":
        add_role(project, slug)
    else:  # a seed guide the paginator edits
        shutil.copy(REPO / f"content/roles/{slug}.yaml", project / "content/roles")
    code, output = run_build(project, "--format", "html", "--format", "pdf")
    assert code == 0, output
    guides = project / "output" / "guides"
    plain = weasyprint.HTML(filename=guides / f"{slug}.html").write_pdf()
    ours, theirs = PdfReader(guides / f"{slug}.pdf"), PdfReader(io.BytesIO(plain))
    assert len(ours.pages) == len(theirs.pages) >= 3
    for mine, other in zip(ours.pages, theirs.pages, strict=True):
        assert mine.extract_text() == other.extract_text()
    if slug != "baker":  # the paginator's edits are in the HTML: the ladder's tiers going on
        # from their ladder (pulled up rather than leave a gap), a part running on below the one
        # before it, a diagram set below its section's text
        html = (guides / f"{slug}.html").read_text()
        body = html[html.index("<body") : html.index("</main>")]
        assert 'data-gp-keep="split"' in body
        assert 'data-gp-run-on=""' in body
        assert "data-gp-deferred" in body


def test_html_format_is_self_contained(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    code, output = run(project, "build", "--format", "html")
    assert code == 0, output
    html = (project / "output" / "guides" / "pastry-chef.html").read_text()
    assert '<html lang="en">' in html and "<style>" in html
    assert 'url("assets/Inter-Regular.otf")' in html
    assert (project / "output" / "guides" / "assets" / "Inter-Regular.otf").is_file()


def test_html_output_keeps_the_brand_and_carries_its_fonts(tmp_path: Path) -> None:
    root = brand_project(tmp_path / "p", "brands: [brightpath]\n")
    built_entries(root, BuildRequest(formats=("html",)))
    page = root / "output/guides/harbour-pilot.html"
    html = page.read_text(encoding="utf-8")
    assert "file://" not in html
    assert (page.parent / "assets/LeagueSpartan-Bold.otf").is_file()
    # The brand's tokens follow the theme's defaults, so they win in a browser too.
    assert html.index("--gp-primary: #0b4f6c;") < html.index("--gp-primary: #4a1fc7;")


@pytest.mark.weasyprint_warns  # WeasyPrint logs the refused resource
def test_override_stylesheet_reaching_outside_fails_html_output(
    project: Path, secret: Path
) -> None:
    write(project, "content/roles/a.yaml", SHORT_ROLE)
    write(project, "styles/guide.css", "body { background: url('../../secret.txt'); }\n")
    code, err = run_err(project, "build", "--format", "html")
    assert (code, err) == (
        1,
        "guides/a.html: blocked resource: ../../secret.txt in styles/guide.css "
        "(outside the stylesheet's folder)\n",
    )
    assert list((project / "output").rglob("secret.txt")) == []
