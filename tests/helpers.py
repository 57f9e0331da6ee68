"""Helpers the test modules share: the repository, scratch projects, the command line, builds with
the date pinned, the manifest, and readers of real PDFs (text, fonts, colours, boxes, QR codes)."""

from __future__ import annotations

import json
import os
import re
import shutil
import textwrap
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from guidepress.build.pipeline import BuildReport, build
from guidepress.build.request import BuildRequest
from guidepress.cli import cli
from guidepress.content.brands import BrandKit
from guidepress.content.models import Comparison, Role
from guidepress.render.context import Official, Options, RenderedHtml, Subject
from guidepress.render.kinds import KINDS
from guidepress.theme.lookup import Theme

REPO = Path(__file__).resolve().parents[1]
SEED_ROLES = ("strategic-account-manager", "customer-success-manager")
#: Documents print their edition date; tests pin it (2026-11-21) so outputs are comparable.
EPOCH = "1795219200"
#: Debian's Chromium for the browser tests (None: not installed; they are skipped), and the
#: flags that run it headless here without reaching the network.
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


# --- Projects -------------------------------------------------------------------------------


def write(root: Path, rel: str, text: str) -> Path:
    """Write ``text`` (dedented) to ``root/rel``, making its folders."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def new_project(root: Path) -> Path:
    """A scratch project at ``root``: config, the default brand, no roles yet."""
    (root / "content" / "roles").mkdir(parents=True)
    shutil.copytree(
        REPO / "content" / "brands" / "default", root / "content" / "brands" / "default"
    )
    (root / "guidepress.yaml").write_text("title: Test guides\n", encoding="utf-8")
    return root


#: A role with a title and a summary only.
SHORT_ROLE = "title: Small Role\nsummary: A short summary.\n"

#: A pastry chef with pay in euros (the command-line tests' role).
SMALL_ROLE = """
title: Pastry Chef
summary: Makes *desserts* and breads.
salary: {currency: EUR, min: 30000, max: 50000, median: 40000}
growth_rate: 4
market_demand: Moderate
remote_friendly: false
responsibilities: [Bake bread., Plate desserts.]
"""

#: A pastry chef with pay in dollars and FAQs (the language tests' role) ...
PASTRY_CHEF = """
title: Pastry Chef
summary: Makes desserts and breads for restaurants and hotels.
salary: {currency: USD, min: 70000, max: 140000, median: 105000}
growth_rate: 4
market_demand: High
remote_friendly: false
stress_level: High
responsibilities: [Bake bread., Plate desserts.]
tech_skills: [Lamination, Tempering chocolate]
pros: [Creative work.]
cons: [Early mornings.]
faqs:
  - question: Do I need a diploma?
    answer: [Not always.]
"""
#: ... and its Spanish overlay: translates the title, summary and responsibilities; leaves pros,
#: cons and FAQs in English.
PASTRY_CHEF_ES = """
title: Pastelero o pastelera
summary: Elabora postres y panes para restaurantes y hoteles.
responsibilities: [Hornear pan., Emplatar postres.]
"""

#: The batch tests' role, one per slug (the title defaults to the slug's).
BATCH_ROLE = """
title: {title}
summary: Looks after {title} work from start to finish.
salary: {{currency: EUR, min: 30000, max: 50000, median: 40000}}
growth_rate: 4
market_demand: Moderate
responsibilities: [Plan the week., Check the work.]
pros: [Varied days.]
cons: [Early starts.]
"""


#: What the ``two_roles`` project builds.
BAKER_AND_BREWER = {
    "guides/baker.pdf",
    "guides/brewer.pdf",
    "sheets/baker.pdf",
    "sheets/brewer.pdf",
}


def add_role(root: Path, slug: str, title: str | None = None) -> Path:
    return write(root, f"content/roles/{slug}.yaml", BATCH_ROLE.format(title=title or slug.title()))


#: The brand tests' role: typography of every kind in its summary.
HARBOUR_PILOT = """
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
MARK_LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">'
    '<rect width="120" height="40" rx="6" fill="#13a57b"/></svg>\n'
)


def brand_project(root: Path, config: str) -> Path:
    """A project with the harbour pilot, the repository's example brands, and a test brand
    'mark' whose logo is a rectangle in a colour nothing else uses."""
    write(root, "guidepress.yaml", config)
    write(root, "content/roles/harbour-pilot.yaml", HARBOUR_PILOT)
    for name in ("default", "northfield", "brightpath"):
        shutil.copytree(REPO / "content/brands" / name, root / "content/brands" / name)
    write(root, "content/brands/mark/logo.svg", MARK_LOGO)
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


#: A web address no build may fetch (the cloud metadata service's).
LINK_LOCAL = "http://169.254.169.254/latest/meta-data/iam"


def token_of(secret: Path) -> str:
    """The unique token the ``secret`` fixture's file holds."""
    return secret.read_text("utf-8").strip()


