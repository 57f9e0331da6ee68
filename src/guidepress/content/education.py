"""The typical education to enter a role, read from its English education text.

Career-guide pages say it in prose ("Most roles require a bachelor's degree in ..."); the level
named first is the usual entry level, in the U.S. Bureau of Labor Statistics' categories. The
importer records it as ``entry_education``; the guide falls back to it for a role without one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Words that name an education level in English, each level's pattern.
_LEVEL_WORDS = (
    ("doctoral", r"\bdoctora(?:l|te)\b|\bph\.?\s?d\b"),
    ("master", r"\bmaster(?:'|’)?s?\s+(?:degree|of)\b|\bmba\b|\bmasters?\b"),
    ("bachelor", r"\bbachelor"),
    ("associate", r"\bassociate(?:'|’)?s?\s+degree\b"),
    ("postsecondary", r"\bpostsecondary\b|\bvocational\b|\bapprenticeship\b"),
    ("high_school", r"\bhigh[ -]school\b|\bsecondary school\b"),
)


def education_level(paragraphs: Iterable[str]) -> str | None:
    """The education level the text names first, or None when it names none."""
    text = " ".join(paragraphs).lower()
    first: tuple[int, str] | None = None
    for level, pattern in _LEVEL_WORDS:
        match = re.search(pattern, text)
        if match and (first is None or match.start() < first[0]):
            first = (match.start(), level)
    return first[1] if first else None
