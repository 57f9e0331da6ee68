"""What a user asks a build for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from guidepress.content.models.config import Contact
from guidepress.errors import UsageError


@dataclass(frozen=True)
class BuildRequest:
    """What the user asked for; empty tuples mean "as configured".

    The options that tell outputs apart (brands, locales, audiences, paper, PDF variant, print
    marks, formats) are read through build/outputs.py::AXES.
    """

    roles: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    brands: tuple[str, ...] = ()
    locales: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    paper: str | None = None
    out: Path | None = None  # the output folder
    file: Path | None = None  # -o: the one selected output, written to this file
    pdf_variant: str | None = None  # None: pdf/ua-1
    jobs: int | None = None  # processes; None: one per CPU
    force: bool = False  # rebuild outputs that are current
    shard: tuple[int, int] | None = None  # (K, N): build the K-th of N shares
    print_marks: bool = False  # 3 mm bleed and crop marks (outputs named *.print.pdf)
    contact: Contact | None = None  # the recruiter printed on role sheets, over the config's
    regions: tuple[str, ...] = ()  # regional editions (US, OH, 18140); empty: as configured
    dpi: int | None = None  # page images (png); None: 96
    thumbnails: bool = False  # a small first-page image beside each PDF output
    single: bool = False  # exactly one output must be selected (--open)
    impose: str | None = None  # "saddle": booklets also get their imposed file


def parse_contact(text: str) -> Contact:
    """``--contact 'Dana Whitfield, Talent Partner, +1 555 0142, dana@example.org'``: parts in
    any order, told apart by their look (an address has @, a phone number is digits); the rest,
    joined, is the name."""
    parts = [part.strip() for part in re.split(r"[,;]", text) if part.strip()]
    email = [p for p in parts if "@" in p]
    phone = [p for p in parts if "@" not in p and re.fullmatch(r"\+?[\d\s().\-/]{6,}", p)]
    name = [p for p in parts if p not in email and p not in phone]
    if not parts or len(email) > 1 or len(phone) > 1:
        raise UsageError(f"expected 'NAME, PHONE, EMAIL' (any of them, in any order; got '{text}')")
    try:
        return Contact(
            name=", ".join(name) or None,
            phone=phone[0] if phone else None,
            email=email[0] if email else None,
        )
    except ValueError:
        raise UsageError(f"'{email[0]}' is not an email address") from None
