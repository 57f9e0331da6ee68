"""Imposed files: made when asked, kept with a kept booklet, gone with a rebuilt one; refused,
with the setting to change, for a booklet whose pages cannot be folded into sheets of four."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf

from guidepress.build.imposition import imposed_file, keep_imposed
from guidepress.build.manifest import Entry, Status
from guidepress.content.models import Config
from guidepress.paper import PT_PER_MM


def _booklet(out: Path, pages: int, status: Status = "built") -> Entry:
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(210 * PT_PER_MM, 297 * PT_PER_MM))
    data = io.BytesIO()
    pdf.save(data)
    (out / "booklets").mkdir(parents=True, exist_ok=True)
    (out / "booklets" / "fair.pdf").write_bytes(data.getvalue())
    return Entry("booklets/fair.pdf", "booklet", ["baker"], "default", "en", "a4", "pdf",
                 pages=pages, status=status)  # fmt: skip


def test_made_when_asked_kept_with_its_booklet_and_gone_when_rebuilt(tmp_path: Path) -> None:
    config = Config.model_validate({"booklets": {"fair": {}}})
    entry = _booklet(tmp_path, 8)
    keep_imposed(tmp_path, config, [entry], {}, "saddle")
    assert entry.imposed == imposed_file("booklets/fair.pdf") == "booklets/fair.saddle.pdf"
    with pikepdf.open(tmp_path / entry.imposed) as imposed:
        assert len(imposed.pages) == 4
        width = float(imposed.pages[0].mediabox[2]) / PT_PER_MM
        assert round(width) == 420  # A4 pages on A3: twice the page
    kept = _booklet(tmp_path, 8, status="cached")
    keep_imposed(tmp_path, config, [kept], {entry.path: entry}, None)
    assert kept.imposed == entry.imposed and (tmp_path / entry.imposed).is_file()
    rebuilt = _booklet(tmp_path, 8)
    keep_imposed(tmp_path, config, [rebuilt], {entry.path: entry}, None)
    assert rebuilt.imposed is None and not (tmp_path / entry.imposed).exists()


def test_a_booklet_that_cannot_be_folded_is_not_imposed(tmp_path: Path) -> None:
    config = Config.model_validate({"booklets": {"fair": {"pages_multiple": 2}}})
    entry = _booklet(tmp_path, 6)
    keep_imposed(tmp_path, config, [entry], {}, "saddle")
    assert (entry.status, entry.imposed) == ("failed", None)
    assert entry.error == (
        "imposed file: a saddle-stitched booklet needs a multiple of 4 pages; set "
        "booklets.fair.pages_multiple to 4 in guidepress.yaml (it is 2)"
    )
