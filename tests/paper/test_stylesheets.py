"""The one-page kinds' stylesheets (base, one-page, sheet, compare) as WeasyPrint reads them:
nothing ignored, under every example brand. WeasyPrint drops a declaration it cannot parse and
says so only in its log. (The guide's own guide.css belongs to the guide's redesign.)"""

from __future__ import annotations

import logging
from datetime import date

import pytest

from guidepress.build.outputs import Output
from guidepress.build.produce import subject_of
from guidepress.content.project import load_project
from guidepress.pdf.engine import layout
from guidepress.render.context import Options
from guidepress.theme.lookup import Theme
from tests.helpers import REPO

pytestmark = pytest.mark.pdf


@pytest.mark.parametrize("kind", ["sheet", "compare"])
@pytest.mark.parametrize("brand", ["default", "northfield", "brightpath"])
def test_no_declaration_is_ignored(kind: str, brand: str, caplog: pytest.LogCaptureFixture) -> None:
    project, problems = load_project(REPO)
    assert problems == []
    theme = Theme(REPO)
    roles = tuple(project.comparisons["account-vs-success"].roles)
    subject = "account-vs-success" if kind == "compare" else roles[0]
    output = Output(kind, subject, roles if kind == "compare" else roles[:1], brand, "de",
                    "letter", "pdf", "x.pdf")  # fmt: skip
    rendered = output.record.render(
        subject_of(project, output),
        project.brand(brand),
        theme,
        Options("de", "letter", date(2026, 11, 21), config=project.config, level=2, scale=0.95),
    )
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        layout(rendered.html, rendered.stylesheets, allowed=[REPO / "content"])
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []
