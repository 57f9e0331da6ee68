"""Names and paths that come from content stay inside the project, and outputs inside their folder.

Slugs, brand folder names and comparison names become parts of output paths, so they follow one
rule (lowercase letters, digits, single hyphens); every file content points at must resolve, links
followed, inside the folder it is meant to be in.
"""

from __future__ import annotations

import re
from pathlib import Path

from guidepress.errors import RenderError

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG_HINT = "lowercase letters, digits and single hyphens, like 'chef-de-partie'"


def is_slug(name: str) -> bool:
    return SLUG.fullmatch(name) is not None


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
