"""Regional editions read back from their PDFs: the area's BLS figures for the role's occupation
(compared with the source rows of the shipped extract), the benchmark, the citation on every
page that prints them, O*NET's credit line, and a comparison of two roles in one state."""

from __future__ import annotations

import shutil
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from guidepress.build.request import BuildRequest
from guidepress.i18n.labels import catalogue
from tests.helpers import (
    REPO,
    built_entries,
    demo_copy,
    dollars,
    figure_alts,
    manifest,
    oews_row,
    run,
    squash,
    text_of,
)
from tests.paper.guide_checks import citation_lists, pay_note_points_to_the_chart
from tests.paper.measure import MM, Line, read_pages, tiny_chars

pytestmark = pytest.mark.pdf

CITATION = "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025"
CREDIT = "This document includes information from the O*NET Database by USDOL/ETA"
SOC = {"strategic-account-manager": "41-4011", "customer-success-manager": "13-1199"}
ROLES = Path(__file__).parent / "roles"
AREAS = {"OH": ("39", "Ohio"), "18140": ("18140", "Columbus, OH")}


@pytest.fixture(scope="session")
def regional(
    tmp_path_factory: pytest.TempPathFactory, demo_store: Path
) -> tuple[Path, dict[str, dict[str, Any]]]:
    """Ohio: guides, sheets and the comparison of both seed roles; Columbus, OH (a metro area):
    the guide and sheet of the strategic account manager. Built once."""
    root = demo_copy(tmp_path_factory.mktemp("regional") / "demo")
    entries = built_entries(root, BuildRequest(regions=("OH",), jobs=2))
    entries |= built_entries(
        root,
        BuildRequest(
            roles=("strategic-account-manager",), kinds=("guide", "sheet"), regions=("18140",)
        ),
    )
    return root / "output", entries


def pdf(
    regional: tuple[Path, dict[str, dict[str, Any]]], kind: str, slug: str, region: str
) -> Path:
    out, entries = regional
    [entry] = [
        e
        for e in entries.values()
        if e["kind"] == kind and slug in e["roles"] and e["region"] == region
    ]
    assert entry["status"] == "built", entry
    return out / entry["path"]


CASES = [
    (kind, slug, region)
    for kind in ("guide", "sheet")
    for slug, region in (
        ("strategic-account-manager", "OH"),
        ("customer-success-manager", "OH"),
        ("strategic-account-manager", "18140"),
    )
]


@pytest.mark.parametrize(("kind", "slug", "region"), CASES)
def test_the_area_s_bls_figures_for_the_occupation(
    regional: tuple[Path, dict[str, dict[str, Any]]], kind: str, slug: str, region: str
) -> None:
    area, name = AREAS[region]
    row, everyone = oews_row(area, SOC[slug]), oews_row(area, "00-0000")
    text = squash(text_of(pdf(regional, kind, slug, region)))
    median, benchmark = dollars(row["A_MEDIAN"]), dollars(everyone["A_MEDIAN"])
    if kind == "sheet":  # the chart names the median and the benchmark; one line cites
        expected = [
            f"Median{median}",
            f"All occupations, {name}: {benchmark}",  # in the legend, below the axis
            f"Salary: {CITATION}.",
        ]
    else:
        expected = [
            f"MEDIAN PAY, {name.upper()}{median}",
            f"All occupations in {name}: median {benchmark}",
            f"Source: {CITATION}.",
        ]
    for wanted in expected:
        assert squash(wanted) in text, wanted
    for column in ("A_PCT10", "A_PCT25", "A_PCT75", "A_PCT90"):
        assert squash(dollars(row[column])) in text, column
    assert squash(f"Employment{int(row['TOT_EMP']):,}") in text
    assert squash(f"Location quotient{row['LOC_QUOTIENT']}") in text
    assert squash(f"{row['OCC_TITLE']} (SOC {SOC[slug]})") in text
    assert squash(f"{name} edition".upper()) in text


