"""The engine: missing resources and file attachments fail the output."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import SHORT_ROLE, run_err, write


@pytest.mark.weasyprint_warns  # WeasyPrint logs the missing image
@pytest.mark.pdf
def test_missing_resource_fails_the_output(project: Path) -> None:
    write(project, "content/roles/a.yaml", SHORT_ROLE)
    write(project, "styles/guide.css", "body { background: url('../content/nope.png'); }\n")
    code, err = run_err(project, "build")
    missing = (project / "content" / "nope.png").as_uri()
    assert (code, err) == (1, f"guides/a.pdf: missing resource: {missing} (no such file)\n")


@pytest.mark.pdf
@pytest.mark.parametrize(
    ("block", "html", "shown"),
    [
        ("head", '<link rel="attachment" href="{uri}">', "<link rel=attachment>"),
        ("body", '<a rel="attachment" href="{uri}">notes</a>', "<a rel=attachment href={uri}>"),
    ],
)
def test_template_attachments_are_refused(project: Path, block: str, html: str, shown: str) -> None:
    # An override template is code the project chose; even so nothing is embedded in a PDF.
    write(project, "content/roles/a.yaml", SHORT_ROLE)
    uri = (project / "content" / "roles" / "a.yaml").as_uri()  # inside the allowed folders
    write(
        project,
        "templates/guide.html.j2",
        f'{{% extends "theme:guide.html.j2" %}}{{% block {block} %}}{{{{ super() }}}}'
        f"{html.format(uri=uri)}{{% endblock %}}",
    )
    code, err = run_err(project, "build")
    assert (code, err) == (
        1,
        f"guides/a.pdf: file attachments are not allowed ({shown.format(uri=uri)})\n",
    )


@pytest.mark.pdf
@pytest.mark.weasyprint_warns  # it provokes ignored CSS
def test_ignored_css_is_reported_by_every_layout_of_a_stylesheet(tmp_path: Path) -> None:
    from guidepress.pdf.engine import layout

    sheet = tmp_path / "style.css"
    sheet.write_text("p { clip: rect(0 0 0 0); color: red; }\n")
    html = "<p style='filter: blur(1px)'>x</p>"
    # The stylesheet is parsed once; its warning must come with the second layout too.
    first, second = (layout(html, [sheet], allowed=[tmp_path]) for _ in range(2))
    expected = [
        "tmp/style.css: Ignored `clip: rect(0 0 0 0)` at 1:5, invalid value.",
        "Ignored `filter: blur(1px)` at 1:1, unknown property.",
    ]
    assert first.warnings == second.warnings
    assert [w.replace(tmp_path.name, "tmp") for w in first.warnings] == expected
