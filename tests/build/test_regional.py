"""Regional editions in the build: official pay looked up once, every problem on one located
line with exit 1 while the other outputs still build, the inputs hash holding exactly the
figures an output prints. HTML outputs: nothing here lays out a PDF (tests/paper/ does)."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from guidepress.build.regional import fingerprint, look_up, mismatch
from guidepress.content.project import load_project
from guidepress.paydata import Store, import_oews, lookup
from guidepress.render.context import Official
from tests.helpers import DEMO_DATA, manifest, run, run_err, write
from tests.paydata.conftest import oews_row as bls_row
from tests.paydata.conftest import write_oews

SAM = "content/roles/strategic-account-manager.yaml"
CSM = "content/roles/customer-success-manager.yaml"
SAM_TITLE = "Sales Representatives, Wholesale and Manufacturing, Technical and Scientific Products"
REGION_HELP = "use US, a state or territory code (OH, PR) or a BLS metro area code (18140)"


def statuses(root: Path) -> dict[str, str]:
    return {e["path"]: e["status"] for e in manifest(root / "output")["outputs"]}


def guides(root: Path, *args: str) -> tuple[int, list[str]]:
    """Build the guides as HTML (nothing laid out): exit code and the problem lines."""
    code, errors = run_err(root, "build", "--kind", "guide", "--format", "html", *args)
    return code, errors.splitlines()


@pytest.mark.pdf  # its HTML guide is laid out: the paginator's pages are in it
def test_regional_outputs_are_named_and_recorded_by_region(demo: Path) -> None:
    code, lines = guides(demo, "--region", "oh", "--region", "18140", "--region", "US")
    assert code == 0, lines
    entries = {e["path"]: e for e in manifest(demo / "output")["outputs"]}
    # The project's first region (US) keeps the short name; the others say theirs after "@".
    assert {path: e["region"] for path, e in entries.items()} == {
        "guides/customer-success-manager.html": "US",
        "guides/customer-success-manager@18140.html": "18140",
        "guides/customer-success-manager@oh.html": "OH",
        "guides/strategic-account-manager.html": "US",
        "guides/strategic-account-manager@18140.html": "18140",
        "guides/strategic-account-manager@oh.html": "OH",
    }
    html = (demo / "output/guides/strategic-account-manager@oh.html").read_text("utf-8")
    assert "MEDIAN PAY, OHIO" in html.upper() and "$108,370" in html


def test_o_names_the_region_when_regions_tell_the_outputs_apart(demo: Path) -> None:
    args = ("strategic-account-manager", "--kind", "sheet", "--region", "OH", "--region", "TX")
    assert run(demo, "build", *args, "-o", "x.pdf") == (
        2,
        "-o: writes one output, and 2 are selected: sheets/strategic-account-manager@oh.pdf, "
        "sheets/strategic-account-manager@tx.pdf; choose one with --region\n",
    )


@pytest.mark.pdf  # its HTML guide is laid out: the paginator's pages are in it
def test_an_unknown_region_fails_its_outputs_only(demo: Path) -> None:
    code, lines = guides(demo, "--region", "ZZ", "--region", "OH")
    assert code == 1
    assert lines == [f"--region: unknown region 'ZZ': {REGION_HELP}"]
    assert statuses(demo) == {
        "guides/customer-success-manager@oh.html": "built",
        "guides/customer-success-manager@zz.html": "failed",
        "guides/strategic-account-manager@oh.html": "built",
        "guides/strategic-account-manager@zz.html": "failed",
    }


@pytest.mark.parametrize(
    ("region", "message"),
    [
        ("99999", "unknown region '99999': not an area in May 2025"),
        ("AS", "no data for AS (American Samoa) in May 2025"),
        ("Ohio", f"unknown region 'Ohio': {REGION_HELP}; did you mean OH (Ohio)?"),
        (
            "columbus",
            f"unknown region 'columbus': {REGION_HELP}; did you mean 18140 (Columbus, OH)?",
        ),
    ],
)
def test_unknown_region_messages(demo: Path, region: str, message: str) -> None:
    code, lines = guides(demo, "--region", region)
    assert code == 1
    assert lines == [f"--region: {message}"]


@pytest.mark.pdf  # its HTML guide is laid out: the paginator's pages are in it
def test_an_unknown_region_in_the_config_is_placed_there(demo: Path) -> None:
    write(demo, "guidepress.yaml", DEMO_DATA + "regions: [US, XX]\n")
    code, lines = guides(demo)
    assert code == 1
    assert lines == [f"guidepress.yaml:3:15: regions[1]: unknown region 'XX': {REGION_HELP}"]
    assert statuses(demo)["guides/strategic-account-manager.html"] == "built"


@pytest.mark.pdf  # its HTML guide is laid out: the paginator's pages are in it
def test_an_occupation_missing_in_a_region(demo: Path) -> None:
    code, lines = guides(demo, "--region", "GU", "--kind", "compare")
    assert code == 1
    # One line for the role, though its guide and the comparison both fail.
    assert lines == [
        f"{SAM}:288:3: occupation.soc: 41-4011 ({SAM_TITLE}) has no May 2025 data for Guam (GU)"
    ]
    assert statuses(demo) == {
        "comparisons/account-vs-success@gu.html": "failed",
        "guides/customer-success-manager@gu.html": "built",
        "guides/strategic-account-manager@gu.html": "failed",
    }


@pytest.mark.pdf  # its HTML guide is laid out: the paginator's pages are in it
def test_an_unknown_occupation_with_did_you_mean_by_title(demo: Path) -> None:
    write(
        demo,
        "content/roles/nurse.yaml",
        'title: Registered Nurse\nsummary: Cares.\noccupation: {soc: "29-1142"}\n',
    )
    code, lines = run(demo, "validate")
    assert code == 1
    assert lines.splitlines() == [
        "content/roles/nurse.yaml:3:14: occupation.soc: 29-1142 is not an occupation in "
        "May 2025; did you mean 29-1141 (Registered Nurses)?"
    ]
    code, lines = guides(demo)
    assert code == 1 and lines == [
        "content/roles/nurse.yaml:3:14: occupation.soc: 29-1142 is not an occupation in "
        "May 2025; did you mean 29-1141 (Registered Nurses)?"
    ]
    assert statuses(demo)["guides/customer-success-manager.html"] == "built"


@pytest.mark.pdf  # its HTML guide is laid out: the paginator's pages are in it
def test_a_role_without_occupation_in_a_regional_build(demo: Path) -> None:
    write(demo, "content/roles/chef.yaml", "title: Chef\nsummary: Cooks.\n")
    code, lines = guides(demo, "--region", "OH")
    assert code == 1
    assert lines == [
        "content/roles/chef.yaml:1:1: occupation: a regional edition (OH) needs the role's "
        'occupation code: add occupation.soc (guidepress data find "Chef")'
    ]


@pytest.mark.pdf  # its HTML guide is laid out: the paginator's pages are in it
def test_a_role_paid_in_another_currency(demo: Path) -> None:
    write(
        demo,
        "content/roles/chef.yaml",
        """
        title: Chef
        summary: Cooks.
        salary: {currency: EUR, min: 30000, max: 50000}
        occupation: {soc: "35-1011"}
        """,
    )
    code, lines = guides(demo)
    assert code == 1
    assert lines == [
        "content/roles/chef.yaml:3:10: salary.currency: EUR, but the pay data (May 2025) is in "
        "USD: a regional edition prints the role's range beside the official figures, in one "
        "currency"
    ]


@pytest.mark.pdf  # its HTML guide is laid out: the paginator's pages are in it
def test_an_area_without_published_wages(demo: Path) -> None:
    code, lines = guides(demo, "--region", "SD")
    assert code == 1
    assert lines == [
        f"{SAM}:288:3: occupation.soc: 41-4011 ({SAM_TITLE}) has no published wages for "
        "South Dakota (SD) in May 2025 (not published)"
    ]


def test_no_store_yet(demo: Path) -> None:
    (demo / "data/pay.sqlite").unlink()
    code, lines = guides(demo)
    assert code == 1
    assert lines == ["data/pay.sqlite: no pay data imported yet (guidepress data import oews FILE)"]
    assert set(statuses(demo).values()) == {"failed"}


def test_an_unknown_onet_code(demo: Path) -> None:
    text = (demo / SAM).read_text("utf-8").replace('onet: "41-4011.00"', 'onet: "41-4011.99"')
    (demo / SAM).write_text(text, "utf-8")
    code, lines = run(demo, "validate")
    assert code == 1
    assert lines.splitlines() == [
        f"{SAM}:289:3: occupation.onet: 41-4011.99 is not an occupation in "
        "data/onet_occupations.txt; did you mean 41-4011.00 (" + SAM_TITLE + ")?"
    ]


@pytest.mark.pdf  # its HTML guide is laid out: the paginator's pages are in it
def test_without_regions_the_store_is_never_opened(demo: Path) -> None:
    """A project without regions builds as before: no store needed, no region in the paths."""
    write(demo, "guidepress.yaml", "title: Career guides\n")
    shutil.rmtree(demo / "data")
    code, lines = guides(demo)
    assert code == 0, lines
    assert {e["path"]: e["region"] for e in manifest(demo / "output")["outputs"]} == {
        "guides/customer-success-manager.html": None,
        "guides/strategic-account-manager.html": None,
    }
    html = (demo / "output/guides/strategic-account-manager.html").read_text("utf-8")
    assert "$105,000" in html and '<figure class="chart salary-chart official-pay">' not in html


@pytest.mark.pdf  # its HTML guide is laid out: the paginator's pages are in it
def test_a_new_release_rebuilds_exactly_what_it_changes(demo: Path, tmp_path: Path) -> None:
    """Only Ohio's 41-4011 median changes: its sheet rebuilds, the rest stay cached."""
    code, _ = guides(demo, "--region", "OH", "--region", "US")
    assert code == 0
    source = demo / "data/oews_m2025_extract.csv"
    changed = tmp_path / "oews_m2025_corrected.csv"
    lines = source.read_text("utf-8").splitlines(keepends=True)
    ohio = [i for i, line in enumerate(lines) if line.startswith("39,Ohio") and ",41-4011," in line]
    assert len(ohio) == 1
    lines[ohio[0]] = lines[ohio[0]].replace(",108370,", ",109000,")
    changed.write_text("".join(lines), "utf-8")
    import_oews([changed], demo / "data/pay.sqlite")
    code, _ = guides(demo, "--region", "OH", "--region", "US")
    assert code == 0
    assert statuses(demo) == {
        "guides/customer-success-manager.html": "cached",
        "guides/customer-success-manager@oh.html": "cached",
        "guides/strategic-account-manager.html": "cached",
        "guides/strategic-account-manager@oh.html": "built",
    }
    assert "$109,000" in (demo / "output/guides/strategic-account-manager@oh.html").read_text()