@pytest.mark.parametrize("region", ["OH", "18140"])
def test_every_guide_page_with_bls_figures_carries_the_citation(
    regional: tuple[Path, dict[str, dict[str, Any]]], region: str
) -> None:
    area, _ = AREAS[region]
    row = oews_row(area, "41-4011")
    pages = PdfReader(pdf(regional, "guide", "strategic-account-manager", region)).pages
    figures = [dollars(row[c]) for c in ("A_MEDIAN", "A_PCT10", "A_PCT90")]
    with_figures = [
        i for i, page in enumerate(pages) if any(f in page.extract_text() for f in figures)
    ]
    assert with_figures[:2] == [0, 2]  # the cover's key facts, the at-a-glance page
    for index in with_figures:
        assert squash(CITATION) in squash(pages[index].extract_text()), f"page {index + 1}"


def test_the_guide_keeps_the_advertised_range_and_credits_onet(
    regional: tuple[Path, dict[str, dict[str, Any]]],
) -> None:
    pages = PdfReader(pdf(regional, "guide", "customer-success-manager", "OH")).pages
    text = squash(" ".join(p.extract_text() for p in pages))
    assert squash("Advertised range on the source page: $60,000–$120,000 a year") in text
    onet = [i for i, p in enumerate(pages) if "O*NET-SOC 13-1199.00" in p.extract_text()]
    assert len(onet) == 1
    assert squash(CREDIT) in squash(pages[onet[0]].extract_text())


def test_the_chart_draws_the_distribution_and_the_benchmark(
    regional: tuple[Path, dict[str, dict[str, Any]]],
) -> None:
    row, everyone = oews_row("39", "41-4011"), oews_row("39", "00-0000")
    for kind in ("guide", "sheet"):
        alts = figure_alts(pdf(regional, kind, "strategic-account-manager", "OH"))
        [chart] = [alt for alt in alts if alt.startswith("Wage distribution")]
        # The guide's glance page prints the median's figure once, in its quick facts; its
        # chart marks the median (review 7), and the text alternative says what it marks.
        median = f" Median: {dollars(row['A_MEDIAN'])}."
        assert chart == (
            f"Wage distribution in Ohio: 10th percentile {dollars(row['A_PCT10'])}, 90th "
            f"percentile {dollars(row['A_PCT90'])}.{median} All "
            f"occupations, Ohio: {dollars(everyone['A_MEDIAN'])}."
        )


def test_sheets_stay_on_one_page(regional: tuple[Path, dict[str, dict[str, Any]]]) -> None:
    for slug, region in (("strategic-account-manager", "OH"), ("customer-success-manager", "OH")):
        assert len(PdfReader(pdf(regional, "sheet", slug, region)).pages) == 1


def test_a_comparison_of_two_roles_in_one_state(
    regional: tuple[Path, dict[str, dict[str, Any]]],
) -> None:
    path = pdf(regional, "compare", "strategic-account-manager", "OH")
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    text = squash(reader.pages[0].extract_text())
    # The chart's caption and legend: the area, what the bars are, the benchmark line.
    assert squash("Annual pay in US dollars, Ohio") in text
    assert squash("10th to 90th percentile") in text
    benchmark = dollars(oews_row("39", "00-0000")["A_MEDIAN"])
    assert squash(f"All occupations, Ohio: {benchmark}") in text
    for slug, soc in SOC.items():
        row = oews_row("39", soc)
        for column in ("A_MEDIAN", "A_PCT10", "A_PCT90"):
            assert squash(dollars(row[column])) in text, (slug, column)
        assert squash(f"{row['OCC_TITLE']} (SOC {soc})") in text, slug
    assert squash(CITATION) in text
    [chart] = [a for a in figure_alts(path) if a.startswith("Salary ranges")]
    assert dollars(oews_row("39", "13-1199")["A_PCT90"]) in chart


def test_the_demo_s_national_edition(seed_guides: Path) -> None:
    """`make guides` builds the U.S. edition offline from the shipped extract."""
    for slug, soc in SOC.items():
        row = oews_row("99", soc)
        text = squash(text_of(seed_guides / f"guides/{slug}.pdf"))
        assert squash(f"MEDIAN PAY, U.S.{dollars(row['A_MEDIAN'])}") in text
        assert squash(CITATION) in text
    assert (REPO / "data/oews_m2025_extract.csv").is_file()


