"""Files, standard input, role files written atomically, the summary line (files.py)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from guidepress.errors import ContentError
from guidepress.importer import ImportFailed, import_files, import_text, summary_line

from .conftest import CASES, needs_seeds, seed_bytes


def test_import_files_writes_refuses_and_forces(tmp_path: Path) -> None:
    src = CASES / "registered-nurse.txt"
    out = tmp_path / "roles"
    [result] = import_files([str(src)], out, force=False)
    target = out / "registered-nurse-rn.yaml"
    assert result.path == target and target.read_text(encoding="utf-8") == result.yaml_text
    assert summary_line(result) == f"registered-nurse-rn: 10 sections, 1 warning -> {target}"
    target.write_text("# edited\n", encoding="utf-8")
    with pytest.raises(ContentError) as err:
        import_files([str(src)], out, force=False)
    assert err.value.lines() == [f"{target}: already exists; use --force to overwrite"]
    assert target.read_text(encoding="utf-8") == "# edited\n"
    import_files([str(src)], out, force=True)
    assert target.read_text(encoding="utf-8") == result.yaml_text
    assert [p.name for p in out.iterdir()] == ["registered-nurse-rn.yaml"]  # no temp files left


def test_import_files_reads_stdin_and_reports_all_problems(tmp_path: Path) -> None:
    page = (CASES / "markdown-text.txt").read_bytes()
    missing = tmp_path / "missing.txt"
    with pytest.raises(ImportFailed) as err:
        import_files(["-", str(missing), "-"], tmp_path, False, stdin=io.BytesIO(page))
    assert err.value.lines() == [
        f"{missing}: cannot read file: No such file or directory",
        "stdin: empty input: no page text",  # stdin was read to its end by the first "-"
    ]
    [written] = err.value.results
    assert written.source == "stdin" and written.role["provenance"]["source"] == "stdin"
    assert (tmp_path / "data-engineer.yaml").read_text(encoding="utf-8") == written.yaml_text
    assert summary_line(written).startswith("data-engineer: 2 sections, 0 warnings -> ")


def test_two_pages_for_the_same_role_are_refused(tmp_path: Path) -> None:
    src = str(CASES / "markdown-text.txt")
    with pytest.raises(ImportFailed) as err:
        import_files([src, src], tmp_path, force=True)
    assert len(err.value.results) == 1
    assert err.value.lines() == [f"{src}: same role as {src} ({tmp_path / 'data-engineer.yaml'})"]


def test_summary_line_without_a_path() -> None:
    result = import_text("Chef Career Path Guide\n\nCooks.\n", "chef.txt")
    assert summary_line(result) == "chef: 1 section, 0 warnings"


@needs_seeds
def test_a_saved_web_page_writes_the_role_file_of_its_text(tmp_path: Path) -> None:
    stem = "004_e941a6e8a69fed1f"
    html = tmp_path / "guide.htm"
    html.write_bytes((CASES / f"{stem}.html").read_bytes())
    text = tmp_path / "guide.txt"
    text.write_bytes(seed_bytes(f"{stem}.txt"))
    [from_html] = import_files([str(html)], tmp_path / "a", force=False)
    [from_text] = import_files([str(text)], tmp_path / "b", force=False)
    written = (tmp_path / "a" / "customer-success-manager.yaml").read_text(encoding="utf-8")
    # The same role, and the page's publisher and address from its head (page text has none).
    title = "  title: Customer Success Manager Career Path Guide\n"
    citation = f"{title}  publisher: Jobicy\n  url: https://jobicy.example/career-guides/{stem}\n"
    assert written == (tmp_path / "b" / "customer-success-manager.yaml").read_text(
        encoding="utf-8"
    ).replace("guide.txt", "guide.htm").replace(title, citation)
    assert from_html.kind == "html" and from_text.kind == "text"
    assert summary_line(from_html).startswith(
        "customer-success-manager: 33 sections, 1 warning, encoding repaired -> "
    )


def test_web_pages_may_be_larger_than_page_text(tmp_path: Path) -> None:
    """Saved pages carry scripts and inline images: 6 MB of them still import."""
    page = tmp_path / "big.html"
    script = "<script>" + "x" * 6_000_000 + "</script>"
    page.write_text(f"<h1>Chef Career Path Guide</h1>{script}<p>Cooks.</p>", encoding="utf-8")
    [result] = import_files([str(page)], tmp_path, force=False)
    assert result.role["summary"] == "Cooks."
    text = tmp_path / "big.txt"
    text.write_text("Chef Career Path Guide\n\nCooks.\n" + "x" * 6_000_000, encoding="utf-8")
    with pytest.raises(ImportFailed) as err:
        import_files([str(text)], tmp_path, force=False)
    assert err.value.lines() == [f"{text}: input is too large (5,000,001 bytes; limit 5,000,000)"]
