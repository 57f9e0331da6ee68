"""init and list on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import SMALL_ROLE, invoke, run, write


@pytest.mark.pdf
def test_init_then_build(tmp_path: Path) -> None:
    target = tmp_path / "careers"
    result = invoke(None, "init", str(target))
    assert result.exit_code == 0, result.output
    assert (target / "guidepress.yaml").is_file()
    code, output = run(target, "build")
    assert code == 0, output
    manifest = json.loads((target / "output" / "manifest.json").read_text())
    assert [o["path"] for o in manifest["outputs"]] == ["guides/example-role.pdf"]
    again = invoke(None, "init", str(target))
    assert again.exit_code == 1
    assert again.output == f"{target / 'guidepress.yaml'}: a project already exists here\n"


def test_list_json_has_the_documented_fields(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    code, output = run(project, "list", "--json")
    assert code == 0
    [row] = json.loads(output)
    assert {k: row[k] for k in row if k not in ("tiers", "path")} == {
        "slug": "pastry-chef",
        "title": "Pastry Chef",
        "median_salary": 40000,
        "currency": "EUR",
        "salary_min": 30000,
        "salary_max": 50000,
        "growth_rate": 4,
        "market_demand": "Moderate",
        "remote_friendly": False,
        "completeness": "full",
    }
