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
