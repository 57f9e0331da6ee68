"""The build: cached and forced rebuilds, byte-identical across processes, failures isolated
and the last good PDF kept, outputs of removed roles removed, interrupted builds recorded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import weasyprint
from pypdf import PdfReader

from guidepress.build import produce
from guidepress.build.pipeline import build
from guidepress.build.request import BuildRequest
from tests.helpers import (
    BAKER_AND_BREWER,
    SMALL_ROLE,
    add_role,
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
    assert "0 built, 2 cached, 0 failed, 2 removed in " in output


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
    with pytest.raises(KeyboardInterrupt):
        build(two_roles, BuildRequest(jobs=1, force=True))
    assert len(statuses(two_roles)) == 1 and set(statuses(two_roles).values()) == {"built"}


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
