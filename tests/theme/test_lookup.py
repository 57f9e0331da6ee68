"""The theme: built-in files found, a project's templates and stylesheets shadow them."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from guidepress.build.request import BuildRequest
from guidepress.theme.lookup import Theme, builtin_dir
from tests.helpers import brand_project, built_entries, fill_colors, project_guide_html, write


def test_builtin_theme_is_found() -> None:
    assert (builtin_dir() / "templates" / "guide.html.j2").is_file()
    assert (builtin_dir() / "styles" / "guide.css").is_file()


def test_project_template_overrides_and_extends_the_builtin(project: Path) -> None:
    write(project, "content/roles/a.yaml", "title: A\nsummary: s\n")
    write(
        project,
        "templates/guide.html.j2",
        '{% extends "theme:guide.html.j2" %}{% block body_class %}custom-guide{% endblock %}',
    )
    assert '<body class="custom-guide logo-left">' in project_guide_html(project)


def test_project_stylesheet_shadows_the_builtin(project: Path) -> None:
    write(project, "styles/guide.css", "h2 { color: red; }\n")
    assert Theme(project).style("guide.css") == project / "styles" / "guide.css"
    assert Theme(project).style("base.css") == builtin_dir() / "styles" / "base.css"


@pytest.mark.pdf
def test_override_template_and_stylesheet_change_the_pdf(tmp_path: Path) -> None:
    root = brand_project(tmp_path / "p", "kinds: [sheet]\nbrands: [mark]\n")
    write(
        root,
        "templates/sheet.html.j2",
        '{% extends "theme:sheet.html.j2" %}{% block title %}Custom {{ role.title }}{% endblock %}',
    )
    sheet_css = (builtin_dir() / "styles/sheet.css").read_text()
    write(root, "styles/sheet.css", sheet_css + "\n.standfirst { color: #2b6a99; }\n")
    built_entries(root, BuildRequest())
    path = root / "output/sheets/harbour-pilot.pdf"
    assert PdfReader(path).metadata.title == "Custom Harbour Pilot"
    assert "#2b6a99" in fill_colors(path)
