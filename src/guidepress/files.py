"""Files on disk: written whole or not at all, and kept inside the folder they belong to.

Every file guidepress writes (outputs, the manifest, role files from the importer, schemas, an
ejected theme) goes through :func:`write_atomic`; every path that comes from content is checked
with :func:`inside` or :func:`output_file` before anything is read or written there.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from guidepress.errors import RenderError


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


#: Files are meant to be shared, like any file `cp` writes: 0666 less the process's umask.
_MODE = 0o666 & ~_umask()


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` (text is written as UTF-8 with \\n line ends) to a temporary file beside
    ``path``, then rename it into place: a reader sees the old file or the new one, never part."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            os.fchmod(handle.fileno(), _MODE)  # mkstemp makes the file private
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, with links and ``..`` resolved, is ``folder`` or lies under it."""
    return path.resolve().is_relative_to(folder.resolve())


def output_file(output_dir: Path, rel: str) -> Path:
    """``output_dir / rel``, refused unless it stays inside ``output_dir`` (links followed)."""
    path = output_dir / rel
    if (
        Path(rel).is_absolute()
        or not inside(path, output_dir)
        or path.resolve() == (output_dir.resolve())
    ):
        raise RenderError(f"output path leaves the output folder: {rel}")
    return path
