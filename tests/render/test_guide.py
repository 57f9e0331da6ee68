"""The guide's HTML: compared whole with tests/golden (``--update-golden`` rewrites), semantic
and escaped, bleed for print marks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from guidepress.content.models import Role
from guidepress.content.project import load_project
from guidepress.theme.lookup import Theme, builtin_dir
from tests.helpers import REPO, SEED_ROLES, render_html, write

GOLDEN = Path(__file__).parents[1] / "golden"


@pytest.mark.parametrize("slug", SEED_ROLES)
def test_guide_html_matches_golden(slug: str, update_golden: bool) -> None:
    project, problems = load_project(REPO, only=[slug])
    assert problems == []
    rendered = render_html(
        "guide",
        project.roles[slug],
        project.brand("default"),
        Theme(REPO),
        locale="en",
        paper="a4",
        edition=date(2026, 11, 21),
    )
    golden = GOLDEN / f"{slug}.guide.html"
    if update_golden:
        golden.write_text(rendered.html, encoding="utf-8")
    assert rendered.html == golden.read_text(encoding="utf-8")
    assert [p.name for p in rendered.stylesheets] == ["base.css", "guide.css"]


def test_html_is_semantic_and_escaped(project: Path) -> None:
    write(
        project,
        "content/roles/x.yaml",
        """
        title: "Tester <script>alert(1)</script>"
        summary: "Checks *things* <b>raw</b> [link](javascript:alert(1)) [ok](https://example.org)"
        """,
    )
    loaded, problems = load_project(project)
    assert problems == []
    html = render_html(
        "guide",
        loaded.roles["x"],
        loaded.brand("default"),
        Theme(project),
        locale="en",
        paper="a4",
        edition=date(2026, 1, 1),
    ).html
    assert '<html lang="en">' in html
    assert "<title>Tester &lt;script&gt;alert(1)&lt;/script&gt; · Career guide</title>" in html
    assert "<script>" not in html and "<b>raw</b>" not in html
    assert "<em>things</em>" in html
    assert 'href="javascript' not in html and '<a href="https://example.org">ok</a>' in html
    assert html.count("<img ") == html.count(' alt="')


def test_cover_band_runs_into_the_bleed() -> None:
    html = render_html(
        "guide",
        Role(title="T", summary="S", slug="t"),
        load_project(REPO)[0].brand("default"),
        Theme(None),
        locale="en",
        paper="a4",
        edition=date(2026, 1, 1),
        print_marks=True,
    ).html
    assert "bleed: 8.0mm; marks: crop;" in html
    assert "--gp-bleed: 3.0mm;" in html
    assert 'class="guide guide-short logo-left print-marks"' in html
    css = (builtin_dir() / "styles/guide.css").read_text()
    assert ".print-marks .cover-band { left: calc(-1 * var(--gp-bleed))" in css
