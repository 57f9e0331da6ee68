"""Rendering a theme template: errors located in the template."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidepress.errors import TemplateProblem
from tests.helpers import project_guide_html, write


def test_template_syntax_error_is_located(project: Path) -> None:
    write(project, "content/roles/a.yaml", "title: A\nsummary: s\n")
    write(project, "templates/guide.html.j2", "line one\n{% if %}\n")
    with pytest.raises(TemplateProblem) as info:
        project_guide_html(project)
    assert (
        str(info.value)
        == "templates/guide.html.j2:2: Expected an expression, got 'end of statement block'"
    )
