"""Input hashes: a change rebuilds exactly the outputs made from what changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import (
    BAKER_AND_BREWER,
    PASTRY_CHEF,
    PASTRY_CHEF_ES,
    REPO,
    add_role,
    rebuilt,
    run,
    run_build,
    write,
)


@pytest.mark.pdf
def test_changing_a_role_rebuilds_only_its_outputs(two_roles: Path) -> None:
    add_role(two_roles, "baker", "Master Baker")
    assert run_build(two_roles)[0] == 0
    assert rebuilt(two_roles) == {"guides/baker.pdf", "sheets/baker.pdf"}


@pytest.mark.pdf
def test_changing_a_template_rebuilds_only_the_kinds_that_use_it(two_roles: Path) -> None:
    write(two_roles, "templates/sheet.html.j2", '{% extends "theme:sheet.html.j2" %}\n')
    assert run_build(two_roles)[0] == 0
    assert rebuilt(two_roles) == {"sheets/baker.pdf", "sheets/brewer.pdf"}
    builtin = REPO / "styles" / "guide.css"
    write(two_roles, "styles/guide.css", builtin.read_text() + "\nh2 { color: #7a1f3d }\n")
    assert run_build(two_roles)[0] == 0
    assert rebuilt(two_roles) == {"guides/baker.pdf", "guides/brewer.pdf"}


@pytest.mark.pdf
def test_changing_the_brand_rebuilds_its_outputs(two_roles: Path) -> None:
    brand = two_roles / "content" / "brands" / "default" / "brand.yaml"
    brand.write_text(brand.read_text().replace("#0b4f6c", "#7a1f3d"))
    assert run_build(two_roles)[0] == 0
    assert rebuilt(two_roles) == BAKER_AND_BREWER


@pytest.mark.pdf  # an HTML guide is laid out once: the paginator's pages are in it
def test_an_overlay_feeds_the_inputs_hash_of_its_locale_only(project: Path) -> None:
    write(project, "guidepress.yaml", "locales: [en, es]\n")
    write(project, "content/roles/pastry-chef.yaml", PASTRY_CHEF)
    overlay = write(project, "content/roles/pastry-chef.es.yaml", PASTRY_CHEF_ES)

    def hashes() -> dict[str, str]:
        code, output = run(project, "build", "--format", "html")
        assert code == 0, output
        manifest = json.loads((project / "output" / "manifest.json").read_text())
        return {o["locale"]: o["inputs_hash"] for o in manifest["outputs"]}

    before = hashes()
    overlay.write_text(PASTRY_CHEF_ES.replace("Hornear pan.", "Hornear el pan."), encoding="utf-8")
    after = hashes()
    assert after["en"] == before["en"] and after["es"] != before["es"]
