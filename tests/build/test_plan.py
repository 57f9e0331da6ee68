"""What a build selects: roles and comparisons by name, checked whatever the selection."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from guidepress.build.manifest import Entry
from guidepress.build.plan import gone, plan
from guidepress.build.request import BuildRequest
from guidepress.content.project import load_project
from tests.helpers import compared_role, manifest, run, write


def planned(root: Path, *names: str, kinds: tuple[str, ...] = ()) -> list[str]:
    project, _ = load_project(root, only=list(names) or None)
    return sorted(o.path for o in plan(project, BuildRequest(roles=names, kinds=kinds)))


def test_a_comparison_is_named_like_a_role(compared_roles: Path) -> None:
    write(compared_roles, "content/comparisons/pair.yaml",
          "title: Pair\nroles: [data-analyst, pastry-chef]\n")  # fmt: skip
    # The project builds guides only; naming the comparison builds its sheet, and only that.
    assert planned(compared_roles, "pair") == ["comparisons/pair.pdf"]
    assert planned(compared_roles, "content/comparisons/pair.yaml") == ["comparisons/pair.pdf"]
    assert planned(compared_roles, "pair", "nurse-practitioner") == [
        "comparisons/pair.pdf",
        "guides/nurse-practitioner.pdf",
    ]
    assert planned(compared_roles, "pair", kinds=("guide",)) == []
    # Roles named together bring their comparisons along when comparisons are built.
    assert planned(compared_roles, "data-analyst", "pastry-chef", kinds=("compare",)) == [
        "comparisons/pair.pdf"
    ]
    assert planned(compared_roles, "data-analyst", kinds=("compare",)) == []
    assert run(compared_roles, "validate", "pairr") == (
        1,
        "content/roles/pairr.yaml: no role or comparison 'pairr' (did you mean 'pair'?)\n",
    )


def test_a_comparison_is_checked_when_only_its_roles_are_selected(compared_roles: Path) -> None:
    write(compared_roles, "content/roles/euro-chef.yaml",
          yaml.safe_dump(compared_role("Euro Chef", 40000, "EUR")))  # fmt: skip
    write(compared_roles, "content/comparisons/mixed.yaml",
          "title: Mixed\nroles: [pastry-chef, euro-chef]\n")  # fmt: skip
    problem = (
        "content/comparisons/mixed.yaml:2:22: roles[1]: euro-chef pays in EUR, pastry-chef in "
        "USD: roles on one comparison sheet must share currency and period"
    )
    for names in (["pastry-chef", "euro-chef"], ["mixed"]):
        project, problems = load_project(compared_roles, only=names)
        assert [str(p) for p in problems] == [problem]
        assert project.failed_comparisons == {"mixed": ("pastry-chef", "euro-chef")}
    assert run(compared_roles, "validate", "mixed") == (1, problem + "\n")


def test_a_booklet_goes_with_its_config_not_with_a_role(project: Path) -> None:
    from guidepress.build.manifest import Entry
    from guidepress.build.plan import gone

    write(project, "guidepress.yaml", "booklets:\n  fair: {roles: all}\n")
    write(project, "content/roles/baker.yaml", "title: Baker\nsummary: Bakes.\n")

    def entry(path: str, kind: str, roles: list[str]) -> Entry:
        return Entry(path, kind, roles, "default", "en", "a4", "pdf", status="built")

    entries = [
        entry("booklets/fair.pdf", "booklet", ["baker", "brewer"]),  # brewer was deleted
        entry("booklets/old.pdf", "booklet", ["baker"]),  # no longer in guidepress.yaml
        entry("index.html", "catalogue", ["baker", "brewer"]),
        entry("guides/brewer.pdf", "guide", ["brewer"]),
    ]
    loaded, _ = load_project(project)
    assert gone(loaded, entries) == {"booklets/old.pdf", "guides/brewer.pdf"}
    # A guidepress.yaml with problems removes no booklet: its booklets are not known.
    write(project, "guidepress.yaml", "booklets:\n  fair: {roles: all}\nkindz: []\n")
    broken, problems = load_project(project)
    assert problems and gone(broken, entries) == {"guides/brewer.pdf"}


@pytest.mark.pdf
def test_the_catalogue_is_made_after_a_sharded_build_not_in_a_shard(project: Path) -> None:
    write(project, "guidepress.yaml", "kinds: [guide, catalogue]\n")
    write(project, "content/roles/baker.yaml", "title: Baker\nsummary: Bakes.\n")
    loaded, _ = load_project(project)
    planned_paths = [o.path for o in plan(loaded, BuildRequest())]
    assert sorted(planned_paths) == ["guides/baker.pdf", "index.html"]
    code, output = run(project, "build", "--shard", "1/1", "--format", "html")
    assert code == 0, output
    assert sorted(entry["path"] for entry in manifest(project / "output")["outputs"]) == [
        "guides/baker.html"
    ]
    # Once the shards are merged, a build of the catalogue lists them all.
    assert run(project, "build", "--kind", "catalogue")[0] == 0
    assert "guides/baker.html" in (project / "output" / "index.html").read_text()


def test_big_paper_is_for_comparisons_only(compared_roles: Path) -> None:
    write(compared_roles, "content/comparisons/pair.yaml",
          "title: Pair\nroles: [data-analyst, pastry-chef]\n")  # fmt: skip
    assert run(compared_roles, "build", "--paper", "a3", "--kind", "guide") == (
        2,
        "--paper a3: kind guide prints on A4 or Letter only; A3 is for comparison sheets "
        "(--kind compare)\n",
    )
    write(compared_roles, "guidepress.yaml", "paper: a3\nkinds: [guide, sheet, compare]\n")
    assert run(compared_roles, "build") == (
        2,
        "paper: a3 in guidepress.yaml: kinds guide and sheet print on A4 or Letter only; A3 is "
        "for comparison sheets (--kind compare)\n",
    )
    # Naming a comparison selects its sheet only: that prints on any paper.
    project, _ = load_project(compared_roles, only=["pair"])
    request = BuildRequest(roles=("pair",), paper="tabloid")
    assert [o.path for o in plan(project, request)] == ["comparisons/pair.tabloid.pdf"]


def test_a_comparison_in_a_region_is_found_by_its_name_before_the_suffixes(demo: Path) -> None:
    """``comparisons/NAME[.locale][@region].pdf``: gone only when NAME's file is gone."""
    project, _ = load_project(demo, only=["strategic-account-manager"])
    roles = ["strategic-account-manager", "customer-success-manager"]
    entries = [
        Entry(f"comparisons/{name}.pdf", "compare", roles, "default", "en", "a4", "pdf")
        for name in (
            "account-vs-success@oh",
            "account-vs-success.es@18140",
            "strategic-account-manager-vs-customer-success-manager@oh",  # ad hoc
            "old@oh",
        )
    ]
    assert gone(project, entries) == {"comparisons/old@oh.pdf"}
