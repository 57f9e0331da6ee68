"""Files: atomic writes, and output paths confined to the output folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from guidepress.errors import RenderError
from guidepress.files import output_file, write_atomic
from tests.helpers import SHORT_ROLE, run_err, write


def test_atomic_write_gives_a_readable_file(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a" / "out.pdf", b"pdf")
    assert (tmp_path / "a" / "out.pdf").stat().st_mode & 0o777 == 0o644


def test_atomic_write_leaves_nothing_behind_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"good")

    with pytest.raises(TypeError):
        write_atomic(target, 12345)  # type: ignore[arg-type]
    assert target.read_bytes() == b"good"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_output_folder_linked_outside_cannot_be_written_through(
    project: Path, tmp_path: Path
) -> None:
    write(project, "content/roles/a.yaml", SHORT_ROLE)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (project / "output").mkdir()
    os.symlink(elsewhere, project / "output" / "guides")  # as a pull request could commit it
    code, err = run_err(project, "build")
    assert (code, err) == (1, "guides/a.pdf: output path leaves the output folder: guides/a.pdf\n")
    assert list(elsewhere.iterdir()) == []


def test_output_file_refuses_paths_leaving_the_folder(tmp_path: Path) -> None:
    assert output_file(tmp_path, "guides/a.pdf") == tmp_path / "guides/a.pdf"
    for rel in ("../a.pdf", "guides/../../a.pdf", "/etc/a.pdf", "."):
        with pytest.raises(RenderError, match="output path leaves the output folder"):
            output_file(tmp_path, rel)
