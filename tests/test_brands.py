"""Brand kits on paper: fonts, colours, logo, footer; letter paper; print marks; theme overrides
and eject; every brand validation message; glyph coverage of the seed text."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import yaml
from click.testing import CliRunner
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from tests.conftest import REPO, write
from tests.helpers import render_html

from guidepress.build.pipeline import build
from guidepress.build.request import BuildRequest
from guidepress.cli import cli
from guidepress.content.contrast import contrast_ratio, relative_luminance, shown
from guidepress.content.models import Role
from guidepress.content.models.brand import Font
from guidepress.content.project import load_project
from guidepress.content.schema import schema_for
from guidepress.theme.eject import theme_files
from guidepress.theme.lookup import Theme, builtin_dir

PT_PER_MM = 72 / 25.4
TINY_ROLE = """
title: Harbour Pilot
summary: Guides ships into port — “safely”, at 2–3 knots, for €60,000 or £52,000 a year.
salary: {currency: EUR, min: 40000, max: 90000, median: 60000}
growth_rate: 4
market_demand: High
remote_friendly: false
responsibilities: [Boards vessels at sea., Plans the approach with the master.]
tech_skills: [Ship handling, Radar plotting]
pros: [Varied days.]
cons: [Night calls.]
tiers:
  - {title: Trainee Pilot, experience: 0-2 years}
  - {title: Senior Pilot, experience: 8+ years}
"""
TEST_LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">'
    '<rect width="120" height="40" rx="6" fill="#13a57b"/></svg>\n'
)


def make_project(root: Path, config: str) -> Path:
    """A project with the tiny role, the repository's example brands, and a test brand 'mark'
    whose logo is a rectangle in a colour nothing else uses."""
    write(root, "guidepress.yaml", config)
    write(root, "content/roles/harbour-pilot.yaml", TINY_ROLE)
    for name in ("default", "northfield", "brightpath"):
        shutil.copytree(REPO / "content/brands" / name, root / "content/brands" / name)
    write(root, "content/brands/mark/logo.svg", TEST_LOGO)
    write(
        root,
        "content/brands/mark/brand.yaml",
        """
        name: Mark Careers
        logo: logo.svg
        logo_alt: Mark Careers crest
        colors: {primary: "#7a2e0e"}
        contact: desk@mark.example
        footer: Mark Careers Office
        """,
    )
    return root


def built(root: Path, request: BuildRequest) -> dict[str, dict[str, Any]]:
    """Build in a pinned-date environment; returns the manifest entries by path."""
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1795219200")
    try:
        report = build(root, request)
    finally:
        mp.undo()
    return {entry.path: entry.to_json() for entry in report.entries}


@pytest.fixture(scope="module")
def letter(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, Any]]]:
    """Guide and sheet of the tiny role under three brands, on letter paper, in one process.
    The first brand, 'mark', is the configured default: its outputs have no brand folder."""
    root = make_project(
        tmp_path_factory.mktemp("brands"),
        "brands: [mark, brightpath, northfield]\npaper: letter\nkinds: [guide, sheet]\n",
    )
    return root / "output", built(root, BuildRequest())


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, Any]]]:
    """The tiny role's guide and sheet, and a comparison sheet, with print marks."""
    root = make_project(tmp_path_factory.mktemp("marks"), "kinds: [guide, sheet, compare]\n")
    write(root, "content/roles/deckhand.yaml", "title: Deckhand\nsummary: Works the deck.\n")
    write(root, "content/comparisons/sea.yaml", "title: Sea\nroles: [harbour-pilot, deckhand]\n")
    return root / "output", built(root, BuildRequest(print_marks=True))


def fonts_of(path: Path) -> set[str]:
    """Embedded font names without their subset prefix."""
    names = set()
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            for font in page.Resources.get("/Font", {}).values():
                names.add(str(font.BaseFont).split("+", 1)[-1])
    return names


def fill_colors(path: Path) -> set[str]:
    """Every fill colour set on the pages and in the forms they draw, as #rrggbb."""
    found: set[str] = set()

    def visit(stream: Any, resources: Any) -> None:
        for operands, op in pikepdf.parse_content_stream(stream):
            if str(op) == "rg":
                found.add("#" + "".join(f"{round(float(v) * 255):02x}" for v in operands))
        for xobject in resources.get("/XObject", {}).values() if resources else ():
            if xobject.get("/Subtype") == "/Form":
                visit(xobject, xobject.get("/Resources"))

    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            visit(page, page.Resources)
    return found


