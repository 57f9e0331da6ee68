"""The catalogue site, made from a real build: a card per role linking to every built output,
nothing fetched from elsewhere, kept when nothing changed; and in headless Chromium (Debian's
``chromium``, driven by playwright) from file://: one card per role, every link leads to a file
of the output folder, the search box, filters and sorting work, from the keyboard too."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from guidepress.build.request import BuildRequest
from tests.helpers import (
    built_entries,
    compared_role,
    new_project,
    pinned_date,
    write,
)

pytestmark = pytest.mark.pdf

ROLES = {
    # title, median pay, growth, demand, remote
    "Data Analyst": (90000, 23, "Very High", True),
    "Pastry Chef": (45000, 5, "Moderate", False),
    "Nurse Practitioner": (120000, 40, "High", False),
}
TOOLS = {
    "Data Analyst": "Spreadsheets",
    "Pastry Chef": "Whisk",
    "Nurse Practitioner": "Stethoscope",
}
CONFIG = """
title: Careers at Northport
kinds: [guide, sheet, compare, catalogue]
audiences: [student, employer]
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """Three roles built as guides and sheets for two audiences, a comparison, the catalogue."""
    root = new_project(tmp_path_factory.mktemp("catalogue") / "proj")
    write(root, "guidepress.yaml", CONFIG)
    for title, (median, growth, demand, remote) in ROLES.items():
        data = compared_role(title, median)
        data.update(growth_rate=growth, market_demand=demand, remote_friendly=remote)
        data["tech_stack"] = [TOOLS[title]]
        write(root, f"content/roles/{title.lower().replace(' ', '-')}.yaml", yaml.safe_dump(data))
    write(
        root,
        "content/comparisons/care-or-code.yaml",
        "title: Care or code?\nroles: [nurse-practitioner, data-analyst]\n",
    )
    return root, built_entries(root, BuildRequest())


class _Page(HTMLParser):
    """The page's elements: every (tag, attributes), and the text of its headings."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(tag)


def _page(path: Path) -> tuple[str, _Page]:
    html = path.read_text(encoding="utf-8")
    parser = _Page()
    parser.feed(html)
    return html, parser


def test_a_card_per_role_with_a_link_to_each_of_its_outputs(
    site: tuple[Path, dict[str, Any]],
) -> None:
    root, entries = site
    out = root / "output"
    assert entries["index.html"]["status"] == "built"
    html, page = _page(out / "index.html")
    cards = [attrs for tag, attrs in page.tags if tag == "li" and attrs.get("class") == "card"]
    assert [card["data-title"] for card in cards] == [
        "data analyst", "nurse practitioner", "pastry chef",
    ]  # fmt: skip
    hrefs = [attrs["href"] for tag, attrs in page.tags if tag == "a" and attrs.get("href")]
    local = [href for href in hrefs if not href.startswith(("https://", "#"))]
    documents = sorted(path for path in entries if path != "index.html")
    assert sorted(set(local)) == documents  # every output linked, nothing else
    assert all((out / href).is_file() for href in local)
    assert local.count("comparisons/care-or-code.pdf") == 2  # on both roles' cards
    assert "Care or code?" in html


def test_nothing_is_fetched_from_elsewhere(site: tuple[Path, dict[str, Any]]) -> None:
    root, _ = site
    out = root / "output"
    html, page = _page(out / "index.html")
    sources = [attrs.get("src") or "" for tag, attrs in page.tags if tag in ("img", "script")]
    assert all(not re.match(r"[a-z]+:", s) or s.startswith("data:") for s in sources), sources
    assert not [attrs for tag, attrs in page.tags if tag == "link"]  # no stylesheet, no font
    assert "@import" not in html and not re.search(r"url\(['\"]?(?:https?:|//|file:)", html)
    fonts = re.findall(r'src: url\("([^"]+)"\)', html)
    assert fonts and all((out / font).is_file() for font in fonts)
    pictures = [attrs for tag, attrs in page.tags if tag == "img" and attrs.get("class") == "thumb"]
    assert len(pictures) == 3
    for picture in pictures:
        assert picture["alt"] and picture["alt"].startswith("First page of the ")
        assert (out / str(picture["src"])).read_bytes().startswith(b"\x89PNG")
    # Headings in order: the page, its sections, the roles, their downloads.
    assert page.headings[0] == "h1" and page.headings.count("h1") == 1
    assert {"h2", "h3", "h4"} <= set(page.headings)


def test_the_catalogue_is_kept_until_an_output_or_a_role_changes(
    site: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    built, _ = site
    root = tmp_path / "proj"
    shutil.copytree(built, root)
    thumbs = root / "output" / "index_files" / "thumbs"
    before = sorted(p.name for p in thumbs.iterdir())
    with pinned_date():
        again = built_entries(root, BuildRequest())
    assert {path: entry["status"] for path, entry in again.items()} == dict.fromkeys(
        again, "cached"
    )
    role = root / "content" / "roles" / "pastry-chef.yaml"
    role.write_text(role.read_text().replace("title: Pastry Chef", "title: Pastry Cook"))
    with pinned_date():
        changed = built_entries(root, BuildRequest(kinds=("guide", "catalogue")))
    assert changed["index.html"]["status"] == "built"
    assert "Pastry Cook" in (root / "output" / "index.html").read_text(encoding="utf-8")
    after = sorted(p.name for p in thumbs.iterdir())
    assert len(after) == 3 and len(set(after) - set(before)) == 1  # the old picture pruned


def test_a_regional_project_s_cards_give_the_official_median(demo: Path) -> None:
    from guidepress.build.catalogue import official_pay
    from guidepress.content.project import load_project

    project, _ = load_project(demo)
    official = official_pay(project)  # regions: [US]: the guides print BLS's national figures
    assert {slug: figures.median for slug, figures in official.items()} == {
        "customer-success-manager": 83050,
        "strategic-account-manager": 104920,
    }
    assert {figures.area_name for figures in official.values()} == {"U.S."}


# --- In the browser ------------------------------------------------------------------------


@pytest.fixture
def opened(site: tuple[Path, dict[str, Any]], browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """The catalogue open from file://; what went wrong loading it (failed requests, errors)."""
    root, _ = site
    context = browser.new_context()
    page = context.new_page()
    trouble: list[str] = []
    page.on("requestfailed", lambda request: trouble.append(f"failed: {request.url}"))
    page.on("pageerror", lambda error: trouble.append(f"error: {error}"))
    page.on(
        "request",
        lambda request: (
            trouble.append(f"fetched: {request.url}")
            if not request.url.startswith(("file://", "data:"))
            else None
        ),
    )
    try:
        page.goto((root / "output" / "index.html").as_uri())
        page.wait_for_load_state("load")
        yield page, trouble
    finally:
        context.close()


