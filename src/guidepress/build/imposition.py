"""Imposed files: a booklet's pages in the order a printer needs them (``--impose saddle``, or
``impose: saddle`` on the booklet in guidepress.yaml).

An imposed file is an extra file of its booklet output (``name[...].saddle.pdf`` beside it,
named in the booklet's manifest entry as ``imposed``), made from the booklet's PDF bytes. A
booklet kept from an earlier build keeps its imposed file; a rebuilt one gets a new one, or,
when none is asked for, loses the old one (it shows old pages).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from guidepress.build.manifest import Entry
from guidepress.content.booklets import booklets
from guidepress.content.models import Config
from guidepress.errors import GuidepressError
from guidepress.files import output_file, write_atomic


def imposed_file(path: str, method: str = "saddle") -> str:
    """Where the imposed file of the booklet at ``path`` goes: ``name[...].saddle.pdf``."""
    return f"{path.removesuffix('.pdf')}.{method}.pdf"


def keep_imposed(
    output_dir: Path,
    config: Config,
    entries: Iterable[Entry],
    previous: Mapping[str, Entry],
    asked: str | None,
) -> None:
    """Give every booklet built or kept now the imposed file it is asked to have (``asked``:
    the command line's, else each booklet's own ``impose``)."""
    configured = booklets(config)
    for entry in entries:
        if entry.kind != "booklet" or entry.status == "failed":
            continue
        name = Path(entry.path).name.split(".")[0]
        settings = configured.get(name)
        method = asked or (settings.impose if settings else None)
        old = previous.get(entry.path)
        kept = old.imposed if old is not None and entry.status == "cached" else None
        if kept is not None and (output_dir / kept).is_file():
            entry.imposed = kept
            continue
        if old is not None and old.imposed:
            (output_dir / old.imposed).unlink(missing_ok=True)
        entry.imposed = None
        if method != "saddle" or settings is None:
            continue
        if settings.pages_multiple % 4:
            entry.status = "failed"
            entry.error = (
                f"imposed file: a saddle-stitched booklet needs a multiple of 4 pages; set "
                f"booklets.{name}.pages_multiple to 4 in guidepress.yaml (it is "
                f"{settings.pages_multiple})"
            )
            continue
        _impose(output_dir, entry, settings.press_sheet)


def _impose(output_dir: Path, entry: Entry, sheet: str | None) -> None:
    from guidepress.pdf.impose import TWICE, impose_saddle

    rel = imposed_file(entry.path)
    try:
        data = impose_saddle(
            (output_dir / entry.path).read_bytes(), sheet or TWICE[entry.paper or "a4"]
        )
        write_atomic(output_file(output_dir, rel), data)
    except (OSError, GuidepressError) as exc:
        entry.status, entry.error = "failed", f"imposed file: {exc}"
        return
    entry.imposed = rel
