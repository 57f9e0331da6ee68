"""Every kind's HTML: headings start at h1 and skip no level."""

from __future__ import annotations

import itertools
from datetime import date
from html.parser import HTMLParser

import pytest

from guidepress.content.project import load_project
from guidepress.theme.lookup import Theme
from tests.helpers import REPO, SEED_ROLES, render_html

KINDS = ("guide", "sheet", "compare")


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.levels: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.levels.append(int(tag[1]))


def heading_levels(html: str) -> list[int]:
    parser = _Headings()
    parser.feed(html)
    return parser.levels


@pytest.mark.parametrize("kind", KINDS)
def test_headings_start_at_h1_and_skip_no_level(kind: str) -> None:
    project, _ = load_project(REPO)
    theme = Theme(REPO)
    brand = project.brand("default")
    options = {"locale": "en", "paper": "a4", "edition": date(2026, 11, 21)}
    if kind == "compare":
        roles = [project.roles[slug] for slug in SEED_ROLES]
        pages = [render_html(kind, roles, brand, theme, **options).html]
    else:
        pages = [
            render_html(kind, project.roles[slug], brand, theme, **options).html
            for slug in SEED_ROLES
        ]
    for html in pages:
        levels = heading_levels(html)
        assert levels[0] == 1 and levels.count(1) == 1
        jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert jumps == []