def figure_alts(path: Path) -> list[str]:
    alts: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, pikepdf.Dictionary):
            if "/Alt" in node:
                alts.append(str(node.Alt))
            if "/K" in node:
                walk(node.K)
        elif isinstance(node, pikepdf.Array):
            for item in node:
                walk(item)

    with pikepdf.open(path) as pdf:
        walk(pdf.Root.StructTreeRoot)
    return alts


def text_of(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))


# --- brand kits on paper -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("brand", "own", "other"),
    [
        ("brightpath", {"League-Spartan-brightpath-Bold", "Karla-brightpath"}, "Baskervald"),
        ("northfield", {"Baskervald-ADF-northfield-Bold", "Baskervald-ADF-northfield"}, "Karla"),
    ],
)
def test_brand_fonts_are_embedded_and_only_in_their_brand(
    letter: tuple[Path, dict[str, dict[str, Any]]], brand: str, own: set[str], other: str
) -> None:
    out, _ = letter
    for kind in ("guides", "sheets"):
        names = fonts_of(out / kind / brand / "harbour-pilot.pdf")
        assert own <= names
        # Brands built in one process keep apart: no font of another brand leaks in.
        assert not any(other in name for name in names)
        # Whatever the brand font lacks comes from the bundled theme fonts, never the system's.
        prefixes = (*(name.rsplit("-", 1)[0] for name in own), "GP-Body", "GP-Serif")
        assert all(name.startswith(prefixes) for name in names), names


def test_primary_colour_reaches_the_tokens_and_the_paper(
    letter: tuple[Path, dict[str, dict[str, Any]]],
) -> None:
    out, _ = letter
    root = out.parent
    project, _ = load_project(root)
    html = render_html(
        "guide",
        project.roles["harbour-pilot"],
        project.brand("mark"),
        Theme(root),
        locale="en",
        paper="letter",
        edition=date(2026, 11, 21),
    ).html
    assert "--gp-primary: #7a2e0e;" in html
    assert "#7a2e0e" in fill_colors(out / "guides/harbour-pilot.pdf")
    assert "#7a2e0e" in fill_colors(out / "sheets/harbour-pilot.pdf")
    assert "#7a2e0e" not in fill_colors(out / "sheets/brightpath/harbour-pilot.pdf")


def test_logo_footer_and_contact_are_printed(
    letter: tuple[Path, dict[str, dict[str, Any]]],
) -> None:
    out, _ = letter
    for kind in ("guides", "sheets"):
        path = out / kind / "harbour-pilot.pdf"
        assert "Mark Careers crest" in figure_alts(path)
        assert "#13a57b" in fill_colors(path)  # the logo's own colour: it is drawn
    assert "Mark Careers Office" in text_of(out / "guides/harbour-pilot.pdf")
    sheet = text_of(out / "sheets/harbour-pilot.pdf")
    assert "Mark Careers Office" in sheet
    assert "desk@mark.example" in sheet


def test_letter_pages_are_612_by_792_points(
    letter: tuple[Path, dict[str, dict[str, Any]]],
) -> None:
    out, entries = letter
    assert len(entries) == 6
    for rel, entry in entries.items():
        assert entry["status"] == "built" and entry["paper"] == "letter"
        for page in PdfReader(out / rel).pages:
            assert [float(v) for v in page.mediabox] == [0, 0, 612, 792]