def _shown(page: Any) -> list[str]:
    cards = page.locator("#roles > li.card")
    return [
        cards.nth(i).locator("h3").inner_text()
        for i in range(cards.count())
        if cards.nth(i).is_visible()
    ]


def test_the_page_in_a_browser_shows_a_card_per_role(
    opened: tuple[Any, list[str]], site: tuple[Path, dict[str, Any]]
) -> None:
    page, trouble = opened
    root, _ = site
    assert _shown(page) == ["Data Analyst", "Nurse Practitioner", "Pastry Chef"]
    assert page.locator("#shown").inner_text() == "3 roles shown"
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    files = [href for href in hrefs if href.startswith("file://") and "#" not in href]
    assert files and all(Path(href.removeprefix("file://")).is_file() for href in files)
    assert all(Path(href.removeprefix("file://")).is_relative_to(root / "output") for href in files)
    images = page.eval_on_selector_all("img.thumb", "imgs => imgs.map(i => i.naturalWidth)")
    assert images == [320, 320, 320]  # every picture loaded
    fonts = page.evaluate("document.fonts.check('16px \"Catalogue Body\"')")
    assert fonts
    assert trouble == []


def test_typing_in_the_search_box_hides_the_cards_that_do_not_match(
    opened: tuple[Any, list[str]],
) -> None:
    page, trouble = opened
    page.fill("#search", "nurse")
    assert _shown(page) == ["Nurse Practitioner"]
    assert page.locator("#shown").inner_text() == "1 role shown"
    page.fill("#search", "whisk")  # a tool of the pastry chef's
    assert _shown(page) == ["Pastry Chef"]
    page.fill("#search", "no such role")
    assert _shown(page) == [] and page.locator("#none").is_visible()
    page.click("#clear")
    assert len(_shown(page)) == 3 and page.evaluate("document.activeElement.id") == "search"
    assert trouble == []


def test_filters_and_sorting(opened: tuple[Any, list[str]]) -> None:
    page, _ = opened
    page.select_option("#sort", "pay")
    assert _shown(page) == ["Nurse Practitioner", "Data Analyst", "Pastry Chef"]
    page.select_option("#sort", "growth")
    assert _shown(page) == ["Nurse Practitioner", "Data Analyst", "Pastry Chef"]
    page.select_option("#sort", "demand")
    assert _shown(page) == ["Data Analyst", "Nurse Practitioner", "Pastry Chef"]
    page.select_option("#demand", "2")  # High
    assert _shown(page) == ["Nurse Practitioner"]
    page.select_option("#demand", "")
    page.check("#remote")
    assert _shown(page) == ["Data Analyst"]
    page.uncheck("#remote")
    # The edition filter: only the employers' guides and sheets (comparisons stay).
    page.select_option("#edition", "employer")
    links = page.locator("#roles li:has(h3:text('Pastry Chef')) .links a")
    visible = [
        links.nth(i).get_attribute("href")
        for i in range(links.count())
        if links.nth(i).is_visible()
    ]
    assert visible == ["guides/pastry-chef.employer.pdf", "sheets/pastry-chef.employer.pdf"]


def test_the_keyboard_reaches_every_control(opened: tuple[Any, list[str]]) -> None:
    page, _ = opened
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    order = []
    for _ in range(6):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id"))
    assert order == ["search", "demand", "edition", "sort", "remote", ""]  # then the links
    assert page.evaluate("document.activeElement.tagName") == "A"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")  # the checkbox, by keyboard
    assert _shown(page) == ["Data Analyst"]