def test_figures_from_different_releases_refuse_one_comparison(demo: Path, tmp_path: Path) -> None:
    project, _ = load_project(demo)
    found = look_up(project, ["OH"], sorted(project.roles))
    sam = found.official[("strategic-account-manager", "OH")]
    csm = found.official[("customer-success-manager", "OH")]
    assert mismatch([sam, csm], ["strategic-account-manager", "customer-success-manager"]) is None
    other = tmp_path / "oews_m2024.csv"
    write_oews(other, [bls_row(), bls_row(OCC_CODE="13-1199", OCC_TITLE="Business Ops")])
    import_oews([other], tmp_path / "old.sqlite", release="May 2024")
    with Store(tmp_path / "old.sqlite") as old:
        older = Official(lookup(old, "13-1199", "OH"))
    index, message = mismatch([sam, older], ["strategic-account-manager", "csm"]) or (0, "")
    assert index == 1
    assert message == (
        f"csm's figures come from May 2024 ({older.figures.release_id}), "
        f"strategic-account-manager's from May 2025 ({sam.figures.release_id}): roles on one "
        "comparison sheet must use one release"
    )


def test_a_comparison_of_hourly_and_annual_pay_is_refused(demo: Path, tmp_path: Path) -> None:
    hourly = {f"A_{c}": "-" for c in ("MEAN", "PCT10", "PCT25", "MEDIAN", "PCT75", "PCT90")}
    rows = [
        bls_row(),
        bls_row(OCC_CODE="13-1199", OCC_TITLE="Business Ops", **hourly),
        bls_row(OCC_CODE="00-0000", OCC_TITLE="All Occupations"),
    ]
    import_oews([write_oews(tmp_path / "m2025.csv", rows)], demo / "data/pay.sqlite")
    write(demo, "guidepress.yaml", DEMO_DATA + "regions: [OH]\n")
    problem = (
        "content/comparisons/account-vs-success.yaml:2:36: roles[1]: customer-success-manager's "
        "official pay in Ohio is hourly, strategic-account-manager's annual: roles on one "
        "comparison sheet must share currency and period\n"
    )
    assert run_err(demo, "build", "--kind", "compare", "--format", "html") == (1, problem)
    assert run(demo, "validate") == (1, problem)  # found without building


def test_fingerprint_holds_the_printed_figures_not_the_release_id(demo: Path) -> None:
    project, _ = load_project(demo)
    official = look_up(project, ["OH"], ["strategic-account-manager"]).official
    item = official[("strategic-account-manager", "OH")]
    same = Official(dataclasses.replace(item.figures, release_id="another import"), item.onet)
    assert fingerprint([item]) == fingerprint([same])
    moved = Official(dataclasses.replace(item.figures, median=108371.0), item.onet)
    assert fingerprint([item]) != fingerprint([moved])
    assert fingerprint([item]) != fingerprint([Official(item.figures)])  # O*NET title printed


def test_an_adhoc_comparison_in_a_region_names_its_problems(demo: Path) -> None:
    code, errors = run_err(
        demo, "compare", "strategic-account-manager", "customer-success-manager", "--region", "gu"
    )
    assert code == 1
    assert errors == (
        f"{SAM}:288:3: occupation.soc: 41-4011 ({SAM_TITLE}) has no May 2025 data for Guam (GU)\n"
    )
