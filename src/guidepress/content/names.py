"""Names that come from content become parts of output paths, so they follow one rule.

Slugs, brand folder names and comparison names: lowercase letters, digits, single hyphens.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG_HINT = "lowercase letters, digits and single hyphens, like 'chef-de-partie'"


def is_slug(name: str) -> bool:
    return SLUG.fullmatch(name) is not None


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest of ``choices`` to a mistyped ``name``, or ''."""
    close = difflib.get_close_matches(name, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
