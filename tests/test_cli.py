from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from tests.conftest import write

from guidepress.cli import cli

SMALL_ROLE = """
title: Pastry Chef
summary: Makes *desserts* and breads.
salary: {currency: EUR, min: 30000, max: 50000, median: 40000}
growth_rate: 4
market_demand: Moderate
remote_friendly: false
responsibilities: [Bake bread., Plate desserts.]
"""


def run(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--project", str(root), *args])
    return result.exit_code, result.output


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_no_project_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 1
    assert result.output == (
        f"no guidepress.yaml found in {tmp_path.resolve()} or above; "
        "run 'guidepress init DIR' to create a project\n"
    )


def test_bad_usage_exits_2(project: Path) -> None:
    code, output = run(project, "build", "--paper", "a5")
    assert code == 2
    assert "Invalid value for '--paper'" in output


def test_unknown_brand_option_is_a_usage_error(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    assert run(project, "build", "--brand", "nope") == (
        2,
        "--brand: no brand 'nope' in content/brands\n",
    )


def test_init_then_build(tmp_path: Path) -> None:
    target = tmp_path / "careers"
    result = CliRunner().invoke(cli, ["init", str(target)])
    assert result.exit_code == 0, result.output
    assert (target / "guidepress.yaml").is_file()
    code, output = run(target, "build")
    assert code == 0, output
    manifest = json.loads((target / "output" / "manifest.json").read_text())
    assert [o["path"] for o in manifest["outputs"]] == ["guides/example-role.pdf"]
    again = CliRunner().invoke(cli, ["init", str(target)])
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


def test_schema_writes_four_schemas(project: Path, tmp_path: Path) -> None:
    code, _ = run(project, "schema", "--out", str(tmp_path / "s"))
    assert code == 0
    names = sorted(p.name for p in (tmp_path / "s").iterdir())
    assert names == [
        "brand.schema.json",
        "comparison.schema.json",
        "config.schema.json",
        "role.schema.json",
    ]
    role = json.loads((tmp_path / "s" / "role.schema.json").read_text())
    assert role["additionalProperties"] is False
    assert "salary" in role["properties"] and "description" in role["properties"]["tech_stack"]


def test_build_writes_manifest_as_specified(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    code, output = run(project, "build", "--kind", "guide")
    assert code == 0, output
    manifest = json.loads((project / "output" / "manifest.json").read_text())
    assert manifest["generator"].startswith("guidepress ")
    assert manifest["build_date"] == "2026-11-21"
    [entry] = manifest["outputs"]
    assert set(entry) == {
        "path",
        "kind",
        "roles",
        "brand",
        "locale",
        "paper",
        "format",
        "pages",
        "bytes",
        "sha256",
        "inputs_hash",
        "seconds",
        "status",
        "error",
    }
    assert entry["path"] == "guides/pastry-chef.pdf"
    assert (entry["kind"], entry["roles"], entry["status"], entry["error"]) == (
        "guide",
        ["pastry-chef"],
        "built",
        None,
    )
    pdf = project / "output" / entry["path"]
    assert entry["bytes"] == pdf.stat().st_size
    assert entry["pages"] == len(PdfReader(pdf).pages)
    assert not [p for p in pdf.parent.iterdir() if p.name.startswith(".")]


def test_letter_paper_is_612_by_792_points(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    code, output = run(project, "build", "--paper", "letter")
    assert code == 0, output
    box = PdfReader(project / "output" / "guides" / "pastry-chef.letter.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_html_format_is_self_contained(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    code, output = run(project, "build", "--format", "html")
    assert code == 0, output
    html = (project / "output" / "guides" / "pastry-chef.html").read_text()
    assert '<html lang="en">' in html and "<style>" in html
    assert 'url("assets/Inter-Regular.otf")' in html
    assert (project / "output" / "guides" / "assets" / "Inter-Regular.otf").is_file()


def test_one_broken_role_does_not_stop_the_others(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    write(
        project,
        "content/roles/broken.yaml",
        "title: Broken\nsummary: s\nsalary: {min: 9, max: 1}\n",
    )
    code, output = run(project, "build")
    assert code == 1
    assert "built  guides/pastry-chef.pdf" in output
    assert output.splitlines()[-1] == (
        "content/roles/broken.yaml:3:18: salary.max: must be greater than salary.min (got 1 < 9)"
    )
    assert (project / "output" / "guides" / "pastry-chef.pdf").is_file()


def test_failed_output_keeps_the_last_good_pdf(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    assert run(project, "build")[0] == 0
    good = (project / "output" / "guides" / "pastry-chef.pdf").read_bytes()
    write(project, "templates/partials/sections/responsibilities.html.j2", "{{ nope.nope }}\n")
    code, output = run(project, "build")
    assert code == 1
    assert "guides/pastry-chef.pdf: templates/" in output
    assert (project / "output" / "guides" / "pastry-chef.pdf").read_bytes() == good
    manifest = json.loads((project / "output" / "manifest.json").read_text())
    assert manifest["outputs"][0]["status"] == "failed"


def test_internal_error_is_one_line_with_a_traceback_file(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr("guidepress.build.pipeline.build", boom)
    code, output = run(project, "build")
    assert code == 3
    assert output.startswith("internal error: RuntimeError: kaboom (traceback written to ")
    assert "Traceback" not in output
