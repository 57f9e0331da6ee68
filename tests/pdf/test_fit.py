"""One-page fitting: long content scaled within limits, too long fails saying what to shorten."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from guidepress.content.project import load_project
from guidepress.pdf.engine import layout
from guidepress.pdf.fit import fit_one_page
from guidepress.render.sheet import PAGE
from guidepress.theme.lookup import Theme
from tests.helpers import build_sheets, outputs_by_role, render_html, write

pytestmark = pytest.mark.pdf


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
    code, output = build_sheets(project)
    assert code == 0, output
    assert (
        PdfReader(project / "output" / outputs_by_role(project)["long"]["path"]).get_num_pages()
        == 1
    )


def test_too_long_even_at_the_floor_fails_saying_what_to_shorten(project: Path) -> None:
    role = long_role(words=700, items=9)
    write(project, "content/roles/huge.yaml", yaml.safe_dump(role))
    write(project, "content/roles/fine.yaml", "title: Fine\nsummary: Short.\n")
    code, output = build_sheets(project)
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
    assert outputs_by_role(project)["huge"]["status"] == "failed"
    assert outputs_by_role(project)["fine"]["status"] == "built"
    assert not (project / "output" / "sheets" / "huge.pdf").exists()
