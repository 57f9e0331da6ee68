"""Role title and file-name slug from a page's first line."""

from __future__ import annotations

import re
import unicodedata

_GUIDE_SUFFIX = re.compile(r"\s*[-–—:|]?\s*\bcareer\s+(?:path\s+)?guide\s*$", re.IGNORECASE)
MAX_SLUG = 80


def role_title(first_line: str) -> str:
    """``Nurse Career Path Guide`` -> ``Nurse``."""
    return _GUIDE_SUFFIX.sub("", first_line).strip()


def slugify(title: str) -> str:
    """``Registered Nurse (RN)`` -> ``registered-nurse-rn``; empty when nothing usable is left."""
    text = unicodedata.normalize("NFKD", title.replace("&", " and "))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    slug = "-".join(re.findall(r"[a-z0-9]+", text))
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0] or slug[:MAX_SLUG]
    return slug
