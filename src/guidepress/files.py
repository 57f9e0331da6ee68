"""Files on disk: written whole or not at all, and kept inside the folder they belong to.

Every file guidepress writes (outputs, the manifest, role files from the importer, schemas, an
ejected theme) goes through :func:`write_atomic`; every path that comes from content is checked
with :func:`inside` or :func:`output_file` before anything is read or written there.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
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
    # The writer's process id is in the name, so a later build can tell a file left by a killed
    # process (remove_stale_temporaries) from one a running build is still writing.
    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent
    )
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


_TEMPORARY = re.compile(r"\..+\.(\d+)\.[^.]+\.tmp")


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete the temporary files under ``folder`` that :func:`write_atomic` left when its
    process was killed (SIGKILL, power loss) before renaming them; returns them."""
    removed = []
    for path in folder.rglob(".*.tmp") if folder.is_dir() else ():
        match = _TEMPORARY.fullmatch(path.name)
        if match and not _alive(int(match.group(1))):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill there ends the process: keep the file
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but belongs to someone else
        return True
    return True


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the file ``path`` (made if missing) for the ``with`` block; a
    second process asking for it waits.

    POSIX systems (Linux, macOS, the BSDs) lock with flock(2), which the kernel releases when
    the process ends, even by SIGKILL. Windows has no flock: there the block runs unlocked, so
    two builds into one output folder at once are not safe there (docs/user-guide).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("ab") as handle:
        if sys.platform != "win32":
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield


def unwritable(folder: Path) -> str | None:
    """Why files cannot be written in ``folder`` (made if missing), or None when they can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        return exc.strerror or type(exc).__name__
    return None
