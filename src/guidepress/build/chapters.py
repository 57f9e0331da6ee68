"""The chapter cache: the PDFs of booklets' pieces (chapters, and the front, index and end)
kept between builds (``<output>/.cache/chapters``), each under the digest of everything its
layout depends on (build/booklet.py computes it), with its page count and, for a chapter, the
list items the index needs.

Kept apart from build/booklet.py, which lays pages out: the pipeline prunes the cache after
every build, and a build with nothing to do must not import WeasyPrint.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from guidepress.files import write_atomic

#: Where chapters are kept between builds, inside the output folder.
CHAPTERS = Path(".cache/chapters")


@dataclass(frozen=True)
class Made:
    """One laid-out piece: its PDF, its page count, the list items of its skills and tools
    (text, page index in the piece) for the index, whether it came from the cache, and the
    kinds of the write-in panels the paginator set below its end (pdf/paginate.py)."""

    pdf: bytes
    pages: int
    items: tuple[tuple[str, int], ...] = ()
    cached: bool = False
    panels: tuple[str, ...] = ()  # the kinds of the panels set below its parts' ends


def kept(cache: Path | None, key: str) -> Made | None:
    """The chapter kept under ``key``; None when there is none, or it is not whole (its PDF's
    digest is checked against the one recorded with it)."""
    if cache is None:
        return None
    try:
        data = (cache / f"{key}.pdf").read_bytes()
        meta = json.loads((cache / f"{key}.json").read_text(encoding="utf-8"))
        items = tuple((str(text), int(page)) for text, page in meta["items"])
        if meta["sha256"] != hashlib.sha256(data).hexdigest():
            return None
        panels = tuple(str(kind) for kind in meta.get("panels", ()))
        return Made(data, int(meta["pages"]), items, cached=True, panels=panels)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # not kept, or damaged: laid out again


def keep(cache: Path | None, key: str, made: Made) -> None:
    """Keep ``made`` under ``key``: its PDF, then what to check it by and its index items."""
    if cache is None:
        return
    # A cache that cannot be written costs time at the next build, nothing else.
    with contextlib.suppress(OSError):
        write_atomic(cache / f"{key}.pdf", made.pdf)
        meta = {
            "sha256": hashlib.sha256(made.pdf).hexdigest(),
            "pages": made.pages,
            "items": [list(item) for item in made.items],
            "panels": list(made.panels),
        }
        write_atomic(cache / f"{key}.json", json.dumps(meta).encode())


def _used_file(cache: Path, path: str) -> Path:
    return cache / f"{hashlib.sha256(path.encode()).hexdigest()[:24]}.used"


def record_use(cache: Path | None, path: str, keys: list[str]) -> None:
    """Note which kept chapters the booklet at ``path`` is made of (for :func:`prune`)."""
    if cache is not None:
        with contextlib.suppress(OSError):  # not recorded: its chapters go at the next prune
            write_atomic(_used_file(cache, path), json.dumps({"path": path, "keys": keys}))


def prune(cache: Path, booklets_kept: Iterable[str]) -> None:
    """Remove kept chapters no booklet of the folder is made of any more (``booklets_kept``:
    the paths of the booklets the manifest lists)."""
    if not cache.is_dir():
        return
    kept = set(booklets_kept)
    used: set[str] = set()
    for record in cache.glob("*.used"):
        try:
            data = json.loads(record.read_text(encoding="utf-8"))
            path, keys = str(data["path"]), [str(key) for key in data["keys"]]
        except (OSError, ValueError, KeyError, TypeError):
            record.unlink(missing_ok=True)
            continue
        if path in kept and record == _used_file(cache, path):
            used.update(keys)
        else:
            record.unlink(missing_ok=True)
    for kept_file in [*cache.glob("*.pdf"), *cache.glob("*.json")]:
        if kept_file.stem not in used:
            kept_file.unlink(missing_ok=True)
