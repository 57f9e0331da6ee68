"""init, validate and list on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guidepress.content.models.role import RelatedRole
from guidepress.content.project import load_project
from tests.helpers import SMALL_ROLE, add_role, invoke, run, write


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


def test_json_money_is_a_whole_number_when_it_is_one(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE.replace("40000", "40000.5"))
    code, output = run(project, "list", "--json")
    assert code == 0, output
    assert '"salary_min": 30000,' in output and '"median_salary": 40000.5,' in output
    assert '"growth_rate": 4,' in output and ".0," not in output


def test_list_shows_the_valid_roles_then_the_problems(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    write(project, "content/roles/broken.yaml", "title: Broken\nsummary: s\ngrowth_rate: x\n")
    result = invoke(project, "list")
    assert result.exit_code == 1
    assert result.stdout == (f"{'pastry-chef':<36} {'40,000 EUR':>16}  full     Pastry Chef\n")
    assert (
        result.stderr == "content/roles/broken.yaml:3:1: growth_rate: must be a number (got 'x')\n"
    )
    result = invoke(project, "list", "--json")
    assert result.exit_code == 1
    assert [row["slug"] for row in json.loads(result.stdout)] == ["pastry-chef"]


@pytest.mark.parametrize("command", ["list", "validate"])
def test_project_goes_before_or_after_the_command(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    monkeypatch.chdir(tmp_path)  # no project here
    before = invoke(None, "--project", str(project), command)
    after = invoke(None, command, "--project", str(project))
    assert before.exit_code == after.exit_code == 0, after.output
    assert before.output == after.output


def test_validate_ties_related_roles_to_the_project_and_warns_about_the_rest(
    project: Path,
) -> None:
    add_role(project, "registered-nurse", "Registered Nurse")
    add_role(project, "midwife", "Midwife")
    related = (
        "related_roles:\n  - registered-nurse\n  - midwife\n  - registered-nurze\n"
        "  - title: Occupational Therapist\n  - {title: Doula, slug: doula}\n"
    )
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE + related)
    result = invoke(project, "validate")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "warning: content/roles/pastry-chef.yaml:11:5: related_roles[2]: 'registered-nurze' is "
        "not a role of this project, so it prints as a title (did you mean 'registered-nurse'?) "
        "(for a role outside the project write 'title: ...')\n"
        "warning: content/roles/pastry-chef.yaml:13:20: related_roles[4].slug: no role 'doula' "
        "in this project\n"
    )
    # A build of one role still finds the titles of the roles it names in their files.
    project_, _ = load_project(project, only=["pastry-chef"])
    assert project_.roles["pastry-chef"].related_roles == [
        RelatedRole(title="Registered Nurse", slug="registered-nurse"),
        RelatedRole(title="Midwife", slug="midwife"),
        RelatedRole(title="registered-nurze"),
        RelatedRole(title="Occupational Therapist"),
        RelatedRole(title="Doula", slug="doula"),
    ]
