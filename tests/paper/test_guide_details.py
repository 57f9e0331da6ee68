"""The second design review's guide findings, read back from built PDFs: a short ladder bar's
years printed whole and the axis numbers on their ticks, the role's English words hyphenated as
English in a German edition, the contents' numbers on their titles' baseline and the back
cover's steps listed, each figure once on the glance page, the employer's briefing, and
capitals that text extraction reads as words."""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pyphen
import pytest
from pypdf import PdfReader

from guidepress.build.request import BuildRequest
from guidepress.content.contrast import contrast_ratio
from guidepress.i18n.labels import catalogue
from tests.helpers import REPO, built_entries, squash, write
from tests.paper.guide_checks import pay_note_points_to_the_chart
from tests.paper.measure import Char, read_pages

pytestmark = pytest.mark.pdf

SAM = "strategic-account-manager"
#: Its summary and ladder have words German rules break where English does not ("foste-ring").
CSM = "customer-success-manager"
#: A reviewer's role whose ladder runs to 20 years: its first bar (0-2 years) is 10 % of it.
BI = "business-intelligence-data-analyst"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """SAM in English and German, CSM in German, the reviewer's BI analyst under two brands,
    SAM's and BI's employer briefings; one folder."""
    root = tmp_path_factory.mktemp("details") / "proj"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(Path(__file__).parent / "roles" / f"{BI}.yaml", root / "content/roles")
    write(root, "guidepress.yaml", "title: Details\n")
    out = root / "out"
    for request in (
        BuildRequest(roles=(SAM,), kinds=("guide",), locales=("en", "de"), out=out, jobs=1),
        BuildRequest(roles=(CSM,), kinds=("guide",), locales=("de",), out=out, jobs=1),
        BuildRequest(
            roles=(BI,), kinds=("guide",), brands=("default", "northfield"), out=out, jobs=1
        ),
        BuildRequest(roles=(SAM, BI), kinds=("guide",), audiences=("employer",), out=out, jobs=1),
    ):
        entries = built_entries(root, request)
        assert all(e["status"] == "built" for e in entries.values()), entries
    return out / "guides"


def page_with(path: Path, words: str) -> int:
    """The 0-based number of the first page whose text holds ``words``."""
    for number, page in enumerate(PdfReader(path).pages):
        if squash(words) in squash(page.extract_text()):
            return number
    raise AssertionError(f"{words!r} is on no page of {path.name}")


# --- (a) the ladder --------------------------------------------------------------------------


def _ladder_page(path: Path) -> int:
    """The 0-based number of the page that draws the ladder's chart, by its axis unit: below
    its heading, or, set aside by the paginator, after the tiers or the next section's text
    (the heading and the first tiers then end the page before)."""
    for page in read_pages(path):
        if "Yearsofexperience" in "".join(c.text for c in page.chars).replace(" ", ""):
            return page.number - 1
    raise AssertionError("no ladder chart")


@pytest.mark.parametrize("brand", ["default", "northfield"])
def test_a_short_ladder_bar_prints_its_years_whole(built: Path, brand: str) -> None:
    """White years inside a bar must have the bar behind every letter; years that do not fit are
    set beside the bar in a dark colour (the reviewer read "0–2 yea": the rest was white on
    white)."""
    path = built / ("" if brand == "default" else brand) / f"{BI}.pdf"
    number = _ladder_page(path)
    pdf = pdfium.PdfDocument(str(path))
    try:
        image = pdf[number].render(scale=4).to_pil().convert("RGB")
        height = pdf[number].get_size()[1]
    finally:
        pdf.close()
    checked = 0
    for label in ("0–2 years", "2–5 years", "5–8 years", "8+ years", "12+ years"):
        found = [c for c in read_pages(path)[number].chars if c.text != " "]
        # The chart's and the tiers' in words, in whichever order the page draws them (the
        # tiers' are dark, skipped below).
        every = _find_all(found, label)
        assert every, label
        for char in (c for letters in every for c in letters):
            if sum(char.color) < 600:
                continue  # dark years beside their bar
            # Just above the letter's ink, inside the 5.2 mm bar: the bar's colour, not paper.
            x, y = (char.left + char.right) / 2, char.top + 1.2
            pixel = image.getpixel((round(x * 4), round((height - y) * 4)))
            assert sum(pixel) < 600, (label, char.text, pixel)
            checked += 1
    assert checked > 10


