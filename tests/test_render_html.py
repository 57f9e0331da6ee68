"""Golden HTML: the guide's whole HTML compared with tests/golden (``--update-golden`` rewrites)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.conftest import REPO, SEED_ROLES
from tests.helpers import render_html

from guidepress.content.project import load_project
from guidepress.theme.filters import css_counters, css_string
from guidepress.theme.lookup import Theme

GOLDEN = Path(__file__).parent / "golden"


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
    from tests.conftest import write

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


def test_css_helpers_quote_for_css() -> None:
    assert css_string('Say "hi"') == '"Say \\22 hi\\22 "'
    assert css_counters("Page {page} of {pages}") == '"Page " counter(page) " of " counter(pages)'