def test_an_adhoc_comparison_in_a_metro_area(demo: Path) -> None:
    code, output = run(
        demo, "compare", "strategic-account-manager", "customer-success-manager",
        "--region", "18140",
    )  # fmt: skip
    path = "comparisons/strategic-account-manager-vs-customer-success-manager@18140.pdf"
    assert code == 0 and output.startswith(f"built  {path} (1 page, "), output
    [entry] = manifest(demo / "output")["outputs"]
    assert (entry["path"], entry["region"]) == (path, "18140")
    target = demo / "output" / path
    text = squash(text_of(target))
    assert squash("Annual pay in US dollars, Columbus, OH") in text
    assert squash("10th to 90th percentile") in text
    for soc in SOC.values():
        assert squash(dollars(oews_row("18140", soc)["A_MEDIAN"])) in text


def test_top_coded_and_hourly_only_figures_on_paper(demo: Path, tmp_path: Path) -> None:
    """BLS's ``#`` prints as the top code "or more"; an occupation BLS publishes hourly wages
    for only prints hourly figures, never a year's pay made up from them."""
    from guidepress.paydata import import_oews
    from tests.paydata.conftest import oews_row as bls_row
    from tests.paydata.conftest import write_oews

    annual = ("A_MEAN", "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90")
    rows = [
        bls_row(A_PCT75="#", A_PCT90="#", H_PCT75="#", H_PCT90="#"),  # Ohio, 41-4011
        bls_row(OCC_CODE="13-1199", OCC_TITLE="Business Operations Specialists, All Other",
                HOURLY="TRUE", **dict.fromkeys(annual, "*")),
        bls_row(OCC_CODE="00-0000", OCC_TITLE="All Occupations", A_MEDIAN="49380",
                H_MEDIAN="23.74"),
    ]  # fmt: skip
    import_oews([write_oews(tmp_path / "oews_m2025.csv", rows)], demo / "data/pay.sqlite")
    code, output = run(demo, "build", "--kind", "sheet", "--kind", "guide", "--region", "OH")
    assert code == 0, output
    for kind in ("sheets", "guides"):
        text = squash(text_of(demo / f"output/{kind}/strategic-account-manager@oh.pdf"))
        assert squash("75th percentile $239,200 or more") in text, kind
        hourly = squash(text_of(demo / f"output/{kind}/customer-success-manager@oh.pdf"))
        median = "Median $52.10" if kind == "sheets" else "MEDIAN PAY, OHIO $52.10"
        assert squash(median) in hourly, kind
        assert squash("Hourly") in hourly and squash("$108,368") not in hourly, kind  # x 2080
    guide = squash(text_of(demo / "output/guides/customer-success-manager@oh.pdf"))
    assert squash("Only hourly wages are published for this occupation") in guide


@pytest.fixture(scope="module")
def electrician(tmp_path_factory: pytest.TempPathFactory, demo_store: Path) -> dict[str, Path]:
    """A reviewer's electrician (review 4; SOC 47-2111) in the demo's U.S. edition: the
    student guide and the employer briefing, by audience. Built once."""
    root = demo_copy(tmp_path_factory.mktemp("electrician") / "demo")
    shutil.copy(ROLES / "electrician.yaml", root / "content" / "roles")
    request = BuildRequest(
        roles=("electrician",), kinds=("guide",), audiences=("student", "employer"), jobs=2
    )
    entries = built_entries(root, request)
    assert all(e["status"] == "built" for e in entries.values()), entries
    return {e["audience"]: root / "output" / e["path"] for e in entries.values()}


def paragraph_ending(path: Path, last: str) -> tuple[list[Line], float]:
    """The lines of the paragraph whose last line holds ``last`` (spaces aside), top to bottom,
    and the right edge of its column (the rightmost line of that size and left edge on the
    page): lines of one size and left edge, each at most two line heights above the next."""
    for page in read_pages(path):
        lines = page.lines()
        ends = [i for i, line in enumerate(lines) if squash(last) in squash(line.text)]
        if not ends:
            continue
        end = lines[ends[0]]
        same = [x for x in lines if abs(x.size - end.size) < 0.05 and abs(x.left - end.left) < 1]
        found = [end]
        for line in reversed(same[: same.index(end)]):
            if 0 < line.baseline - found[0].baseline <= 2 * end.size:
                found.insert(0, line)
            elif line.baseline - found[0].baseline > 2 * end.size:
                break
        return found, max(x.right for x in same)
    raise AssertionError(f"no line holds {last!r} in {path}")