def _find_all(chars: list[Char], label: str) -> list[list[Char]]:
    """The characters of every occurrence of ``label`` (spaces aside)."""
    wanted = label.replace(" ", "")
    joined = "".join(c.text for c in chars)
    starts = [m.start() for m in re.finditer(re.escape(wanted), joined)]
    return [chars[at : at + len(wanted)] for at in starts]


def _find(chars: list[Char], label: str, last: bool = True) -> list[Char]:
    """The characters of the last (or first) occurrence of ``label`` (spaces aside)."""
    wanted = label.replace(" ", "")
    joined = "".join(c.text for c in chars)
    at = joined.rfind(wanted) if last else joined.find(wanted)
    return chars[at : at + len(wanted)] if at >= 0 else []


def test_the_ladder_axis_numbers_sit_on_their_ticks(built: Path) -> None:
    """Each axis number is centred on its year: 0 under the first bar's start, 20 under the
    open-ended bars' end (they run to the end of the axis); the unit is said once."""
    path = built / f"{BI}.pdf"
    number = _ladder_page(path)
    pdf = pdfium.PdfDocument(str(path))
    try:
        boxes = []
        for shape in pdf[number].get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_PATH], max_depth=8):
            left, bottom, right, top = shape.get_bounds()
            if 13.5 < top - bottom < 16 and right - left > 20:  # a 5.2 mm bar
                boxes.append((left, bottom, right))
    finally:
        pdf.close()
    start, end = min(b[0] for b in boxes), max(b[2] for b in boxes)
    page = read_pages(path)[number]
    low = min(b[1] for b in boxes)  # the lowest bar's foot: the axis is just below it
    digits = sorted(
        (c for c in page.chars if c.text.isdigit() and low - 20 < c.top < low),
        key=lambda c: c.left,
    )
    assert "".join(c.text for c in digits) == "05101520"
    zero, twenty = digits[0], digits[-2:]
    assert abs((zero.left + zero.right) / 2 - start) < 1.0, (zero, start)
    assert abs((twenty[0].left + twenty[1].right) / 2 - end) < 1.0, (twenty, end)
    assert "Years of experience" in "".join(c.text for c in page.chars)


# --- (b) the role's language ------------------------------------------------------------------


def _breaks(path: Path, pages: range) -> list[tuple[str, str]]:
    """Words hyphenated at a line's end on ``pages``: (the part before, the part after)."""
    found = []
    for number in pages:
        lines = [line for line in read_pages(path)[number].lines() if line.text.strip()]
        for line, after in itertools.pairwise(lines):
            text = line.text.rstrip()
            if re.search(r"[a-z][-\u2010\x02]$", text):
                head = re.findall(r"[A-Za-z]+", text)[-1]
                tail = re.findall(r"[A-Za-z]+", after.text)[:1]
                if tail:
                    found.append((head, tail[0]))
    return found


def test_english_role_text_is_hyphenated_as_english_in_a_german_edition(built: Path) -> None:
    """The role file is English: on the cover, in brief and at a glance its words break where
    English breaks them (German rules made "foste-ring"), the labels stay German."""
    path = built / f"{CSM}.de.pdf"
    # The dictionary WeasyPrint takes for the role's lang="en" (pyphen's "en": "mit-ig-ate",
    # where en_US has "mit-i-gate" and German "mit-i-ga-te").
    english = pyphen.Pyphen(lang=pyphen.language_fallback("en"))
    breaks = _breaks(path, range(3))
    assert breaks, "nothing hyphenated on the first three pages: nothing checked"
    summary = squash((REPO / "content/roles" / f"{CSM}.yaml").read_text("utf-8"))
    for head, tail in breaks:
        word = head + tail
        if word not in summary:
            continue  # a German label
        assert len(head) in english.positions(word), (head, tail)


def test_role_text_carries_its_language_in_the_html(built: Path) -> None:
    """The HTML says which words are English: the title, summary and tiers on the cover, in brief
    and at a glance; the catalogue's labels around them carry none (the page's German)."""
    from datetime import date

    from guidepress.content.project import load_project
    from guidepress.theme.lookup import Theme
    from tests.helpers import render_html

    project, _ = load_project(REPO)
    html = render_html(
        "guide",
        project.localized(SAM, "de"),
        project.brand("default"),
        Theme(REPO),
        locale="de",
        paper="a4",
        edition=date(2026, 1, 1),
    ).html
    for marked in (
        '<h1 class="cover-title" lang="en">',
        '<p class="cover-summary" lang="en">',
        '<p class="strip-title" lang="en">Account Manager</p>',
    ):
        assert marked in html, marked
    assert re.search(r'class="intro-lead[^"]*" lang="en">', html)
    assert '<p class="cover-eyebrow">Berufsratgeber' in html
    assert f'<th scope="row">{catalogue("de").qf_entry_education}</th>' in html
    # The outlook in the catalogue's words, not the role's English ones.
    assert "Growing faster than average" not in html.split('id="part-1"')[0]