def evil_brand(project: Path, logo: str, svg: str | None = None, extra: str = "") -> None:
    """Brand 'evil' with ``logo`` as its logo path and, given ``svg``, that logo.svg."""
    write(
        project,
        "content/brands/evil/brand.yaml",
        f"name: Evil\nlogo: {logo}\nlogo_alt: Evil\n" + extra,
    )
    if svg is not None:
        (project / "content/brands/evil/logo.svg").write_text(svg, encoding="utf-8")


def brand_file(root: Path, text: str) -> None:
    """Brand 'x' with ``text`` as its brand.yaml."""
    write(root, "content/brands/x/brand.yaml", text)


#: What the slug rule says, word for word.
SLUG_RULE = "lowercase letters, digits and single hyphens, like 'chef-de-partie'"

#: The comparison tests' four roles, paid 60,000 to 105,000 in steps of 15,000.
COMPARED = ["Data Analyst", "Nurse Practitioner", "Site Reliability Engineer", "Pastry Chef"]


def slug_of(title: str) -> str:
    return title.lower().replace(" ", "-")


def compared_role(title: str, median: int, currency: str = "USD") -> dict[str, object]:
    return {
        "title": title,
        "summary": f"What a {title} does.",
        "salary": {"currency": currency, "min": median - 20000, "max": median + 20000,
                   "median": median},
        "growth_rate": 7,
        "market_demand": "High",
        "remote_friendly": True,
        "stress_level": "Moderate",
        "balance_rating": "Good",
        "required_education": ["A bachelor's degree is typical. More text follows."],
        "tech_skills": ["Communication", f"{title} craft", "Planning"],
        "tech_stack": ["Excel", f"{title} Tool"],
        "pros": ["Varied work.", "Good pay."],
        "cons": ["Long hours.", "Deadlines."],
        "tiers": [
            {"title": f"Junior {title}", "experience": "0-2 years"},
            {"title": f"Senior {title}", "experience": "5-8 years"},
        ],
        "outlook": {"sources": ["Labour Statistics Office"]},
    }  # fmt: skip


# --- Building and the command line ----------------------------------------------------------


@contextmanager
def pinned_date() -> Iterator[None]:
    """SOURCE_DATE_EPOCH pinned, for fixtures wider than one test (the autouse fixture pins it
    for each test)."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def pinned_build(root: Path, request: BuildRequest) -> BuildReport:
    """:func:`build` with the edition date pinned."""
    with pinned_date():
        return build(root, request)


def invoke(root: Path | None, *args: str, env: dict[str, str] | None = None) -> Result:
    """``guidepress [--project ROOT] ARGS`` through click's runner."""
    project = ["--project", str(root)] if root is not None else []
    return CliRunner().invoke(cli, [*project, *args], env=env)


def run(root: Path | None, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Exit code and everything printed (standard output and error, interleaved)."""
    result = invoke(root, *args, env=env)
    return result.exit_code, result.output


def run_err(root: Path | None, *args: str) -> tuple[int, str]:
    """Exit code and what went to standard error alone, one problem per line."""
    result = invoke(root, *args)
    return result.exit_code, result.stderr


def run_build(root: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """``guidepress --project ROOT build ARGS``: exit code and everything printed."""
    return run(root, "build", *args, env=env)


def build_sheets(root: Path, *args: str) -> tuple[int, str]:
    """``guidepress --project ROOT build --kind sheet ARGS``: exit code and everything printed."""
    return run_build(root, "--kind", "sheet", *args)


def validate_lines(root: Path) -> tuple[int, list[str]]:
    """``guidepress validate``: exit code and the lines printed."""
    code, output = run(root, "validate")
    return code, output.splitlines()


def built_entries(root: Path, request: BuildRequest) -> dict[str, dict[str, Any]]:
    """Build with the edition date pinned; the manifest entries by path."""
    return {entry.path: entry.to_json() for entry in pinned_build(root, request).entries}


def manifest(out: Path) -> dict[str, Any]:
    """The manifest.json of output folder ``out``."""
    data: dict[str, Any] = json.loads((out / "manifest.json").read_text())
    return data


def statuses(root: Path, out: str = "output") -> dict[str, str]:
    """Each output's status in the manifest of ``root/out``, by path."""
    return {entry["path"]: entry["status"] for entry in manifest(root / out)["outputs"]}


def rebuilt(root: Path) -> set[str]:
    """The outputs the last build of ``root`` into output/ built (not cached)."""
    return {path for path, status in statuses(root).items() if status == "built"}


def outputs_by_role(root: Path) -> dict[str, dict[str, Any]]:
    """The manifest entries in ``root``'s output/, by their first role."""
    return {o["roles"][0]: o for o in manifest(root / "output")["outputs"]}


# --- Rendering without a PDF ----------------------------------------------------------------


def render_html(
    kind: str,
    roles: Role | Sequence[Role],
    brand: BrandKit,
    theme: Theme,
    *,
    title: str = "Compared",
    official: Sequence[Official] = (),
    **options: Any,
) -> RenderedHtml:
    """The HTML of one output of ``kind`` about ``roles`` (a comparison's title is ``title``);
    ``official``: a regional edition's pay, per role."""
    found = (roles,) if isinstance(roles, Role) else tuple(roles)
    comparison = None
    if KINDS[kind].subject == "comparison":
        comparison = Comparison(title=title, roles=[role.slug for role in found])
    subject = Subject("-vs-".join(role.slug for role in found), found, comparison, tuple(official))
    return KINDS[kind].render(subject, brand, theme, Options(**options))


def project_guide_html(root: Path) -> str:
    """The guide HTML of the first role of the project at ``root`` (default brand, its theme)."""
    from datetime import date

    from guidepress.content.project import load_project

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


# --- Reading PDFs back ----------------------------------------------------------------------


def squash(text: str) -> str:
    """``text`` without white space (line breaks may fall anywhere, even after a hyphen), NFKC."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def squash_hyphenated(text: str) -> str:
    """:func:`squash`, without soft hyphens and U+2010 too: hyphenation may split any word."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").replace("\u2010", "")
    return re.sub(r"\s+", "", text)