def test_html_output_keeps_the_brand_and_carries_its_fonts(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", "brands: [brightpath]\n")
    built(root, BuildRequest(formats=("html",)))
    page = root / "output/guides/harbour-pilot.html"
    html = page.read_text(encoding="utf-8")
    assert "file://" not in html
    assert (page.parent / "assets/LeagueSpartan-Bold.otf").is_file()
    # The brand's tokens follow the theme's defaults, so they win in a browser too.
    assert html.index("--gp-primary: #0b4f6c;") < html.index("--gp-primary: #4a1fc7;")


def test_logo_position_is_a_body_class_and_in_the_schema() -> None:
    properties: Any = schema_for("brand")["properties"]
    assert properties["logo_position"]["enum"] == ["left", "center", "right"]
    assert properties["allow_low_contrast"]["default"] is False


# --- print marks ---------------------------------------------------------------------------


def boxes(page: Any) -> tuple[list[float], list[float], list[float]]:
    return tuple([float(v) for v in page[name]] for name in ("/MediaBox", "/TrimBox", "/BleedBox"))  # type: ignore[return-value]


@pytest.mark.parametrize(
    "rel",
    [
        "guides/harbour-pilot.print.pdf",
        "sheets/harbour-pilot.print.pdf",
        "comparisons/sea.print.pdf",
    ],
)
def test_print_marks_set_trim_and_bleed_boxes(
    marked: tuple[Path, dict[str, dict[str, Any]]], rel: str
) -> None:
    out, entries = marked
    assert entries[rel]["status"] == "built"
    if not rel.startswith("guides"):
        assert entries[rel]["pages"] == 1  # bleed adds paper outside the page, not inside
    with pikepdf.open(out / rel) as pdf:
        for page in pdf.pages:
            media, trim, bleed = boxes(page.obj)
            assert trim == pytest.approx([0, 0, 595.2756, 841.8898], abs=0.01)  # A4 is the trim
            three_mm = 3 * PT_PER_MM
            assert bleed == pytest.approx(
                [-three_mm, -three_mm, trim[2] + three_mm, trim[3] + three_mm], abs=0.01
            )
            assert media[0] < bleed[0] and media[2] > bleed[2]  # the crop marks' slug


def test_print_marks_outputs_are_named_apart_and_hashed_apart(
    marked: tuple[Path, dict[str, dict[str, Any]]], tmp_path: Path
) -> None:
    _, entries = marked
    assert all(path.endswith(".print.pdf") for path in entries)
    root = make_project(tmp_path / "p", "kinds: [sheet]\n")
    plain = built(root, BuildRequest())["sheets/harbour-pilot.pdf"]
    assert plain["inputs_hash"] != entries["sheets/harbour-pilot.print.pdf"]["inputs_hash"]
    with pikepdf.open(root / "output/sheets/harbour-pilot.pdf") as pdf:
        media, trim, _ = boxes(pdf.pages[0].obj)
        assert media == trim


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
    assert 'class="guide logo-left print-marks"' in html
    css = (builtin_dir() / "styles/guide.css").read_text()
    assert ".print-marks .cover-band { margin: calc(-1 * var(--gp-bleed))" in css


# --- theme overrides and eject -------------------------------------------------------------


def test_override_template_and_stylesheet_change_the_pdf(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", "kinds: [sheet]\nbrands: [mark]\n")
    write(
        root,
        "templates/sheet.html.j2",
        '{% extends "theme:sheet.html.j2" %}{% block title %}Custom {{ role.title }}{% endblock %}',
    )
    sheet_css = (builtin_dir() / "styles/sheet.css").read_text()
    write(root, "styles/sheet.css", sheet_css + "\n.sheet-summary { color: #2b6a99; }\n")
    built(root, BuildRequest())
    path = root / "output/sheets/harbour-pilot.pdf"
    assert PdfReader(path).metadata.title == "Custom Harbour Pilot"
    assert "#2b6a99" in fill_colors(path)


def run(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--project", str(root), *args])
    return result.exit_code, result.output


def test_theme_eject_copies_refuses_then_forces_and_builds_the_same(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", "kinds: [sheet]\nbrands: [northfield]\n")
    before = built(root, BuildRequest(out=tmp_path / "before"))["sheets/harbour-pilot.pdf"]

    code, output = run(root, "theme", "eject")
    files = theme_files()
    assert code == 0
    assert len(files) > 30 and Path("styles/fonts/Inter-Regular.otf") in files
    assert output.splitlines()[0] == f"wrote {root / files[0]}"
    assert output.splitlines()[-1] == f"{len(files)} theme files in {root}"
    assert all((root / rel).read_bytes() == (builtin_dir() / rel).read_bytes() for rel in files)

    code, output = run(root, "theme", "eject")
    assert code == 1
    assert output == (
        f"{root / files[0]}: already exists (and {len(files) - 1} more); use --force to overwrite\n"
    )
    (root / "styles/base.css").write_text("/* edited */\n")
    assert run(root, "theme", "eject", "--force")[0] == 0
    assert (root / "styles/base.css").read_bytes() == (
        builtin_dir() / "styles/base.css"
    ).read_bytes()

    after = built(root, BuildRequest(out=tmp_path / "after"))["sheets/harbour-pilot.pdf"]
    assert Theme(root).style("base.css") == root / "styles/base.css"
    assert after["sha256"] == before["sha256"]


def test_theme_eject_into_another_folder_and_never_onto_the_builtin(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", "title: T\n")
    code, output = run(root, "theme", "eject", "--out", str(tmp_path / "starter"))
    assert code == 0
    assert (tmp_path / "starter/templates/guide.html.j2").is_file()
    assert not (root / "templates").exists()
    code, output = run(root, "theme", "eject", "--out", str(builtin_dir()))
    assert (code, output) == (
        1,
        f"{builtin_dir()}: is the built-in theme's own folder; choose another with --out\n",
    )


# --- validation messages -------------------------------------------------------------------


def validate(root: Path) -> tuple[int, list[str]]:
    code, output = run(root, "validate")
    return code, output.splitlines()


def brand_file(root: Path, text: str) -> None:
    write(root, "content/brands/x/brand.yaml", text)


def test_every_brand_file_problem_has_its_located_message(project: Path) -> None:
    write(project, "content/brands/x/fonts/ok.ttf", "not checked here")
    brand_file(
        project,
        """
        name: X
        logo: missing.svg
        fonts:
          heading: {family: H, files: [fonts/ok.ttf, ../default/logo.svg]}
          body: {family: B, files: [fonts/none.ttf]}
        """,
    )
    assert validate(project) == (
        1,
        [
            "content/brands/x/brand.yaml:2:1: logo: a logo needs logo_alt (its alternative text)",
            "content/brands/x/brand.yaml:2:1: logo: file not found: missing.svg",
            "content/brands/x/brand.yaml:4:46: fonts.heading.files[1]: path leaves the brand "
            "folder: ../default/logo.svg",
            "content/brands/x/brand.yaml:5:29: fonts.body.files[0]: file not found: fonts/none.ttf",
        ],
    )


def test_logo_path_leaving_the_folder_and_invalid_colours(project: Path) -> None:
    brand_file(
        project,
        """
        name: X
        logo: /etc/passwd
        logo_alt: X
        logo_position: middle
        colors: {primary: blue, accent: "#12345"}
        """,
    )
    assert validate(project) == (
        1,
        [
            "content/brands/x/brand.yaml:4:1: logo_position: must be one of 'left', 'center' "
            "or 'right' (got 'middle')",
            "content/brands/x/brand.yaml:5:10: colors.primary: must be a hex colour like #0b4f6c "
            "(got 'blue')",
            "content/brands/x/brand.yaml:5:25: colors.accent: must be a hex colour like #0b4f6c "
            "(got '#12345')",
        ],
    )
    brand_file(project, "name: X\nlogo: /etc/passwd\nlogo_alt: X\n")
    assert validate(project) == (
        1,
        ["content/brands/x/brand.yaml:2:1: logo: path leaves the brand folder: /etc/passwd"],
    )


def test_low_contrast_is_an_error_on_the_colour_that_is_set(project: Path) -> None:
    brand_file(
        project,
        """
        name: X
        colors:
          primary: "#7fa8c9"
          text: "#8a8a8a"
          muted: "#aaaaaa"
        """,
    )
    assert validate(project) == (
        1,
        [
            "content/brands/x/brand.yaml:3:3: colors.primary: contrast 2.5:1 against background "
            "#ffffff is below WCAG AA 4.5:1 (headings)",
            "content/brands/x/brand.yaml:3:3: colors.primary: contrast 2.5:1 against on_primary "
            "#ffffff is below WCAG AA 4.5:1 (text on primary bands)",
            "content/brands/x/brand.yaml:4:3: colors.text: contrast 3.4:1 against background "
            "#ffffff is below WCAG AA 4.5:1 (body text)",
            "content/brands/x/brand.yaml:5:3: colors.muted: contrast 2.3:1 against background "
            "#ffffff is below WCAG AA 4.5:1 (secondary text)",
        ],
    )


def test_a_dark_background_is_blamed_for_default_text(project: Path) -> None:
    brand_file(
        project,
        'name: X\ncolors: {background: "#222222", primary: "#f5c542", on_primary: "#000"}\n',
    )
    code, lines = validate(project)
    assert code == 1
    assert lines[0] == (
        "content/brands/x/brand.yaml:2:10: colors.background: contrast 1.0:1 against text "
        "#1d1d1d is below WCAG AA 4.5:1 (body text)"
    )


def test_allow_low_contrast_accepts_the_brand(project: Path) -> None:
    brand_file(project, 'name: X\nallow_low_contrast: true\ncolors: {text: "#aaaaaa"}\n')
    assert validate(project) == (0, ["ok: 0 roles, 2 brands"])


def test_example_brands_pass_validation() -> None:
    project, problems = load_project(REPO)
    assert problems == []
    assert {"default", "northfield", "brightpath"} <= set(project.brands)
    positions = {kit.brand.logo_position for kit in project.brands.values()}
    assert positions == {"left", "center", "right"}


# --- colour maths and font faces -----------------------------------------------------------


def test_contrast_ratio_follows_wcag() -> None:
    assert contrast_ratio("#000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1)
    assert relative_luminance("#808080") == pytest.approx(0.2159, abs=1e-4)
    assert contrast_ratio("#777777", "#fff") == pytest.approx(4.48, abs=0.01)
    assert shown(4.4999) == "4.4"  # never rounded up past the threshold


@pytest.mark.parametrize(
    ("file", "face"),
    [
        ("fonts/Karla-Regular.otf", (400, "normal")),
        ("fonts/Karla-BoldItalic.otf", (700, "italic")),
        ("Brand_SemiBold.ttf", (600, "normal")),
        ("Brand-ExtraLight.ttf", (200, "normal")),
        ("BaskervaldADFStd.otf", (400, "normal")),
    ],
)
def test_font_face_is_read_from_the_file_name(file: str, face: tuple[int, str]) -> None:
    assert Font.face(file) == face


# --- glyph coverage ------------------------------------------------------------------------

FACE = re.compile(r'@font-face\s*\{\s*font-family:\s*"([^"]+)";\s*src:\s*url\("?([^")]+)"?\)')
CHAIN = re.compile(r"--gp-font-(heading|body):\s*([^;]+);")


#: What content commonly holds beyond the seeds: curly quotes, dashes, marks, currencies, and
#: the accented letters of Western European languages.
TYPOGRAPHY = "“”‘’‚„–—•…✓✗→●·×€£¥¢©®™°±½" + "".join(map(chr, range(0xC0, 0x100))) + "ŒœŠšŽžŸ"


def seed_characters() -> set[str]:
    """Every character the seed roles, the comparison and the labels print, the theme's own
    generated marks, and TYPOGRAPHY."""

    def strings(value: Any) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    text = "".join(
        s
        for path in [*(REPO / "content").rglob("*.yaml")]
        for s in strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    )
    text += (REPO / "src/guidepress/i18n/locales/en.yaml").read_text(encoding="utf-8")
    for css in (builtin_dir() / "styles").glob("*.css"):
        text += "".join(re.findall(r'content:\s*"([^"]*)"', css.read_text(encoding="utf-8")))
    return {ch for ch in text + TYPOGRAPHY if not ch.isspace()}


@pytest.mark.parametrize("brand", ["default", "northfield", "brightpath"])
def test_every_seed_character_has_a_glyph_in_the_brand_font_chains(brand: str) -> None:
    project, _ = load_project(REPO)
    html = render_html(
        "guide",
        Role(title="T", summary="S", slug="t"),
        project.brand(brand),
        Theme(REPO),
        locale="en",
        paper="a4",
        edition=date(2026, 1, 1),
    ).html
    styles = builtin_dir() / "styles"
    base = (styles / "base.css").read_text(encoding="utf-8")
    faces: dict[str, list[Path]] = {}
    for family, url in FACE.findall(base):
        faces.setdefault(family, []).append(styles / url)
    for family, url in FACE.findall(html):
        faces.setdefault(family, []).append(Path(url.removeprefix("file://")))
    chains = dict(CHAIN.findall(base)) | dict(CHAIN.findall(html))
    chars = seed_characters()
    assert {"’", "—", "●", "®"} <= chars  # from the seeds themselves
    for slot, chain in chains.items():
        families = [f.strip().strip('"') for f in chain.split(",")]
        cmaps = [
            set(TTFont(path).getBestCmap()) for family in families for path in faces.get(family, [])
        ]
        assert cmaps, f"{brand} {slot}: no bundled font in {chain}"
        missing = sorted(ch for ch in chars if not any(ord(ch) in cmap for cmap in cmaps))
        assert missing == [], f"{brand} {slot} font chain lacks {''.join(missing)}"


def test_theme_eject_has_help_with_an_example() -> None:
    result = CliRunner().invoke(cli, ["theme", "eject", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "--force" in result.output
