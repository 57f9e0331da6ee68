"""The guide's HTML: compared whole with tests/golden (``--update-golden`` rewrites), semantic
and escaped, bleed for print marks."""

from __future__ import annotations

import re
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


def test_a_role_without_a_source_page_cites_what_its_figures_come_from() -> None:
    """Growth cites the outlook's sources themselves, the rest the editors' profile; a role
    with a named page cites it by name; one known only by address keeps the catalogue's words."""
    from guidepress.i18n.labels import catalogue
    from guidepress.render.figures import growth_source, source_labels
    from guidepress.render.pay import Growth

    labels = catalogue("en")
    role = Role.model_validate({"title": "Nurse", "summary": "Cares for patients."})
    cited = source_labels(labels, role)
    assert cited.source_page == labels.source_profile
    growth = Growth(rate=5, sources=("BLS Occupational Outlook Handbook",))
    assert growth_source(growth, cited) == "BLS Occupational Outlook Handbook"
    assert growth_source(Growth(rate=5), cited) == labels.source_profile
    named = role.model_copy(update={"provenance": role.provenance.model_copy(
        update={"publisher": "Jobicy", "title": "Nurse Career Guide"})})  # fmt: skip
    assert source_labels(labels, named).source_page == "Jobicy, Nurse Career Guide"
    addressed = role.model_copy(update={"provenance": role.provenance.model_copy(
        update={"url": "https://example.org/nurse"})})  # fmt: skip
    assert source_labels(labels, addressed).source_page == labels.source_page


@pytest.mark.parametrize(
    ("experience", "expected"),
    [("0-1 years", "none: an entry-level role"), ("1-5 years", "from about 1 year"),
     ("5-10 years", "from about 5 years"), ("8+ years", "from about 8 years"),
     ("Several years", "Several years")],
)  # fmt: skip
def test_the_experience_to_reach_a_tier_is_its_lower_bound(experience: str, expected: str) -> None:
    from guidepress.content.models.role import Tier
    from guidepress.i18n.labels import catalogue
    from guidepress.render.guide import reach_text

    tier = Tier.model_validate({"title": "Nurse", "experience": experience})
    assert reach_text(tier, catalogue("en")) == expected


def _guide_html(**fields: object) -> str:
    role = Role.model_validate({"title": "Chef", "summary": "Cooks.", "slug": "chef", **fields})
    brand = load_project(REPO)[0].brand("default")
    options = {"locale": "en", "paper": "a4", "edition": date(2026, 1, 1)}
    return render_html("guide", role, brand, Theme(None), **options).html


@pytest.mark.parametrize(
    ("pros", "cons", "held"),
    [
        # Up to ten rows: every row stays with the one above it (the block is whole, as a
        # list of up to ten items is: issue 14).
        (4, 2, [False, True, True, True]),
        (5, 5, [False, True, True, True, True]),
        (10, 7, [False] + [True] * 9),
        # Longer: three rows, then rows that may part, then the last three together.
        (11, 5, [False, True, True, False, False, False, False, False, False, True, True]),
        (6, 12, [False, True, True] + [False] * 7 + [True, True]),
    ],
)
def test_pros_and_cons_part_only_after_three_rows_and_before_the_last_three(
    pros: int, cons: int, held: list[bool]
) -> None:
    html = _guide_html(
        pros=[f"Up {n}" for n in range(pros)], cons=[f"Down {n}" for n in range(cons)]
    )
    start = html.index('<table class="pros-cons')
    table = html[start : html.index("</table>", start)]
    rows = table.split("<tbody>", 1)[1].split("<tr")[1:]
    assert [row.startswith(' class="pc-hold"') for row in rows] == held
    # A pro beside each con, an empty cell where one column is shorter, its heading once.
    assert all(
        row.count('<td class="pc pc-pros">') == row.count('<td class="pc pc-cons">') == 1
        for row in rows
    )
    assert rows[-1].count('<p class="pc-item">') == (2 if pros == cons else 1)
    assert table.count('<th scope="col"') == 2


def test_a_short_list_is_two_lists_read_down_then_across() -> None:
    skills = [f"Skill {n}" for n in range(9)]
    html = _guide_html(tech_skills=skills)
    start = html.index('<div class="list-cols keep">')
    block = html[start : html.index("</div>", start)]
    # Their words, without the tags around an item's last word (theme/filters.py::md_end).
    first, second = (re.sub(r"<[^>]+>", "", c) for c in block.split('<ul class="list-col">')[1:])
    assert [f"Skill {n}" in first for n in range(9)] == [True] * 5 + [False] * 4
    assert [f"Skill {n}" in second for n in range(9)] == [False] * 5 + [True] * 4
