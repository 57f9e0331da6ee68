"""Thumbnails: a small picture of each PDF output's first page, for catalogues and READMEs.

A thumbnail is an extra file of its PDF output (``slug[...].thumb.png`` beside it, named in the
output's manifest entry as ``thumbnail``), drawn from the PDF's bytes, never from the HTML.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from guidepress.build.manifest import Entry
from guidepress.build.outputs import thumbnail_file
from guidepress.errors import GuidepressError
from guidepress.files import output_file, write_atomic


def keep_thumbnails(
    output_dir: Path, entries: Iterable[Entry], previous: Mapping[str, Entry], *, make: bool
) -> None:
    """With ``make``, give every PDF output built or kept a current thumbnail. Without it, a
    kept output keeps its thumbnail and a rebuilt one loses its old one (it shows old pages)."""
    for entry in entries:
        if entry.format != "pdf" or entry.status == "failed":
            continue
        kept = entry.status == "cached" and entry.thumbnail is not None
        if kept and (output_dir / str(entry.thumbnail)).is_file():
            continue
        old = previous.get(entry.path)
        entry.thumbnail = None
        if make:
            _draw(output_dir, entry)
        elif old is not None and old.thumbnail:
            (output_dir / old.thumbnail).unlink(missing_ok=True)


def _draw(output_dir: Path, entry: Entry) -> None:
    from guidepress.pdf.images import thumbnail

    rel = thumbnail_file(entry.path)
    try:
        picture = thumbnail((output_dir / entry.path).read_bytes())
        write_atomic(output_file(output_dir, rel), picture)
    except (OSError, GuidepressError) as exc:
        entry.status, entry.error = "failed", f"thumbnail: {exc}"
        return
    entry.thumbnail = rel
