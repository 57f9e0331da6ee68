"""Role and comparison files checked: every problem of every file in one run, each on one
located line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.helpers import SLUG_RULE, compared_role, invoke, run, run_err, validate_lines, write

ROLE = """
title: Chef
summary: Cooks.
salary:
  currency: USD
  min: 90000
  max: 30000
"""


def validate(root: Path, *args: str) -> tuple[int, str]:
    return run(root, "validate", *args)


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
        # Schema errors do not hide the pay checks of the same file.
        "content/roles/a.yaml:7:3: salary.median: must be within salary.min and salary.max "
        "(got 30, range 10–20)",
        "content/roles/a.yaml:8:12: salary.levels.entry: must be within salary.min and "
        "salary.max (got 5, range 10–20)",
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
    assert lines[0] == "content/roles/a.yaml:2:10: YAML syntax error: this [ is never closed with ]"
    assert lines[1] == "content/roles/b.yaml:3:1: title: duplicate key (first defined on line 1)"


def test_valid_project_says_ok(project: Path) -> None:
    write(project, "content/roles/a.yaml", "title: A\nsummary: s\n")
    assert validate(project) == (0, "ok: 1 roles, 1 brands\n")


def test_unknown_role_argument(project: Path) -> None:
    write(project, "content/roles/a.yaml", "title: A\nsummary: s\n")
    assert validate(project, "nope") == (
        1,
        "content/roles/nope.yaml: no role or comparison 'nope'\n",
    )


def test_link_fields_take_web_addresses_only(project: Path) -> None:
    write(
        project,
        "content/roles/r.yaml",
        "title: R\nsummary: s\nurl: javascript:alert(1)\nreferences:\n"
        "  - {title: T, url: 'file:///etc/passwd'}\n",
    )
    hint = "must be a web address (http:// or https://) or a mailto: address"
    assert run_err(project, "validate") == (
        1,
        f"content/roles/r.yaml:3:1: url: {hint} (got 'javascript:alert(1)')\n"
        f"content/roles/r.yaml:5:16: references[0].url: {hint} (got 'file:///etc/passwd')\n",
    )


def test_slug_with_path_traversal_is_a_located_error(project: Path) -> None:
    write(project, "content/roles/x.yaml", "title: X\nslug: ../../etc/x\nsummary: s\n")
    assert run_err(project, "validate") == (
        1,
        f"content/roles/x.yaml:2:1: slug: must be {SLUG_RULE} (got '../../etc/x')\n",
    )


def test_a_pick_out_of_range_is_located(project: Path) -> None:
    write(
        project,
        "content/roles/a.yaml",
        "title: A\nsummary: s\npros: [Good.]\nsheet:\n  pros: [1, 4]\n",
    )
    result = invoke(project, "validate")
    assert result.exit_code == 1
    assert result.output == (
        "content/roles/a.yaml:5:13: sheet.pros[1]: there is no item 4 in pros (it has 1)\n"
    )


# --- Comparison files ------------------------------------------------------------------------


def test_mixed_currencies_are_refused_with_a_located_message(compared_roles: Path) -> None:
    write(
        compared_roles,
        "content/roles/euro-chef.yaml",
        yaml.safe_dump(compared_role("Euro Chef", 40000, "EUR")),
    )
    write(compared_roles, "content/comparisons/mixed.yaml",
          "title: Mixed\nroles:\n  - pastry-chef\n  - euro-chef\n")  # fmt: skip
    code, output = run(compared_roles, "validate")
    assert code == 1
    assert output == (
        "content/comparisons/mixed.yaml:4:5: roles[1]: euro-chef pays in EUR, pastry-chef in "
        "USD: roles on one comparison sheet must share currency and period\n"
    )
    code, output = run(compared_roles, "compare", "pastry-chef", "euro-chef")
    assert code == 1
    assert output == (
        "content/roles/euro-chef.yaml:17:3: salary.currency: euro-chef pays in EUR, pastry-chef "
        "in USD: roles on one comparison sheet must share currency and period\n"
    )


def test_unknown_roles_and_role_counts_are_refused(compared_roles: Path) -> None:
    write(
        compared_roles, "content/comparisons/bad.yaml", "title: Bad\nroles: [pastry-chef, ghost]\n"
    )
    write(compared_roles, "content/comparisons/five.yaml",
          "title: Five\nroles: [a, b, c, d, e]\n")  # fmt: skip
    code, output = run(compared_roles, "validate")
    assert code == 1
    assert output.splitlines() == [
        "content/comparisons/bad.yaml:2:22: roles[1]: no role 'ghost' in content/roles",
        "content/comparisons/five.yaml:2:1: roles: list should have at most 4 items after "
        "validation, not 5",
        *(
            f"content/comparisons/five.yaml:2:{col}: roles[{i}]: no role '{name}' in content/roles"
            for i, (name, col) in enumerate(zip("abcde", (9, 12, 15, 18, 21), strict=True))
        ),
    ]
    assert run(compared_roles, "compare", "pastry-chef", "ghost") == (
        1,
        "content/roles/ghost.yaml: no role 'ghost'\n",
    )
    assert run(compared_roles, "compare", "pastry-chef") == (
        2,
        "compare takes 2 to 4 roles (got 1)\n",
    )


# --- Everything in one run --------------------------------------------------------------------


def test_one_run_says_every_problem_of_every_kind_of_file(project: Path) -> None:
    write(project, "guidepress.yaml", "title: T\nkinds: [guide, sheet]\n")
    # A misindented key: the file cannot be read, the others are still checked.
    write(project, "content/roles/baker.yaml", "title: Baker\nsummary: Bakes.\n  salary: 5\n")
    # Schema errors beside cross-field ones: every one of them.
    write(
        project,
        "content/roles/chef.yaml",
        """
        title: Chef
        summary: Cooks.
        sumary: typo
        growth_rate: fast
        salary: {min: 90000, max: 30000}
        tiers:
          - {title: Commis, experience: 5-2 years}
        pros: [Good food.]
        sheet: {pros: [2]}
        """,
    )
    # A bad colour beside a contrast problem and a missing logo.
    write(
        project,
        "content/brands/inky/brand.yaml",
        """
        name: Inky
        logo: logo.svg
        logo_alt: Inky
        colors: {primary: "#12345", muted: "#dddddd"}
        """,
    )
    # A schema error beside an unknown role and an unknown brand.
    write(
        project,
        "content/comparisons/kitchen.yaml",
        "title: Kitchen\nroles: [chef, bakr]\nbrand: inkky\ncolour: red\n",
    )
    write(
        project, "templates/sheet.html.j2", '{% extends "theme:sheet.html.j2" %}\n{% block x %}\n'
    )
    code, output = validate(project)
    assert code == 1
    assert output.splitlines() == [
        "content/brands/inky/brand.yaml:2:1: logo: file not found: logo.svg",
        "content/brands/inky/brand.yaml:4:10: colors.primary: must be a hex colour like #0b4f6c "
        "(got '#12345')",
        "content/brands/inky/brand.yaml:4:29: colors.muted: contrast 1.3:1 against background "
        "#ffffff is below WCAG AA 4.5:1 (secondary text)",
        "content/comparisons/kitchen.yaml:2:15: roles[1]: no role 'bakr' in content/roles "
        "(did you mean 'baker'?)",
        "content/comparisons/kitchen.yaml:3:1: brand: no brand 'inkky' in content/brands "
        "(did you mean 'inky'?)",
        "content/comparisons/kitchen.yaml:4:1: colour: unknown field",
        "content/roles/baker.yaml:3:3: YAML syntax error: this key is indented deeper than the "
        "key above it: keys of one mapping start in the same column",
        "content/roles/chef.yaml:3:1: sumary: unknown field (did you mean 'summary'?)",
        "content/roles/chef.yaml:4:1: growth_rate: must be a number (got 'fast')",
        "content/roles/chef.yaml:5:22: salary.max: must be greater than salary.min "
        "(got 30000 < 90000)",
        "content/roles/chef.yaml:7:21: tiers[0].experience: the most years must not be below "
        "the fewest (got 2 < 5)",
        "content/roles/chef.yaml:9:16: sheet.pros[0]: there is no item 2 in pros (it has 1)",
        "templates/sheet.html.j2:2: Unexpected end of template. Jinja was looking for the "
        "following tags: 'endblock'. The innermost block that needs to be closed is 'block'.",
    ]


def test_a_template_the_outputs_do_not_use_is_not_checked(project: Path) -> None:
    write(project, "content/roles/a.yaml", "title: A\nsummary: s\n")
    write(project, "templates/sheet.html.j2", "{% if %}\n")  # only guides are built
    write(
        project, "templates/guide.html.j2", '{% extends "theme:guide.html.j2" %}\n{{ x | nope }}\n'
    )
    assert validate(project) == (1, "templates/guide.html.j2:2: No filter named 'nope'.\n")


def test_a_template_an_override_includes_is_checked_where_it_is(project: Path) -> None:
    write(project, "content/roles/a.yaml", "title: A\nsummary: s\n")
    write(project, "templates/guide.html.j2", '{% include "partials/mine.html.j2" %}\n')
    assert validate(project) == (
        1,
        "templates/partials/mine.html.j2: template not found (used by templates/guide.html.j2)\n",
    )
    write(project, "templates/partials/mine.html.j2", "<p>\n{{ ctx.title }\n")
    assert validate(project) == (
        1,
        "templates/partials/mine.html.j2:2: unexpected '}'\n",
    )


def test_role_files_can_be_named_by_path_and_unknown_names_get_a_suggestion(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(project, "content/roles/customer-success-manager.yaml", ROLE)
    expected = (
        "content/roles/customer-success-manager.yaml:6:3: salary.max: must be greater than "
        "salary.min (got 30000 < 90000)\n"
    )
    monkeypatch.chdir(project)
    assert validate(project, "content/roles/customer-success-manager.yaml") == (1, expected)
    assert validate(project, str(project / "content/roles/customer-success-manager.yaml")) == (
        1,
        expected,
    )
    assert validate(project, "customer-succes-manager") == (
        1,
        "content/roles/customer-succes-manager.yaml: no role or comparison "
        "'customer-succes-manager' (did you mean 'customer-success-manager'?)\n",
    )
    assert validate(project, "content/roles/x.yaml") == (1, "content/roles/x.yaml: no such file\n")
    assert validate(project, "guidepress.yaml") == (
        1,
        "guidepress.yaml: not a role or comparison file (they are content/roles/NAME.yaml or "
        "content/comparisons/NAME.yaml)\n",
    )


# Occupation codes and regions -----------------------------------------------------------------


def test_occupation_codes_have_their_forms(project: Path) -> None:
    write(
        project,
        "content/roles/a.yaml",
        """
        title: A
        summary: S.
        occupation: {soc: "414011", onet: "41-4011"}
        """,
    )
    write(project, "content/roles/b.yaml", "title: B\nsummary: S.\noccupation: {}\n")
    write(
        project,
        "content/roles/c.yaml",
        'title: C\nsummary: S.\noccupation: {soc: "41-4011", onet: "41-3091.00"}\n',
    )
    write(project, "content/roles/d.yaml", 'title: D\nsummary: S.\noccupation: {code: "24 33"}\n')
    code, lines = validate_lines(project)
    assert code == 1
    assert lines == [
        "content/roles/a.yaml:3:14: occupation.soc: must be a SOC code like 41-4011 (got '414011')",
        "content/roles/a.yaml:3:29: occupation.onet: must be an O*NET-SOC code like 41-4011.00 "
        "(got '41-4011')",
        "content/roles/b.yaml:3:1: occupation: give soc (a SOC code like 41-4011), onet or code",
        "content/roles/c.yaml:3:30: occupation.onet: 41-3091.00 is not in SOC 41-4011 (an "
        "O*NET-SOC code starts with its SOC code)",
        "content/roles/d.yaml:3:14: occupation.code: must be an occupation code: letters, digits, "
        "dots and hyphens, like 2433 (got '24 33')",
    ]


def test_an_onet_code_alone_gives_the_soc_code() -> None:
    from guidepress.content.models.role import OccupationCodes

    assert OccupationCodes(onet="41-4011.07").soc_code == "41-4011"
    assert OccupationCodes(soc="13-1199").soc_code == "13-1199"
    assert OccupationCodes(code="2433").soc_code is None


def test_region_codes_in_the_config(project: Path) -> None:
    write(project, "guidepress.yaml", "title: T\nregions: [oh, US, 'Ohio state']\n")
    code, lines = validate_lines(project)
    assert code == 1
    assert lines == [
        "guidepress.yaml:2:19: regions[2]: must be a region code like US, OH or 18140 "
        "(got 'Ohio state')",
    ]
    write(project, "guidepress.yaml", "title: T\nregions: [oh, '18140']\n")
    from guidepress.content.project import load_config

    assert load_config(project)[0].regions == ["OH", "18140"]


def test_pay_data_files_stay_inside_the_project(project: Path) -> None:
    write(project, "guidepress.yaml", "title: T\ndata: {store: ../pay.sqlite, onet: /etc/x}\n")
    code, lines = validate_lines(project)
    assert code == 1
    assert lines == [
        "guidepress.yaml:2:8: data.store: must be a file inside the project (got '../pay.sqlite')",
        "guidepress.yaml:2:30: data.onet: must be a file inside the project (got '/etc/x')",
    ]


# --- Text with ': ' in it, not in quotes ---------------------------------------------------


def test_a_colon_in_text_says_to_quote_it_at_its_line(project: Path) -> None:
    # YAML reads each of these as a key and a value, not text; the message says so once, at
    # the line, instead of the fields a {text, audiences} item or a mapping would lack.
    write(
        project,
        "content/roles/nurse.yaml",
        """
        title: Nurse
        alt_titles: [RN, Staff Nurse: ward]
        summary:
          Nurses care for patients: they assess and treat.
        responsibilities:
          - Assess patients.
          - Note: check the five rights each time you give a medicine.
        tech_skills:
          - Patient assessment: head to toe
        work_life_note:
          - Shifts: twelve hours, nights and weekends.
        salary:
          currency: USD
          median: 90000
          Pay note: from BLS, May 2025
        Nurses work in hospitals: and in homes.
        """,
    )
    code, output = validate(project)
    assert code == 1
    quote = "contains ': ', so YAML reads a key and a value: put the text in quotes"
    assert output.splitlines() == [
        f"content/roles/nurse.yaml:2:18: alt_titles[1]: 'Staff Nurse: ward' {quote}",
        f"content/roles/nurse.yaml:4:3: summary: 'Nurses care for patients: they assess...' "
        f"{quote}",
        "content/roles/nurse.yaml:7:5: responsibilities[1]: "
        f"'Note: check the five rights each time...' "
        f"{quote}",
        f"content/roles/nurse.yaml:9:5: tech_skills[0]: 'Patient assessment: head to toe' {quote}",
        f"content/roles/nurse.yaml:11:5: work_life_note[0]: 'Shifts: twelve hours, nights and...' "
        f"{quote}",
        f"content/roles/nurse.yaml:15:3: salary: 'Pay note: from BLS, May 2025' {quote}",
        f"content/roles/nurse.yaml:16:1: 'Nurses work in hospitals: and in homes.' {quote}",
    ]


def test_a_mistyped_field_of_a_bullet_is_still_named(project: Path) -> None:
    # One key close to a field's name is a typo of it, not text with a colon.
    write(
        project,
        "content/roles/nurse.yaml",
        """
        title: Nurse
        summary: Cares.
        responsibilities:
          - {txt: Assess patients., audiences: [student]}
          - texts: Give medicines.
        """,
    )
    code, output = validate(project)
    assert code == 1
    assert "responsibilities[0].txt: unknown field (did you mean 'text'?)" in output
    assert "responsibilities[1].texts: unknown field (did you mean 'text'?)" in output
    assert "quotes" not in output
