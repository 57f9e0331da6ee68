"""build and compare on the command line: usage errors, one line per output, ad-hoc compare."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import PASTRY_CHEF, SMALL_ROLE, invoke, run, write


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
    assert (code, output) == (0, f"wrote {target}\n")
    text = PdfReader(target).pages[0].extract_text()
    assert "Data Analyst" in text and "Pastry Chef" in text


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


def test_open_needs_exactly_one_output(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    assert run(project, "build", "--kind", "guide", "--kind", "sheet", "--open") == (
        2,
        "--open: 2 outputs selected; select exactly one (a role, --kind, --brand, --locale, "
        "--format)\n",
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