def text_of(path: Path) -> str:
    """The text of every page, white space collapsed to single spaces."""
    from pypdf import PdfReader

    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))


def fonts_of(path: Path) -> set[str]:
    """Embedded font names without their subset prefix."""
    import pikepdf

    names = set()
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            for font in page.Resources.get("/Font", {}).values():
                names.add(str(font.BaseFont).split("+", 1)[-1])
    return names


def fill_colors(path: Path) -> set[str]:
    """Every fill colour set on the pages and in the forms they draw, as #rrggbb."""
    import pikepdf

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
    """The alternative texts in the structure tree, in order."""
    import pikepdf

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


def boxes(page: Any) -> tuple[list[float], list[float], list[float]]:
    """A pikepdf page object's MediaBox, TrimBox and BleedBox."""
    return tuple([float(v) for v in page[name]] for name in ("/MediaBox", "/TrimBox", "/BleedBox"))  # type: ignore[return-value]


def decode_qr(pdf: Path) -> list[str]:
    """The QR codes on the first page, decoded from a 300 dpi rendering."""
    return decode_qr_on(pdf, 1)


def decode_qr_on(pdf: Path, number: int) -> list[str]:
    """The QR codes on page ``number`` (1-based), decoded from a 300 dpi rendering."""
    import pypdfium2
    import zxingcpp

    page = pypdfium2.PdfDocument(str(pdf))[number - 1]
    image = page.render(scale=300 / 72).to_pil()
    return [code.text for code in zxingcpp.read_barcodes(image)]


def outline_tree(reader: Any) -> list[Any]:
    """A pypdf reader's bookmarks as nested lists: (title, page from 1), each item's children in
    a list after it."""

    def tree(items: list[Any]) -> list[Any]:
        found: list[Any] = []
        for item in items:
            if isinstance(item, list):
                found.append(tree(item))
            else:
                found.append((item.title, reader.get_destination_page_number(item) + 1))
        return found

    return tree(reader.outline)


# --- Built once for all test processes -------------------------------------------------------


def built_once(factory: Any, name: str, make: Any) -> Any:
    """``make(folder)``'s JSON-able result, computed once for the whole test run: pytest-xdist
    runs a session fixture once per worker, and builds of dozens of PDFs should not run twice.
    The workers share a folder beside their own temporary folders; a lock file makes the first
    one build while the others wait, then read its result."""
    import fcntl

    base = factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder = shared / f"once-{name}"
    result = shared / f"once-{name}.json"
    with open(shared / f"once-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not result.exists():
                folder.mkdir(exist_ok=True)
                result.write_text(json.dumps(make(folder)), "utf-8")
            return json.loads(result.read_text("utf-8"))
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


# --- Pay data -------------------------------------------------------------------------------


def oews_row(area: str, occupation: str) -> dict[str, str]:
    """The row of the demo's BLS extract (data/oews_m2025_extract.csv) for ``area`` (BLS's
    code: "99", "39", "18140") and ``occupation`` (SOC code): what a PDF must print."""
    import csv

    with (REPO / "data" / "oews_m2025_extract.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["AREA"] == area and row["OCC_CODE"] == occupation:
                return row
    raise KeyError((area, occupation))


def dollars(value: str | float) -> str:
    """A BLS annual figure as a PDF prints it: "108370" -> "$108,370"."""
    return f"${int(float(value)):,}"


def demo_copy(root: Path, config: str | None = None) -> Path:
    """The demo project (seed roles, default brand, comparison, BLS extract, O*NET titles and
    the imported store) copied to ``root``; ``config`` replaces its guidepress.yaml."""
    for rel in ("content/roles", "content/comparisons", "content/brands/default", "data"):
        shutil.copytree(REPO / rel, root / rel)
    shutil.copy(REPO / "guidepress.yaml", root / "guidepress.yaml")
    if config is not None:
        write(root, "guidepress.yaml", config)
    return root


#: The demo's configuration without its regions.
DEMO_DATA = (
    "title: Career guides\ndata: {store: data/pay.sqlite, onet: data/onet_occupations.txt}\n"
)
