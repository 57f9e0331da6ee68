"""`guidepress theme eject`: copy the built-in templates/ and styles/ into a project to edit.

The copies shadow the built-in files (see theme.py), so a designer restyles from the project's
own folders. Nothing is written when any file would be overwritten without ``force``.
"""

from __future__ import annotations

from pathlib import Path

from guidepress.errors import GuidepressError
from guidepress.files import write_atomic
from guidepress.theme.lookup import builtin_dir

FOLDERS = ("templates", "styles")


class EjectRefused(GuidepressError):
    """Raised by eject() when files exist and ``force`` is off, or the target is the theme."""


def theme_files() -> list[Path]:
    """The built-in theme's files, relative to the theme folder, in a stable order."""
    base = builtin_dir()
    return sorted(
        path.relative_to(base)
        for folder in FOLDERS
        for path in (base / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )


def eject(out: Path, force: bool = False) -> list[Path]:
    """Copy the built-in theme into ``out``; returns the files written (relative to ``out``)."""
    base = builtin_dir()
    if out.resolve() == base.resolve():
        raise EjectRefused(f"{out}: is the built-in theme's own folder; choose another with --out")
    files = theme_files()
    existing = [rel for rel in files if (out / rel).exists()]
    if existing and not force:
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
        raise EjectRefused(f"{out / existing[0]}: already exists{more}; use --force to overwrite")
    for rel in files:
        write_atomic(out / rel, (base / rel).read_bytes())
    return files
