from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from tests.conftest import write

from guidepress.cli import cli

ROLE = """
title: Chef
summary: Cooks.
salary:
  currency: USD
  min: 90000
  max: 30000
"""


def validate(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--project", str(root), "validate", *args])
    return result.exit_code, result.output


def test_salary_min_above_max_is_one_located_line(project: Path) -> None:
    write(project, "content/roles/chef.yaml", ROLE)
    code, output = validate(project)
    assert code == 1
    assert output == (
        "content/roles/chef.yaml:6:3: salary.max: must be greater than salary.min "
        "(got 30000 < 90000)\n"
    )


def test_every_problem_in_every_file_in_one_run(project: Path) -> None:
    write(
        project,
        "content/roles/a.yaml",
        """
        title: A
        sumary: typo
        growth_rate: fast
        salary:
          min: 10
          max: 20
          median: 30
          levels: {entry: 5}
        """,
    )
    write(project, "content/roles/b.yaml", "title: B\nsummary: ok\nmarket_demand: Huge\n")
    code, output = validate(project)
    assert code == 1
    assert output.splitlines() == [
        "content/roles/a.yaml:1:1: summary: required field is missing",
        "content/roles/a.yaml:2:1: sumary: unknown field (did you mean 'summary'?)",
        "content/roles/a.yaml:3:1: growth_rate: must be a number (got 'fast')",
        "content/roles/b.yaml:3:1: market_demand: must be one of 'Low', 'Moderate', 'High' "
        "or 'Very High' (got 'Huge')",
    ]


def test_salary_levels_and_median_inside_the_range(project: Path) -> None:
    write(
        project,
        "content/roles/a.yaml",
        """
        title: A
        summary: s
        salary:
          min: 10
          max: 20
          median: 30
          levels: {entry: 5, mid: 15}
        """,
    )
    code, output = validate(project)
    assert code == 1
    assert output.splitlines() == [
        "content/roles/a.yaml:6:3: salary.median: must be within salary.min and salary.max "
        "(got 30, range 10–20)",
        "content/roles/a.yaml:7:12: salary.levels.entry: must be within salary.min and "
        "salary.max (got 5, range 10–20)",
    ]


def test_nested_unknown_key_and_wrong_type(project: Path) -> None:
    write(
        project,
        "content/roles/a.yaml",
        """
        title: A
        summary: s
        tiers:
          - title: Junior
            experiance: 0-2 years
        pros: not a list
        """,
    )
    code, output = validate(project)
    assert code == 1
    assert output.splitlines() == [
        "content/roles/a.yaml:5:5: tiers[0].experiance: unknown field (did you mean 'experience'?)",
        "content/roles/a.yaml:6:1: pros: must be a list (got text 'not a list')",
    ]


def test_bad_slug_and_currency(project: Path) -> None:
    write(
        project,
        "content/roles/a.yaml",
        "title: A\nsummary: s\nslug: Not OK\nsalary: {currency: usd}\n",
    )
    code, output = validate(project)
    assert code == 1
    assert output.splitlines() == [
        "content/roles/a.yaml:3:1: slug: must be lowercase letters, digits and single hyphens, "
        "like 'chef-de-partie' (got 'Not OK')",
        "content/roles/a.yaml:4:10: salary.currency: must be a three-letter ISO 4217 code like "
        "USD (got 'usd')",
    ]


def test_yaml_syntax_error_and_duplicate_key_together(project: Path) -> None:
    write(project, "content/roles/a.yaml", "title: A\nsummary: [\n")
    write(project, "content/roles/b.yaml", "title: B\nsummary: s\ntitle: C\n")
    code, output = validate(project)
    assert code == 1
    lines = output.splitlines()
    assert lines[0].startswith("content/roles/a.yaml:3:1: YAML syntax error: ")
    assert lines[1] == "content/roles/b.yaml:3:1: title: duplicate key (first defined on line 1)"


def test_valid_project_says_ok(project: Path) -> None:
    write(project, "content/roles/a.yaml", "title: A\nsummary: s\n")
    assert validate(project) == (0, "ok: 1 roles, 1 brands\n")


def test_unknown_role_argument(project: Path) -> None:
    write(project, "content/roles/a.yaml", "title: A\nsummary: s\n")
    assert validate(project, "nope") == (1, "content/roles/nope.yaml: no role 'nope'\n")


def test_tier_years_are_parsed(project: Path) -> None:
    from guidepress.content.models import Role

    role = Role.model_validate(
        {
            "title": "A",
            "summary": "s",
            "tiers": [
                {"title": "J", "experience": "0-2 years"},
                {"title": "S", "experience": "8+ years"},
            ],
        }
    )
    assert [(t.years_min, t.years_max) for t in role.tiers] == [(0, 2), (8, None)]
