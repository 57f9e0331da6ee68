"""Every kind's stylesheets as WeasyPrint reads them: nothing ignored and no resource missing,
under every example brand. WeasyPrint drops a declaration it cannot parse and says so only in
its log."""

from __future__ import annotations

from datetime import date

import pytest

from guidepress.build.outputs import Output
from guidepress.build.rendering import subject_of
from guidepress.content.project import load_project
from guidepress.pdf.engine import layout
from guidepress.render.context import Options
from guidepress.render.kinds import KINDS
from guidepress.theme.lookup import Theme
from tests.helpers import REPO

pytestmark = pytest.mark.pdf


#: Kinds laid out whole from one role or comparison. A booklet is laid out piece by piece with
#: the guide's stylesheets and its own (tests/paper/test_booklet.py, under the conftest guard
#: that fails a test on any WeasyPrint warning); the catalogue is a web page, not laid out.
WHOLE = [name for name, kind in KINDS.items() if kind.subject in ("role", "comparison")]


@pytest.mark.parametrize("kind", WHOLE)
@pytest.mark.parametrize("brand", ["default", "northfield", "brightpath"])
def test_no_declaration_is_ignored(kind: str, brand: str) -> None:
    project, problems = load_project(REPO)
    assert problems == []
    theme = Theme(REPO)
    roles = tuple(project.comparisons["account-vs-success"].roles)
    subject = "account-vs-success" if kind == "compare" else roles[0]
    output = Output(
        kind, subject, roles if kind == "compare" else roles[:1], "x.pdf",
        brand=brand, locale="de", paper="letter", format="pdf",
    )  # fmt: skip
    rendered = output.record.render(
        subject_of(project, output),
        project.brand(brand),
        theme,
        Options("de", "letter", date(2026, 11, 21), config=project.config, level=2, scale=0.95),
    )
    # The stylesheets are parsed once per process; their warnings come with every layout.
    laid = layout(rendered.html, rendered.stylesheets, allowed=[REPO / "content"])
    assert laid.warnings == []
    assert laid.messages == []
