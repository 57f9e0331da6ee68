"""The build: cached and forced rebuilds, byte-identical across processes, failures isolated
and the last good PDF kept, outputs of removed roles removed, interrupted builds recorded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import weasyprint
import yaml
from pypdf import PdfReader

from guidepress.build import produce
from guidepress.build.pipeline import BuildInterrupted, build
from guidepress.build.request import BuildRequest
from tests.helpers import (
    BAKER_AND_BREWER,
    SMALL_ROLE,
    add_role,
    compared_role,
    manifest,
    rebuilt,
    run,
    run_build,
    statuses,
    write,
)

pytestmark = pytest.mark.pdf


def test_a_second_build_is_all_cached_and_force_rebuilds(two_roles: Path) -> None:
    code, output = run_build(two_roles)
    assert code == 0, output
    assert set(statuses(two_roles).values()) == {"cached"}
    assert output.splitlines()[-1].startswith("0 built, 4 cached, 0 failed in ")
    code, output = run_build(two_roles, "--force", "--jobs", "1")
    assert code == 0, output
    assert rebuilt(two_roles) == BAKER_AND_BREWER


def test_an_edited_output_file_is_rebuilt(two_roles: Path) -> None:
    (two_roles / "output" / "sheets" / "baker.pdf").write_bytes(b"%PDF-1.7 damaged")
    assert run_build(two_roles)[0] == 0
    assert rebuilt(two_roles) == {"sheets/baker.pdf"}


def test_outputs_of_a_removed_role_are_removed(two_roles: Path) -> None:
    (two_roles / "content" / "roles" / "brewer.yaml").unlink()
    code, output = run_build(two_roles)
    assert code == 0, output
    assert set(statuses(two_roles)) == {"guides/baker.pdf", "sheets/baker.pdf"}
    assert not (two_roles / "output" / "guides" / "brewer.pdf").exists()
    assert "\nremoved guides/brewer.pdf\nremoved sheets/brewer.pdf\n" in output
    assert "\n0 built, 2 cached, 0 failed, 2 removed in " in output


def test_a_build_removes_nothing_it_did_not_select(project: Path) -> None:
    add_role(project, "baker")
    own = {
        (): "sheets/baker.pdf",
        ("--locale", "fr"): "sheets/baker.fr.pdf",
        ("--paper", "letter"): "sheets/baker.letter.pdf",
        ("--pdf-variant", "pdf/a-3u"): "sheets/baker.pdfa-3u.pdf",
        ("--print-marks",): "sheets/baker.print.pdf",
    }
    for args, path in own.items():
        code, output = run_build(project, "--kind", "sheet", *args)
        assert code == 0, output
        assert f"built  {path} " in output and "removed" not in output
    entries = {e["path"]: e for e in manifest(project / "output")["outputs"]}
    assert set(entries) == set(own.values())
    assert {p: (e["pdf_variant"], e["print_marks"]) for p, e in entries.items()} == {
        "sheets/baker.pdf": ("pdf/ua-1", False),
        "sheets/baker.fr.pdf": ("pdf/ua-1", False),
        "sheets/baker.letter.pdf": ("pdf/ua-1", False),
        "sheets/baker.pdfa-3u.pdf": ("pdf/a-3u", False),
        "sheets/baker.print.pdf": ("pdf/ua-1", True),
    }
    with pikepdf.open(project / "output" / "sheets" / "baker.pdfa-3u.pdf") as pdf:
        meta = pdf.open_metadata()
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("3", "U")
    with pikepdf.open(project / "output" / "sheets" / "baker.pdf") as pdf:
        assert "pdfaid:part" not in pdf.open_metadata()
    # A plain build keeps the archival copy where it is; a guide build keeps every sheet.
    before = {path: (project / "output" / path).read_bytes() for path in own.values()}
    assert run_build(project, "--kind", "sheet")[0] == 0
    assert run_build(project, "--kind", "guide")[0] == 0
    assert {path: (project / "output" / path).read_bytes() for path in own.values()} == before
    assert set(statuses(project)) == {*own.values(), "guides/baker.pdf"}


def test_a_role_with_a_yaml_syntax_error_fails_its_outputs(two_roles: Path) -> None:
    write(two_roles, "content/roles/brewer.yaml", "title: Brewer\nsummary: [\n")
    code, output = run_build(two_roles)
    assert code == 1
    assert "\n0 built, 2 cached, 2 failed in " in output
    entries = {e["path"]: e for e in manifest(two_roles / "output")["outputs"]}
    for path in ("guides/brewer.pdf", "sheets/brewer.pdf"):
        assert entries[path]["status"] == "failed"
        assert entries[path]["error"] == (
            "content/roles/brewer.yaml:2:10: YAML syntax error: this [ is never closed with ]"
        )
        assert PdfReader(two_roles / "output" / path).pages  # the last good file stays


def test_a_comparison_that_cannot_be_built_is_failed_not_cached(compared_roles: Path) -> None:
    write(compared_roles, "content/comparisons/pair.yaml",
          "title: Pair\nroles: [data-analyst, pastry-chef]\n")  # fmt: skip
    code, output = run_build(compared_roles, "--kind", "compare")
    assert code == 0, output
    good = (compared_roles / "output" / "comparisons" / "pair.pdf").read_bytes()
    write(
        compared_roles,
        "content/roles/pastry-chef.yaml",
        yaml.safe_dump(compared_role("Pastry Chef", 105000, "EUR")),
    )
    code, output = run_build(compared_roles, "--kind", "compare")
    assert code == 1
    problem = (
        "content/comparisons/pair.yaml:2:23: roles[1]: pastry-chef pays in EUR, data-analyst "
        "in USD: roles on one comparison sheet must share currency and period"
    )
    assert "\n0 built, 0 cached, 1 failed in " in output
    assert output.splitlines()[-1] == problem
    [entry] = manifest(compared_roles / "output")["outputs"]
    assert (entry["status"], entry["error"]) == ("failed", problem)
    assert (compared_roles / "output" / "comparisons" / "pair.pdf").read_bytes() == good


def test_rebuilds_are_byte_identical_across_processes(two_roles: Path) -> None:
    first = {
        p: (two_roles / "output" / p).read_bytes() for p in BAKER_AND_BREWER
    }  # built with --jobs 2
    assert run_build(two_roles, "--force", "--jobs", "1", "--out", str(two_roles / "again"))[0] == 0
    for path, data in first.items():
        assert (two_roles / "again" / path).read_bytes() == data, path


def test_one_broken_role_fails_only_its_outputs(two_roles: Path) -> None:
    write(
        two_roles, "content/roles/brewer.yaml", "title: Brewer\nsummary: Brews.\ngrowth_rate: x\n"
    )
    add_role(two_roles, "cook")
    code, output = run_build(two_roles)
    assert code == 1
    assert "content/roles/brewer.yaml:3:1: growth_rate: must be a number (got 'x')" in output
    assert "\n2 built, 2 cached, 2 failed in " in output
    state = statuses(two_roles)
    assert state["guides/cook.pdf"] == "built" and state["sheets/brewer.pdf"] == "failed"
    # The last good PDF of the broken role stays where it was.
    assert PdfReader(two_roles / "output" / "guides" / "brewer.pdf").pages


def test_a_failure_mid_build_leaves_the_previous_pdf_intact(
    two_roles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (two_roles / "output" / "guides" / "brewer.pdf").read_bytes()
    add_role(two_roles, "brewer", "Head Brewer")
    real = weasyprint.document.Document.write_pdf

    def crash(self: Any, *args: Any, **kwargs: Any) -> bytes:
        if "Head Brewer" in str(self.metadata.title):
            raise MemoryError("renderer gave up")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.document.Document, "write_pdf", crash)
    add_role(two_roles, "baker", "Master Baker")
    code, output = run_build(two_roles, "--jobs", "1")
    assert code == 1
    assert "guides/brewer.pdf: internal error: MemoryError: renderer gave up" in output
    assert (two_roles / "output" / "guides" / "brewer.pdf").read_bytes() == before
    assert rebuilt(two_roles) == {"guides/baker.pdf", "sheets/baker.pdf"}
    assert not list((two_roles / "output").rglob("*.tmp"))


def test_an_interrupted_build_records_what_finished(
    two_roles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real, seen = produce.run, []

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        seen.append(1)
        if len(seen) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(produce, "run", interrupted)
    (two_roles / "output" / "manifest.json").unlink()
    with pytest.raises(BuildInterrupted) as caught:
        build(two_roles, BuildRequest(jobs=1, force=True))
    assert len(statuses(two_roles)) == 1 and set(statuses(two_roles).values()) == {"built"}
    assert caught.value.exit_code == 130
    assert str(caught.value) == (
        "interrupted: kept 1 output built before it and every earlier one, listed in "
        f"{two_roles / 'output' / 'manifest.json'}; 3 not built, none half-written"
    )


def test_failed_output_keeps_the_last_good_pdf(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    assert run(project, "build")[0] == 0
    good = (project / "output" / "guides" / "pastry-chef.pdf").read_bytes()
    write(project, "templates/partials/sections/responsibilities.html.j2", "{{ nope.nope }}\n")
    code, output = run(project, "build")
    assert code == 1
    assert "guides/pastry-chef.pdf: templates/" in output
    assert (project / "output" / "guides" / "pastry-chef.pdf").read_bytes() == good
    manifest = json.loads((project / "output" / "manifest.json").read_text())
    assert manifest["outputs"][0]["status"] == "failed"