def greedy_misses(lines: list[Line], edge: float) -> list[tuple[str, str]]:
    """Pairs of a line and the next whose first word would have fitted at the line's end
    (a word space of a third of an em, 0.5 pt to spare): a line broken too soon."""
    misses = []
    for line, after in pairwise(lines):
        word = []
        for char in after.chars:
            if char.text == " " and word:
                break
            if char.text != " ":
                word.append(char)
        width = word[-1].right - word[0].left
        if line.right + line.size / 3 + width < edge - 0.5:
            misses.append((line.text, after.text))
    return misses


@pytest.mark.parametrize("audience", ["student", "employer"])
def test_the_pay_note_s_citation_breaks_where_the_line_is_full(
    electrician: dict[str, Path], audience: str
) -> None:
    """Review 4: "Source: U.S. / Bureau / of Labor Statistics, ... May 2025. [3]": WeasyPrint,
    finding "[3]" too long for the line, broke the citation at its first space. Every line of
    the pay note is as full as its next line's first word lets it be; the last word of the
    citation ("May 2025.") keeps its reference number."""
    # [2] now: the Handbook, the outlook's source and a reference, is cited once.
    lines, edge = paragraph_ending(electrician[audience], "May 2025. [2]")
    assert len(lines) >= 2
    assert greedy_misses(lines, edge) == [], [line.text for line in lines]


PERCENTILES = (
    ("percentile_10", "A_PCT10"),
    ("percentile_25", "A_PCT25"),
    ("median", "A_MEDIAN"),
    ("percentile_75", "A_PCT75"),
    ("percentile_90", "A_PCT90"),
)


@pytest.mark.parametrize("audience", ["student", "employer"])
def test_each_percentile_is_printed_with_its_label(
    electrician: dict[str, Path], audience: str
) -> None:
    """Review 4: the employer briefing's pay table had one row, "Employment 757,220", and the
    25th and 75th percentiles were nowhere in it. Both editions print the five percentiles,
    each on the line of its label."""
    row = oews_row("99", "47-2111")
    labels = catalogue("en")
    rows: dict[tuple[int, float], list[str]] = {}  # the texts on each baseline of each page
    for page in read_pages(electrician[audience]):
        for line in page.lines():
            rows.setdefault((page.number, round(line.baseline)), []).append(squash(line.text))
    for key, column in PERCENTILES:
        pair = [squash(labels[key]), squash(dollars(row[column]))]
        assert any(texts == pair for texts in rows.values()), (key, audience)


def test_the_briefing_s_last_page_is_headed_by_its_own_title(electrician: dict[str, Path]) -> None:
    """Review 4: the page the briefing's "Recruit with us" block opens was headed "Sources", the
    section before it. Opening a page, the block heads it with its own title; running on after
    the sources, the page is theirs."""
    labels = catalogue("en")
    title, sources = squash(labels.contact_title_employer), squash(labels.sources)
    pages = read_pages(electrician["employer"])
    [page] = [p for p in pages if any(squash(line.text) == title for line in p.lines())]
    lines = page.lines()
    heads = [squash(x.text) for x in lines if x.baseline > page.height - 22 * MM]
    body = [squash(x.text) for x in lines if x.baseline <= page.height - 22 * MM]
    if body[0] == title:
        assert title in heads and sources not in heads, heads
    else:
        assert sources in body, body


@pytest.mark.parametrize("audience", ["student", "employer"])
def test_a_work_is_cited_once(electrician: dict[str, Path], audience: str) -> None:
    """Review 4: the Handbook was cited twice, as the outlook's source and as a reference. The
    Sources section and the at-a-glance page's list each cite it once, with its publisher and
    year, the citations numbered 1, 2, ..."""
    lists = citation_lists(electrician[audience], catalogue("en").sources)
    assert len(lists) == 2  # the at-a-glance page's short list and the Sources section's
    handbook = squash("1. U.S. Bureau of Labor Statistics (2025). Occupational Outlook Handbook,")
    for found in lists:
        assert [int(text.split(".")[0]) for text in found] == list(range(1, len(found) + 1))
        assert [squash(text).count("OutlookHandbook") for text in found].count(1) == 1, found
        assert sum(squash(text).count("OutlookHandbook") for text in found) == 1, found
        assert squash(found[0]).startswith(handbook), found


