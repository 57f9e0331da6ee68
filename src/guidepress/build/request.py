"""What a user asks a build for."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BuildRequest:
    """What the user asked for; empty tuples mean "as configured".

    The options that tell outputs apart (brands, locales, paper, PDF variant, print marks,
    formats) are read through build/outputs.py::AXES.
    """

    roles: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    brands: tuple[str, ...] = ()
    locales: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    paper: str | None = None
    out: Path | None = None  # the output folder
    file: Path | None = None  # -o: the one selected output, written to this file
    pdf_variant: str | None = None  # None: pdf/ua-1
    jobs: int | None = None  # processes; None: one per CPU
    force: bool = False  # rebuild outputs that are current
    shard: tuple[int, int] | None = None  # (K, N): build the K-th of N shares
    print_marks: bool = False  # 3 mm bleed and crop marks (outputs named *.print.pdf)
    regions: tuple[str, ...] = ()  # regional editions (US, OH, 18140); empty: as configured
    dpi: int | None = None  # page images (png); None: 96
    thumbnails: bool = False  # a small first-page image beside each PDF output
    single: bool = False  # exactly one output must be selected (--open)
