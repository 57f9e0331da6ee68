from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.conftest import write
from tests.helpers import render_html

from guidepress.content.project import load_project
from guidepress.errors import TemplateProblem
from guidepress.theme.lookup import Theme, builtin_dir


def test_builtin_theme_is_found() -> None:
    assert (builtin_dir() / "templates" / "guide.html.j2").is_file()
    assert (builtin_dir() / "styles" / "guide.css").is_file()


def _render(root: Path) -> str:
    project, problems = load_project(root)
    assert problems == []
    role = next(iter(project.roles.values()))
    return render_html(
        "guide",
        role,
        project.brand("default"),
        Theme(root),
        locale="en",
        paper="a4",
        edition=date(2026, 1, 1),
    ).html


def test_project_template_overrides_and_extends_the_builtin(project: Path) -> None:
    write(project, "content/roles/a.yaml", "title: A\nsummary: s\n")
    write(
        project,
        "templates/guide.html.j2",
        '{% extends "theme:guide.html.j2" %}{% block body_class %}custom-guide{% endblock %}',
    )
    assert '<body class="custom-guide logo-left">' in _render(project)


def test_project_stylesheet_shadows_the_builtin(project: Path) -> None:
    write(project, "styles/guide.css", "h2 { color: red; }\n")
    assert Theme(project).style("guide.css") == project / "styles" / "guide.css"
    assert Theme(project).style("base.css") == builtin_dir() / "styles" / "base.css"


def test_template_syntax_error_is_located(project: Path) -> None:
    write(project, "content/roles/a.yaml", "title: A\nsummary: s\n")
    write(project, "templates/guide.html.j2", "line one\n{% if %}\n")
    with pytest.raises(TemplateProblem) as info:
        _render(project)
    assert (
        str(info.value)
        == "templates/guide.html.j2:2: Expected an expression, got 'end of statement block'"
    )