def test_the_pay_note_gives_the_chart_s_page(electrician: dict[str, Path]) -> None:
    """Review 5: the official table's note explained "the bar" and sent the reader to "the
    at-a-glance page": it gives the page's number, and the bar is explained under it."""
    path = electrician["student"]
    glance = PdfReader(path).pages[pay_note_points_to_the_chart(path, "en")]
    assert squash(catalogue("en").distribution_note) in squash(glance.extract_text())


@pytest.fixture(scope="module")
def therapist(tmp_path_factory: pytest.TempPathFactory, demo_store: Path) -> dict[str, Path]:
    """Review 5's physical therapist (SOC 29-1123), who names the registered nurse, a role of
    the same project, by its slug: the student guide and the employer briefing, by audience."""
    root = demo_copy(tmp_path_factory.mktemp("therapist") / "demo")
    for name in ("physical-therapist", "registered-nurse"):
        shutil.copy(ROLES / f"{name}.yaml", root / "content" / "roles")
    request = BuildRequest(
        roles=("physical-therapist",), kinds=("guide",), audiences=("student", "employer"), jobs=2
    )
    entries = built_entries(root, request)
    assert all(e["status"] == "built" for e in entries.values()), entries
    return {e["audience"]: root / "output" / e["path"] for e in entries.values()}


def test_the_back_cover_names_a_project_role_by_its_title(therapist: dict[str, Path]) -> None:
    """Review 5: "registered-nurse / Related role", and a step down the ladder offered as a
    role to look at next."""
    labels = catalogue("en")
    back = PdfReader(therapist["student"]).pages[-1].extract_text()
    assert labels.related_next in back
    assert "Registered Nurse" in back and "registered-nurse" not in back
    assert squash("Board-Certified Clinical Specialist") in squash(back)
    assert squash("Clinic Director or Rehabilitation Manager") in squash(back)
    assert "Aide" not in back


@pytest.mark.parametrize("role", ["electrician", "therapist"])
def test_the_employer_briefing_is_four_pages(role: str, request: pytest.FixtureRequest) -> None:
    """Review 5: the office's block opened a fifth page, 77 % empty. The official table sits in
    the side column beside its note, the sources run in two columns, the block follows them."""
    labels = catalogue("en")
    path = request.getfixturevalue(role)["employer"]
    pages = read_pages(path)
    assert len(pages) == 4
    last = [squash(line.text) for line in pages[-1].lines()]
    assert squash(labels.sources) in last and squash(labels.contact_title_employer) in last
    assert last.index(squash(labels.sources)) < last.index(squash(labels.contact_title_employer))


def test_the_therapist_s_pay_note_gives_the_chart_s_page(therapist: dict[str, Path]) -> None:
    for path in therapist.values():
        pay_note_points_to_the_chart(path, "en")


def test_the_therapist_s_guides_carry_no_microtext(therapist: dict[str, Path]) -> None:
    """Review 6: the hot chips' words for screen readers, "(in high demand)", printed at 0.75 pt.
    No character of any page, hidden or not, is below the 7 pt floor; the tinted chip's key
    says on paper what the words said."""
    labels = catalogue("en")
    for path in therapist.values():
        tiny = {n + 1: tiny_chars(path, 7.0, n) for n in range(len(read_pages(path)))}
        assert {n: found for n, found in tiny.items() if found} == {}, path
    pages = read_pages(therapist["student"])
    assert squash(labels.hot_chip_legend) in squash("".join(c.text for p in pages for c in p.chars))
    # A hot chip keeps its name on one line (hidden words after a space wrapped it, "Video /
    # gait analysis", in a chip sized as if they were there).
    lines = [squash(line.text) for page in pages for line in page.lines()]
    assert any("Videogaitanalysis" in line for line in lines)
