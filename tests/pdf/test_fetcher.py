"""The allow-list fetcher: stylesheets and images reaching outside the project fail the output."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from guidepress.errors import RenderError
from guidepress.pdf.engine import render_pdf
from tests.helpers import LINK_LOCAL, SHORT_ROLE, run_err, write


@pytest.mark.weasyprint_warns  # WeasyPrint logs the refused resource
@pytest.mark.pdf
@pytest.mark.parametrize(
    ("css", "refused"),
    [
        ('@import url("{secret}");\n', "{secret}"),
        ("@import '{link_local}';\n", "{link_local}"),
        ("body {{ background: url('{secret}'); }}\n", "{secret}"),
        ("@font-face {{ font-family: X; src: url({link_local}); }}\n", "{link_local}"),
        ("body {{ background: url('../../secret.txt'); }}\n", "{secret}"),
    ],
)
def test_override_stylesheet_reaching_outside_fails_every_output(
    project: Path, secret: Path, css: str, refused: str
) -> None:
    write(project, "content/roles/a.yaml", SHORT_ROLE)
    write(project, "content/roles/b.yaml", SHORT_ROLE)
    names = {"secret": secret.as_uri(), "link_local": LINK_LOCAL}
    write(project, "styles/guide.css", css.format(**names))
    # One process: the stylesheet is parsed once and reused; the second output must fail too.
    code, err = run_err(project, "build", "--jobs", "1")
    url = refused.format(**names)
    in_sheet = "" if "background" in css else " in styles/guide.css"
    reason = "outside the project's content, theme and brand folders"
    assert (code, err) == (
        1,
        f"guides/a.pdf: blocked resource: {url}{in_sheet} ({reason})\n"
        f"guides/b.pdf: blocked resource: {url}{in_sheet} ({reason})\n",
    )
    assert not (project / "output" / "guides").exists()


@pytest.mark.weasyprint_warns  # WeasyPrint logs the refused image
@pytest.mark.pdf
def test_svg_inside_a_data_url_cannot_fetch_while_drawing(tmp_path: Path, secret: Path) -> None:
    # A logo is inlined as a data: URL; an <image> inside it is fetched when the page is drawn,
    # through the same allow-list, and the refusal fails the output.
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        f'<image href="{secret.as_uri()}" width="10" height="10"/></svg>'
    )
    src = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    html = f'<html><body><img src="{src}" alt="logo"></body></html>'
    with pytest.raises(RenderError) as info:
        render_pdf(html, [], allowed=[tmp_path / "content"], identifier="x")
    assert str(info.value) == (
        f"blocked resource: {secret.as_uri()} "
        "(outside the project's content, theme and brand folders)"
    )
