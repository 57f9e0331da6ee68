"""Role sheets: always one page, scaled within limits, QR code to the role or brand URL."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pypdfium2
import yaml
import zxingcpp
from click.testing import CliRunner
from pypdf import PdfReader
from tests.conftest import REPO, SEED_ROLES, write
from tests.helpers import render_html

from guidepress.cli import cli
from guidepress.content.project import load_project
from guidepress.pdf.engine import layout
from guidepress.pdf.fit import fit_one_page
from guidepress.render.sheet import PAGE
from guidepress.theme.lookup import Theme


def build(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--project", str(root), "build", "--kind", "sheet", *args])
    return result.exit_code, result.output


def outputs(root: Path) -> dict[str, dict[str, Any]]:
    manifest = json.loads((root / "output" / "manifest.json").read_text())
    return {o["roles"][0]: o for o in manifest["outputs"]}


def long_role(words: int, items: int) -> dict[str, Any]:
    text = " ".join(["Coordinates cross-functional delivery with partners"] * (words // 6))
    return {
        "title": "Very Long Role Title For Testing Purposes",
        "summary": text,
        "salary": {"currency": "USD", "min": 40000, "max": 90000, "median": 60000},
        "growth_rate": 5,
        "market_demand": "High",
        "remote_friendly": True,
        "responsibilities": [f"{text[:160]} ({i})" for i in range(items)],
        "tech_skills": [f"Skill number {i} with a long name" for i in range(items)],
        "tech_stack": [f"Tool {i}" for i in range(items)],
        "pros": [f"{text[:120]} ({i})" for i in range(items)],
        "cons": [f"{text[:120]} ({i})" for i in range(items)],
        "tiers": [
            {"title": f"Tier {i} Specialist", "experience": f"{i}-{i + 2} years"} for i in range(5)
        ],
    }


def test_seed_sheets_are_one_page_with_title_and_median(tmp_path: Path) -> None:
    from guidepress.build.pipeline import build as run
    from guidepress.build.request import BuildRequest

    report = run(REPO, BuildRequest(roles=SEED_ROLES, kinds=("sheet",), out=tmp_path))
    assert len(report.entries) == 2
    for entry in (e.to_json() for e in report.entries):
        reader = PdfReader(tmp_path / entry["path"])
        assert len(reader.pages) == entry["pages"] == 1
        text = reader.pages[0].extract_text()
        data = yaml.safe_load((REPO / "content/roles" / f"{entry['roles'][0]}.yaml").read_text())
        assert data["title"] in text
        assert f"${data['salary']['median']:,}" in text
        assert "Scan to read more" in text and "careers@guidepress.example" in text


def test_long_content_is_scaled_onto_one_page(project: Path) -> None:
    role = long_role(words=90, items=6)
    write(project, "content/roles/long.yaml", yaml.safe_dump(role))
    loaded, problems = load_project(project)
    assert problems == []
    theme = Theme(project)

    def lay_out(scale: float, measure: bool) -> Any:
        html = render_html(
            "sheet",
            loaded.roles["long"],
            loaded.brand("default"),
            theme,
            locale="en",
            paper="a4",
            edition=loaded.build_date(),
            scale=scale,
            measure=measure,
        )
        return layout(html.html, html.stylesheets, allowed=[project / "content"])

    fitted = fit_one_page(lay_out, PAGE.room_px("a4"), floor=PAGE.floor)
    assert fitted.laid.pages == 1
    assert PAGE.floor <= fitted.scale < 1.0
    assert fitted.layouts <= 4
    code, output = build(project)
    assert code == 0, output
    assert PdfReader(project / "output" / outputs(project)["long"]["path"]).get_num_pages() == 1


def test_too_long_even_at_the_floor_fails_saying_what_to_shorten(project: Path) -> None:
    role = long_role(words=700, items=9)
    write(project, "content/roles/huge.yaml", yaml.safe_dump(role))
    write(project, "content/roles/fine.yaml", "title: Fine\nsummary: Short.\n")
    code, output = build(project)
    assert code == 1
    duties = sum(len(text) for text in role["responsibilities"][:5])
    message = output.splitlines()[-1]
    excess = re.search(r"\(about (\d+)% too long\)", message)
    assert excess is not None and int(excess.group(1)) > 20
    assert message == (
        "sheets/huge.pdf: role 'huge' does not fit on one page even at 80% type size "
        f"(about {excess.group(1)}% too long): shorten summary ({len(role['summary'])} "
        f"characters) or sheet.responsibilities (5 items, {duties} characters)"
    )
    assert outputs(project)["huge"]["status"] == "failed"
    assert outputs(project)["fine"]["status"] == "built"
    assert not (project / "output" / "sheets" / "huge.pdf").exists()


def decode_qr(pdf: Path) -> list[str]:
    page = pypdfium2.PdfDocument(str(pdf))[0]
    image = page.render(scale=300 / 72).to_pil()
    return [code.text for code in zxingcpp.read_barcodes(image)]


def test_qr_code_decodes_to_the_role_url_else_the_brand_url(project: Path) -> None:
    write(
        project, "content/roles/a.yaml", "title: A\nsummary: s\nurl: https://jobs.example.org/a\n"
    )
    write(project, "content/roles/b.yaml", "title: B\nsummary: s\n")
    code, output = build(project)
    assert code == 0, output
    found = outputs(project)
    assert decode_qr(project / "output" / found["a"]["path"]) == ["https://jobs.example.org/a"]
    assert decode_qr(project / "output" / found["b"]["path"]) == [
        "https://guidepress.example/careers"
    ]


def test_sheet_picks_choose_the_items(project: Path) -> None:
    write(
        project,
        "content/roles/a.yaml",
        """
        title: A
        summary: s
        responsibilities: [First duty., Second duty., Third duty.]
        sheet:
          responsibilities: [3, 1]
        """,
    )
    assert build(project)[0] == 0
    text = PdfReader(project / "output" / outputs(project)["a"]["path"]).pages[0].extract_text()
    assert "Third duty." in text and "First duty." in text and "Second duty." not in text
    assert text.index("Third duty.") < text.index("First duty.")


def test_a_pick_out_of_range_is_located(project: Path) -> None:
    write(
        project,
        "content/roles/a.yaml",
        "title: A\nsummary: s\npros: [Good.]\nsheet:\n  pros: [1, 4]\n",
    )
    result = CliRunner().invoke(cli, ["--project", str(project), "validate"])
    assert result.exit_code == 1
    assert result.output == (
        "content/roles/a.yaml:5:13: sheet.pros[1]: there is no item 4 in pros (it has 1)\n"
    )
