"""What one output is: its kind, subject, brand, locale, paper, format and path."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, TypedDict

KINDS = ("guide", "sheet", "compare")
#: Rough relative cost of one output of each kind, to start the longest first in a pool.
COST = {"guide": 4.0, "compare": 1.0, "sheet": 1.0}


class Options(TypedDict):
    """Keyword arguments every renderer takes."""

    locale: str
    paper: str
    edition: date
    print_marks: bool


@dataclass(frozen=True)
class Job:
    kind: str
    slug: str  # the role, or for a comparison sheet the comparison's name
    roles: tuple[str, ...]
    brand: str
    locale: str
    paper: str
    format: str
    path: str  # relative to the output folder
    print_marks: bool = False

    def entry(self, **values: Any) -> dict[str, Any]:
        """This output's manifest entry (DESIGN.md), before it is built."""
        entry: dict[str, Any] = {
            "path": self.path,
            "kind": self.kind,
            "roles": list(self.roles),
            "brand": self.brand,
            "locale": self.locale,
            "paper": self.paper,
            "format": self.format,
            "pages": None,
            "bytes": None,
            "sha256": None,
            "inputs_hash": None,
            "seconds": None,
            "status": "failed",
            "error": None,
        }
        entry.update(values)
        return entry
