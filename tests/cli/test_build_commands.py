"""build and compare on the command line: usage errors, one line per output, ad-hoc compare."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import PASTRY_CHEF, SMALL_ROLE, invoke, manifest, run, statuses, write


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
    assert run(project, "build", "--brand", "defualt") == (
        2,
        "--brand: no brand 'defualt' in content/brands (did you mean 'default'?)\n",
    )


@pytest.mark.pdf
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


def test_unknown_locale_option_is_a_usage_error(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", PASTRY_CHEF)
    assert run(project, "build", "--locale", "xx-nope") == (
        2,
        "--locale: 'xx-nope' is not a locale code (e.g. en, es, fr, de, fr_CA)\n",
    )


def test_an_unknown_variant_is_a_usage_error(project: Path) -> None:
    result = invoke(project, "build", "--pdf-variant", "pdf/a-9z")
    assert result.exit_code == 2
    assert result.output.startswith("--pdf-variant: no variant 'pdf/a-9z' (one of pdf/a-1a, ")
    assert result.output.count("\n") == 1


@pytest.mark.pdf
def test_adhoc_compare_is_one_command(compared_roles: Path, tmp_path: Path) -> None:
    target = tmp_path / "cmp.pdf"
    code, output = run(
        compared_roles, "compare", "data-analyst", "pastry-chef", "--out", str(target)
    )
    assert code == 0, output
    assert re.fullmatch(
        rf"built  comparisons/data-analyst-vs-pastry-chef\.pdf \(1 page, [0-9.]+ s\)\n"
        rf"wrote {re.escape(str(target))}\n",
        output,
    )
    text = PdfReader(target).pages[0].extract_text()
    assert "Data Analyst" in text and "Pastry Chef" in text
    # -o is --out, as build's -o is: the sheet is current now, and copied again.
    short = tmp_path / "short.pdf"
    code, output = run(compared_roles, "compare", "data-analyst", "pastry-chef", "-o", str(short))
    assert code == 0, output
    assert output.endswith(f"wrote {short}\n")
    assert short.read_bytes() == target.read_bytes()


# --- Names ------------------------------------------------------------------------------------


def test_an_unknown_role_gets_the_closest_name(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    result = invoke(project, "build", "pastry-chf")
    assert result.exit_code == 1
    assert result.stderr == (
        "content/roles/pastry-chf.yaml: no role or comparison 'pastry-chf' "
        "(did you mean 'pastry-chef'?)\n"
    )


@pytest.mark.pdf
def test_a_role_file_path_names_the_role(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    monkeypatch.chdir(project / "content")
    code, output = run(project, "build", "roles/pastry-chef.yaml", "--kind", "sheet")
    assert code == 0, output
    assert "built  sheets/pastry-chef.pdf " in output


# --- One output to a file ---------------------------------------------------------------------


@pytest.mark.pdf
def test_o_writes_the_one_selected_output_to_a_file(project: Path, tmp_path: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    target = tmp_path / "mine" / "one.pdf"
    code, output = run(project, "build", "pastry-chef", "--kind", "sheet", "-o", str(target))
    assert code == 0, output
    assert output.splitlines()[-1] == f"wrote {target}"
    assert target.read_bytes() == (project / "output" / "sheets" / "pastry-chef.pdf").read_bytes()
    assert len(PdfReader(target).pages) == 1


def test_o_needs_exactly_one_output_and_its_suffix(project: Path, tmp_path: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    write(project, "content/roles/baker.yaml", SMALL_ROLE.replace("Pastry Chef", "Baker"))
    assert run(project, "build", "-o", "x.pdf") == (
        2,
        "-o: writes one output, and 2 are selected: guides/baker.pdf, guides/pastry-chef.pdf; "
        "choose one with ROLE\n",
    )
    assert run(project, "build", "baker", "--kind", "guide", "--kind", "sheet", "-o", "x.pdf") == (
        2,
        "-o: writes one output, and 2 are selected: guides/baker.pdf, sheets/baker.pdf; "
        "choose one with --kind\n",
    )
    both = ("--locale", "en", "--locale", "fr", "--format", "pdf", "--format", "html")
    assert run(project, "build", "baker", *both, "-o", "x.pdf")[1].endswith(
        "choose one with --locale, --format\n"
    )
    assert run(project, "build", "baker", "-o", "x.txt") == (
        2,
        "-o: the file name must end in .pdf (or .html with --format html) (got 'x.txt')\n",
    )
    assert run(project, "build", "baker", "--format", "html", "-o", "x.pdf") == (
        2,
        "-o: the file name must end in .html (got 'x.pdf')\n",
    )
    assert not (project / "output").exists() and not list(tmp_path.rglob("x.*"))


def test_out_naming_a_file_is_refused(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    assert run(project, "build", "--kind", "sheet", "--out", "one.pdf") == (
        2,
        "--out: names the output folder (got 'one.pdf'); to write one output to a file, "
        "use -o one.pdf\n",
    )
    assert not (project / "one.pdf").exists()


def test_an_unwritable_output_folder_is_said_before_anything_is_rendered(
    project: Path, tmp_path: Path
) -> None:
    # Not marked pdf: rendering anything would fail this test.
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    blocker = write(tmp_path, "blocker", "a file, not a folder\n")
    assert run(project, "build", "--out", str(blocker / "out")) == (
        1,
        f"--out: cannot write to {blocker / 'out'}: Not a directory\n",
    )
    write(project, "guidepress.yaml", "title: T\noutput: built/pdfs\n")
    write(project, "built", "a file, not a folder\n")
    assert run(project, "build") == (
        1,
        f"guidepress.yaml:2:1: output: cannot write to {project / 'built' / 'pdfs'}: "
        "Not a directory\n",
    )
    write(project, "guidepress.yaml", "title: T\n")
    assert run(project, "build", "pastry-chef", "-o", str(blocker / "x.pdf")) == (
        1,
        f"-o: cannot write to {blocker}: File exists\n",
    )


# --- compare ----------------------------------------------------------------------------------


def test_compare_out_must_be_a_file_of_its_format(compared_roles: Path) -> None:
    roles = ("data-analyst", "pastry-chef")
    assert run(compared_roles, "compare", *roles, "--out", "x.txt") == (
        2,
        "--out: the file name must end in .pdf (or .html with --format html) (got 'x.txt')\n",
    )
    assert run(compared_roles, "compare", *roles, "--format", "html", "--out", "x.pdf") == (
        2,
        "--out: the file name must end in .html (got 'x.pdf')\n",
    )
    assert run(compared_roles, "compare", *roles, "-o", "x.txt") == (
        2,
        "--out: the file name must end in .pdf (or .html with --format html) (got 'x.txt')\n",
    )
    assert run(compared_roles, "compare", *roles, "--brand", "nrthfield") == (
        2,
        "--brand: no brand 'nrthfield' in content/brands\n",
    )


@pytest.mark.pdf
def test_compare_takes_paper_and_locale_and_is_in_the_manifest(compared_roles: Path) -> None:
    roles = ("data-analyst", "pastry-chef")
    code, output = run(compared_roles, "compare", *roles, "--paper", "letter", "--locale", "fr")
    assert code == 0, output
    path = "comparisons/data-analyst-vs-pastry-chef.fr.letter.pdf"
    assert output.startswith(f"built  {path} (1 page, ")
    [entry] = manifest(compared_roles / "output")["outputs"]
    assert {k: entry[k] for k in ("path", "kind", "roles", "locale", "paper", "status")} == {
        "path": path,
        "kind": "compare",
        "roles": list(roles),
        "locale": "fr",
        "paper": "letter",
        "status": "built",
    }
    box = PdfReader(compared_roles / "output" / path).pages[0].mediabox
    assert sorted((round(float(box.width)), round(float(box.height)))) == [612, 792]
    # Current the second time; kept by builds, which do not select it; gone with a role.
    code, output = run(compared_roles, "compare", *roles, "--paper", "letter", "--locale", "fr")
    assert output.startswith(f"cached {path} (1 page, 0.00 s)")
    assert run(compared_roles, "build", "--kind", "sheet", "nurse-practitioner")[0] == 0
    assert path in statuses(compared_roles)
    (compared_roles / "content" / "roles" / "pastry-chef.yaml").unlink()
    code, output = run(compared_roles, "build", "--kind", "sheet", "data-analyst")
    assert f"removed {path}\n" in output
    assert not (compared_roles / "output" / path).exists()


def test_page_image_options_need_their_format(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    assert run(project, "build", "--dpi", "150") == (
        2,
        "--dpi: only page images have a resolution; add --format png\n",
    )
    assert run(project, "build", "--format", "html", "--thumbnails") == (
        2,
        "--thumbnails: thumbnails are drawn from PDF outputs; add --format pdf\n",
    )
    code, output = run(project, "build", "--format", "png", "--dpi", "5")
    assert code == 2
    assert "Invalid value for '--dpi': 5 is not in the range 10<=x<=1200." in output
    assert run(project, "build", "--kind", "sheet", "--format", "png", "-o", "x.png") == (
        2,
        "-o: page images are one file per page; use --out DIR for them\n",
    )


def test_open_needs_exactly_one_output(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    assert run(project, "build", "--kind", "guide", "--kind", "sheet", "--open") == (
        2,
        "--open: opens one output, and 2 are selected: guides/pastry-chef.pdf, "
        "sheets/pastry-chef.pdf; choose one with --kind\n",
    )


@pytest.mark.pdf
def test_open_launches_the_built_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import click

    opened: list[str] = []
    monkeypatch.setattr(click, "launch", lambda url, **kw: opened.append(url) or 0)
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    code, output = run(project, "build", "--kind", "sheet", "--open")
    assert code == 0, output
    assert opened == [str(project / "output" / "sheets" / "pastry-chef.pdf")]
