"""Translation overlays: merged key by key, their problems located in the overlay."""

from __future__ import annotations

from pathlib import Path

from guidepress.content.project import load_project
from guidepress.i18n.labels import catalogue
from guidepress.render.translation import guide_groups, notice
from tests.helpers import PASTRY_CHEF, run, write


def test_a_nested_overlay_merges_key_by_key(project: Path) -> None:
    write(
        project,
        "content/roles/pastry-chef.yaml",
        PASTRY_CHEF + "outlook: {growth_rate: 4, status: Growing}\n",
    )
    write(project, "content/roles/pastry-chef.de.yaml", "outlook: {status: Wachsend}\n")
    loaded, problems = load_project(project)
    assert problems == []
    role = loaded.localized("pastry-chef", "de")
    assert role.outlook is not None
    assert (role.outlook.status, role.outlook.growth_rate) == ("Wachsend", 4)
    assert "Berufsaussichten" not in (notice(role, catalogue("de"), guide_groups()) or "")


def test_overlay_problems_are_located_in_the_overlay(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", PASTRY_CHEF)
    write(
        project,
        "content/roles/pastry-chef.es.yaml",
        """
        title: Pastelero
        sumary: Hace postres.
        salary: {median: mucho}
        tiers: [{experience: 2 años}]
        """,
    )
    write(project, "content/roles/pastry-chef.fr.yaml", "slug: chef-patissier\n")
    write(project, "content/roles/pastry-chef.backup.yaml", "title: Old\n")
    write(project, "content/roles/ghost.de.yaml", "title: Geist\n")
    code, output = run(project, "validate")
    assert code == 1
    assert output.splitlines() == [
        "content/roles/ghost.de.yaml: overlay of a role that does not exist (ghost.yaml)",
        "content/roles/pastry-chef.backup.yaml: 'backup' is not a locale code: overlays are "
        "named pastry-chef.LOCALE.yaml",
        "content/roles/pastry-chef.es.yaml:2:1: sumary: unknown field (did you mean 'summary'?)",
        "content/roles/pastry-chef.es.yaml:3:10: salary.median: must be a number (got 'mucho')",
        "content/roles/pastry-chef.es.yaml:4:9: tiers[0].title: required field is missing",
        "content/roles/pastry-chef.fr.yaml:1:1: slug: an overlay cannot change the role's slug",
    ]


def test_overlay_breaking_a_rule_of_the_role_file_names_the_role_file(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", PASTRY_CHEF)
    write(project, "content/roles/pastry-chef.es.yaml", "salary: {max: 60000}\n")
    code, output = run(project, "validate")
    assert (code, output) == (
        1,
        "content/roles/pastry-chef.es.yaml:1:10: salary.max: must be greater than salary.min "
        "(got 60000 < 70000)\n",
    )
