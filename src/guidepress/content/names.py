"""Names that come from content become parts of output paths, so they follow one rule.

Slugs, brand folder names and comparison names: lowercase letters, digits, single hyphens.
"""

from __future__ import annotations

import re

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG_HINT = "lowercase letters, digits and single hyphens, like 'chef-de-partie'"


def is_slug(name: str) -> bool:
    return SLUG.fullmatch(name) is not None
