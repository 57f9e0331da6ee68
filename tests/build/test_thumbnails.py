"""build --thumbnails: a 240 px picture of each PDF output's first page, named in its entry;
kept while the PDF is, remade or removed when the PDF is rebuilt."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from tests.helpers import PASTRY_CHEF, manifest, run_build, write

pytestmark = pytest.mark.pdf

THUMB = "sheets/pastry-chef.thumb.png"


def entry(project: Path) -> dict[str, object]:
    (found,) = manifest(project / "output")["outputs"]
    return dict(found)


def test_thumbnails_are_made_listed_kept_and_follow_the_pdf(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", PASTRY_CHEF)
    assert run_build(project, "--kind", "sheet", "--thumbnails")[0] == 0
    assert entry(project)["thumbnail"] == THUMB
    assert Image.open(project / "output" / THUMB).size == (240, 340)
    # Kept by a build without the option while the PDF is current.
    assert run_build(project, "--kind", "sheet")[0] == 0
    assert (entry(project)["status"], entry(project)["thumbnail"]) == ("cached", THUMB)
    # A cached PDF whose thumbnail was deleted gets a new one when asked.
    (project / "output" / THUMB).unlink()
    assert run_build(project, "--kind", "sheet", "--thumbnails")[0] == 0
    assert (project / "output" / THUMB).is_file()
    # A rebuilt PDF's old thumbnail would show old pages: without the option it goes.
    write(project, "content/roles/pastry-chef.yaml", PASTRY_CHEF.replace("Pastry", "Bread"))
    assert run_build(project, "--kind", "sheet")[0] == 0
    assert (entry(project)["status"], entry(project)["thumbnail"]) == ("built", None)
    assert not (project / "output" / THUMB).exists()
