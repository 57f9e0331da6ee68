"""What the sections of a page fill: role fields, extra sections and warnings.

Its own module so that ``sections`` (which reads the page) and ``structured`` (which fills the
sections with inner structure) both depend on it and not on each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from guidepress.importer.blocks import Piece


@dataclass
class Body:
    role_title: str
    fields: dict[str, Any] = field(default_factory=dict)
    extras: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def keep(self, title: str, parts: list[Piece], reason: str) -> None:
        """Keep ``parts`` as an extra section, with a warning saying why."""
        paras = [p.text for p in parts if p.kind != "item"]
        items = [p.text for p in parts if p.kind == "item"]
        if not paras and not items:
            return
        extra: dict[str, Any] = {"title": title}
        if paras:
            extra["body"] = paras
        if items:
            extra["items"] = items
        self.extras.append(extra)
        self.warnings.append(reason)
