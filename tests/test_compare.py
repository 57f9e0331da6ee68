"""Comparison sheets: 2 to 4 roles on one page, shared axis, refusals with located messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from pypdf import PdfReader
from tests.conftest import write

from guidepress.cli import cli

NAMES = ["Data Analyst", "Nurse Practitioner", "Site Reliability Engineer", "Pastry Chef"]


def role(title: str, median: int, currency: str = "USD") -> dict[str, object]:
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


def slug(title: str) -> str:
    return title.lower().replace(" ", "-")


def run(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--project", str(root), *args])
    return result.exit_code, result.output


@pytest.fixture
def roles(project: Path) -> Path:
    for i, title in enumerate(NAMES):
        write(
            project,
            f"content/roles/{slug(title)}.yaml",
            yaml.safe_dump(role(title, 60000 + 15000 * i)),
        )
    return project


@pytest.mark.parametrize("count", [2, 3, 4])
def test_comparisons_of_2_3_and_4_roles_are_one_page(roles: Path, count: int) -> None:
    chosen = NAMES[:count]
    write(roles, "content/comparisons/set.yaml",
          yaml.safe_dump({"title": "Which path?", "roles": [slug(t) for t in chosen]}))  # fmt: skip
    code, output = run(roles, "build", "--kind", "compare")
    assert code == 0, output
    manifest = json.loads((roles / "output" / "manifest.json").read_text())
    [entry] = manifest["outputs"]
    assert entry["path"] == "comparisons/set.pdf"
    assert entry["roles"] == [slug(t) for t in chosen]
    reader = PdfReader(roles / "output" / entry["path"])
    assert len(reader.pages) == entry["pages"] == 1
    box = reader.pages[0].mediabox
    assert (float(box.width) > float(box.height)) == (count > 2)
    text = reader.pages[0].extract_text()
    for i, title in enumerate(chosen):
        assert title in text
        assert f"${60000 + 15000 * i:,}" in text
    assert "FITS ME?" in text.upper() and "Labour Statistics Office" in text
    assert "shared by two or more" in text


def test_mixed_currencies_are_refused_with_a_located_message(roles: Path) -> None:
    write(roles, "content/roles/euro-chef.yaml", yaml.safe_dump(role("Euro Chef", 40000, "EUR")))
    write(roles, "content/comparisons/mixed.yaml",
          "title: Mixed\nroles:\n  - pastry-chef\n  - euro-chef\n")  # fmt: skip
    code, output = run(roles, "validate")
    assert code == 1
    assert output == (
        "content/comparisons/mixed.yaml:4:5: roles[1]: euro-chef pays in EUR, pastry-chef in "
        "USD: roles on one comparison sheet must share currency and period\n"
    )
    code, output = run(roles, "compare", "pastry-chef", "euro-chef")
    assert code == 1
    assert output == (
        "content/roles/euro-chef.yaml:17:3: salary.currency: euro-chef pays in EUR, pastry-chef "
        "in USD: roles on one comparison sheet must share currency and period\n"
    )


def test_unknown_roles_and_role_counts_are_refused(roles: Path) -> None:
    write(roles, "content/comparisons/bad.yaml", "title: Bad\nroles: [pastry-chef, ghost]\n")
    write(roles, "content/comparisons/five.yaml",
          "title: Five\nroles: [a, b, c, d, e]\n")  # fmt: skip
    code, output = run(roles, "validate")
    assert code == 1
    assert output.splitlines() == [
        "content/comparisons/bad.yaml:2:22: roles[1]: no role 'ghost' in content/roles",
        "content/comparisons/five.yaml:2:1: roles: list should have at most 4 items after "
        "validation, not 5",
    ]
    assert run(roles, "compare", "pastry-chef", "ghost") == (
        1,
        "content/roles/ghost.yaml: no role 'ghost'\n",
    )
    assert run(roles, "compare", "pastry-chef") == (2, "compare takes 2 to 4 roles (got 1)\n")


def test_adhoc_compare_is_one_command(roles: Path, tmp_path: Path) -> None:
    target = tmp_path / "cmp.pdf"
    code, output = run(roles, "compare", "data-analyst", "pastry-chef", "--out", str(target))
    assert (code, output) == (0, f"wrote {target}\n")
    text = PdfReader(target).pages[0].extract_text()
    assert "Data Analyst" in text and "Pastry Chef" in text
