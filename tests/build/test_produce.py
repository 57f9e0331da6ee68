"""Page images as outputs (build --format png): one PNG per page drawn from the PDF, in the
manifest with every page; cached like any output; pages a shorter document no longer has go."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.helpers import PASTRY_CHEF, manifest, run_build, statuses, write

pytestmark = pytest.mark.pdf

LONG = (
    PASTRY_CHEF
    + "core_functions:\n"
    + "".join(
        f"  - Paragraph {n} about the kitchen. " + "Words fill the page. " * 60 + "\n"
        for n in range(8)
    )
)


def test_png_writes_every_page_beside_the_pdf_and_lists_them(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", LONG)
    code, output = run_build(project, "--kind", "guide", "--format", "pdf", "--format", "png",
                             "--dpi", "24")  # fmt: skip
    assert code == 0, output
    entries = {e["format"]: e for e in manifest(project / "output")["outputs"]}
    pdf, png = entries["pdf"], entries["png"]
    pages = len(PdfReader(project / "output" / pdf["path"]).pages)
    assert pages > 2
    assert png["path"] == "guides/pastry-chef.24dpi.1.png"
    assert png["files"] == [f"guides/pastry-chef.24dpi.{n}.png" for n in range(1, pages + 1)]
    assert (png["pages"], png["dpi"], pdf["dpi"], pdf["files"]) == (pages, 24, None, None)
    data = b"".join((project / "output" / rel).read_bytes() for rel in png["files"])
    assert (png["bytes"], png["sha256"]) == (len(data), hashlib.sha256(data).hexdigest())
    first = Image.open(project / "output" / png["path"])
    assert first.size == (199, 281)  # A4 at 24 dpi
    assert f"built  guides/pastry-chef.24dpi.1.png ({pages} pages, " in output


def test_page_images_are_cached_and_a_missing_page_rebuilds_them(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", PASTRY_CHEF)
    assert run_build(project, "--kind", "sheet", "--format", "png", "--dpi", "20")[0] == 0
    assert statuses(project) == {"sheets/pastry-chef.20dpi.1.png": "built"}
    assert run_build(project, "--kind", "sheet", "--format", "png", "--dpi", "20")[0] == 0
    assert statuses(project) == {"sheets/pastry-chef.20dpi.1.png": "cached"}
    (project / "output/sheets/pastry-chef.20dpi.1.png").write_bytes(b"edited")
    assert run_build(project, "--kind", "sheet", "--format", "png", "--dpi", "20")[0] == 0
    assert statuses(project) == {"sheets/pastry-chef.20dpi.1.png": "built"}
    image = Image.open(io.BytesIO((project / "output/sheets/pastry-chef.20dpi.1.png").read_bytes()))
    assert image.format == "PNG"


def test_pages_a_shorter_document_no_longer_has_are_removed(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", LONG)
    assert run_build(project, "--kind", "guide", "--format", "png", "--dpi", "10")[0] == 0
    before = manifest(project / "output")["outputs"][0]["files"]
    write(project, "content/roles/pastry-chef.yaml", PASTRY_CHEF)
    assert run_build(project, "--kind", "guide", "--format", "png", "--dpi", "10")[0] == 0
    after = manifest(project / "output")["outputs"][0]["files"]
    assert len(after) < len(before)
    on_disk = sorted(p.name for p in (project / "output/guides").glob("*.png"))
    assert on_disk == sorted(Path(rel).name for rel in after)


def test_removing_the_role_removes_every_page(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", PASTRY_CHEF)
    assert run_build(project, "--kind", "guide", "--format", "png", "--dpi", "10")[0] == 0
    write(project, "content/roles/other.yaml", "title: Other\nsummary: Another role.\n")
    (project / "content/roles/pastry-chef.yaml").unlink()
    code, output = run_build(project, "--kind", "guide", "--format", "png", "--dpi", "10")
    assert code == 0, output
    (entry,) = manifest(project / "output")["outputs"]
    assert entry["path"] == "guides/other.10dpi.1.png"
    on_disk = sorted(p.name for p in (project / "output/guides").iterdir())
    assert on_disk == sorted(Path(rel).name for rel in entry["files"])