# --- (d) the contents ---------------------------------------------------------------------------


@pytest.mark.parametrize("slug", [SAM, f"northfield/{BI}"])
def test_contents_numbers_sit_on_their_titles_baseline(built: Path, slug: str) -> None:
    path = built / f"{slug}.pdf"
    page = read_pages(path)[1]
    labels = catalogue("en")
    titles = [labels.part_role, labels.part_pay, labels.part_path]
    for title in titles:
        letters = _find([c for c in page.chars if c.text != " "], title)
        assert letters, title
        base = letters[0].baseline
        same_band = [c for c in page.chars if abs(c.baseline - base) < 6 and c.text.isdigit()]
        number = min(same_band, key=lambda c: c.left)  # the part's number, left of its title
        folio = max(same_band, key=lambda c: c.right)  # its page, at the right
        assert number.right < letters[0].left < folio.left
        assert abs(number.baseline - base) < 0.3, (title, number.baseline, base)
        assert abs(folio.baseline - base) < 0.3, (title, folio.baseline, base)
    # The back cover's next steps are listed, with the page they are on: the last.
    text = "".join(c.text for c in page.chars)
    pages = len(read_pages(path))
    assert re.search(rf"{labels.next_steps}\s*{pages}(?!\d)", text), text[-200:]


# --- (e) each figure once on the glance page ----------------------------------------------------


def test_the_glance_page_prints_each_figure_once(built: Path) -> None:
    path = built / f"{SAM}.pdf"
    number = page_with(path, "Quick facts")
    text = PdfReader(path).pages[number].extract_text()
    median = re.search(r"Median pay[^$]*(\$[\d,]+)", text)
    assert median is not None, text
    assert text.count(median.group(1)) == 1, text
    assert len(re.findall(r"(?<![\d.,])8\s?%", text)) == 1, text


# --- (h) the employer's briefing ----------------------------------------------------------------


def test_the_employer_briefing_is_short_with_an_employers_call_to_action(built: Path) -> None:
    """Five pages for the reviewer's role (was six; the seeds' take six: their skills and ladder
    do not share a page), one part without a number, a call to action for employers."""
    assert len(PdfReader(built / f"{BI}.employer.pdf").pages) <= 5
    path = built / f"{SAM}.employer.pdf"
    reader = PdfReader(path)
    labels = catalogue("en")
    assert len(reader.pages) <= 6
    text = squash(" ".join(page.extract_text() for page in reader.pages))
    assert squash(labels.format("part", number=1)) not in text  # no lone "Part 1"
    assert squash(labels.contact_title_employer) in text
    assert squash(labels.contact_lead_employer) in text
    assert squash(labels.scan_to_book) not in text and squash(labels.contact_title) not in text


# --- (i) capitals that extract as words ---------------------------------------------------------

#: Three or more letters each standing alone: "C A R E E R", "CASE ST U DY".
SPACED = re.compile(r"(?:\b[A-ZÄÖÜ]{1,2} ){2,}[A-ZÄÖÜ]{1,2}\b")


@pytest.mark.parametrize("name", [f"{SAM}.pdf", f"{SAM}.de.pdf", f"northfield/{BI}.pdf"])
def test_tracked_capitals_extract_as_words(built: Path, name: str) -> None:
    path = built / name
    pdf = pdfium.PdfDocument(str(path))
    try:
        extracted = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()
    extracted += [page.extract_text() for page in PdfReader(path).pages]
    spaced = [m for text in extracted for m in SPACED.findall(text)]
    assert spaced == []
    whole = " ".join(extracted)
    assert "CAREER GUIDE" in whole.upper() or "BERUFSRATGEBER" in whole.upper()


# --- The third review: honest sources, the years to reach a role, the hot chip's key, readable
# --- source numbers, a four-page briefing ---------------------------------------------------

#: The third reviewer's role: written by hand (no provenance), one hot tool, a tier of 1-5 years.
RN = "registered-nurse"


@pytest.fixture(scope="module")
def nurse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reviewer's registered nurse: the guide, the employer's briefing and the sheet."""
    root = tmp_path_factory.mktemp("nurse") / "proj"
    shutil.copytree(REPO / "content/brands", root / "content/brands")
    (root / "content/roles").mkdir(parents=True)
    shutil.copy(Path(__file__).parent / "roles" / f"{RN}.yaml", root / "content/roles")
    write(root, "guidepress.yaml", "title: Nursing\n")
    out = root / "out"
    request = BuildRequest(
        roles=(RN,), kinds=("guide", "sheet"), audiences=("student", "employer"), out=out, jobs=1
    )
    entries = built_entries(root, request)
    assert all(e["status"] == "built" for e in entries.values()), entries
    return out / "guides"


def sheet(guides: Path) -> Path:
    """The nurse's role sheet, built beside the guides."""
    [path] = (guides.parent / "sheets").glob(f"{RN}.pdf")
    return path


def test_a_role_without_a_source_page_cites_none(nurse: Path) -> None:
    """Its growth cites the outlook's own source, its demand the editors' profile: never "the
    role's source page", which does not exist."""
    labels = catalogue("en")
    for path in (nurse / f"{RN}.pdf", nurse / f"{RN}.employer.pdf", sheet(nurse)):
        name = path.name
        text = squash(" ".join(p.extract_text() for p in PdfReader(path).pages))
        assert squash(labels.source_page) not in text, name
        assert squash("the source page") not in text, name
    text = squash(" ".join(p.extract_text() for p in PdfReader(nurse / f"{RN}.pdf").pages))
    assert squash("Source: BLS Occupational Outlook Handbook, Registered Nurses") in text
    assert squash(f"Source: {labels.source_profile}.") in text


def test_the_glance_page_gives_the_years_it_takes_to_reach_the_role(nurse: Path) -> None:
    """The tier's lower bound, not its range (1-5 years is how long nurses stay at it)."""
    labels = catalogue("en")
    path = nurse / f"{RN}.pdf"
    text = squash(PdfReader(path).pages[page_with(path, "Quick facts")].extract_text())
    assert squash(f"{labels.qf_experience} 1–5") not in text
    assert squash(f"{labels.qf_experience} {labels.reach_one_year}") in text, text


def test_the_hot_tool_chip_has_a_printed_key(nurse: Path) -> None:
    """A key in print size on the page of the tech stack, not only the hidden words."""
    labels = catalogue("en")
    path = nurse / f"{RN}.pdf"
    number = page_with(path, "Vocera badges")
    line = next(
        (
            line
            for line in read_pages(path)[number].lines()
            if "Tintedchip" in line.text.replace(" ", "")
        ),
        None,
    )
    assert line is not None, "no key on the tech stack's page"
    assert squash(labels.hot_chip_legend) in squash(PdfReader(path).pages[number].extract_text())
    assert line.size >= 7.0


@pytest.mark.parametrize("name", [f"{SAM}.pdf", f"northfield/{BI}.pdf"])
def test_source_numbers_are_printed_in_a_readable_colour(built: Path, name: str) -> None:
    """The sources' numbers are text: 4.5:1 against the page at least (the raw accent is 3:1)."""
    path = built / name
    page = read_pages(path)[_sources_page(path)]
    numbers = [line.chars[0] for line in page.lines() if re.match(r"\d{1,2}\.", line.text)]
    assert numbers, [line.text for line in page.lines()][:20]
    for char in numbers:
        color = "#" + "".join(f"{v:02x}" for v in char.color)
        assert contrast_ratio(color, "#ffffff") >= 4.5, (char.text, color)


def _sources_page(path: Path) -> int:
    """The last page holding the sources heading."""
    found = [
        number
        for number, page in enumerate(PdfReader(path).pages)
        if re.search(r"^Sources$", page.extract_text(), re.M)
    ]
    assert found, path.name
    return found[-1]


def test_the_employer_briefing_runs_its_contact_block_on_after_the_sources(nurse: Path) -> None:
    """Four pages: no page of its own for the office, no pay table repeating the glance chart
    (the median is printed once after the cover)."""
    labels = catalogue("en")
    path = nurse / f"{RN}.employer.pdf"
    reader = PdfReader(path)
    assert len(reader.pages) == 4
    last = squash(reader.pages[-1].extract_text())
    assert squash(labels.contact_title_employer) in last and squash(labels.sources) in last
    inside = squash(" ".join(page.extract_text() for page in reader.pages[1:]))
    assert inside.count("$97,550") == 1, inside


@pytest.mark.parametrize(("name", "locale"), [(f"{SAM}.pdf", "en"), (f"{SAM}.de.pdf", "de")])
def test_the_pay_note_gives_the_chart_s_page(built: Path, name: str, locale: str) -> None:
    pay_note_points_to_the_chart(built / name, locale)
