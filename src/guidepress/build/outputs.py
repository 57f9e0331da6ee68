"""What one output is: a kind of document about one subject, under one set of options, at a path.

The path says every option that tells this output from another of the same subject: each output
of a build has its own path (DESIGN.md, Outputs).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from guidepress.build.manifest import Entry
from guidepress.render.kinds import KINDS, Kind


@dataclass(frozen=True)
class Output:
    kind: str  # a name in render.kinds.KINDS
    subject: str  # the role's slug, or the comparison's name
    roles: tuple[str, ...]
    brand: str
    locale: str
    paper: str
    format: str
    path: str  # relative to the output folder
    print_marks: bool = False
    region: str | None = None  # a regional edition's region code (US, OH, 18140)

    @property
    def record(self) -> Kind:
        return KINDS[self.kind]

    def entry(self, **values: Any) -> Entry:
        """This output's manifest entry, before it is built (failed until it is)."""
        return Entry(
            path=self.path,
            kind=self.kind,
            roles=list(self.roles),
            brand=self.brand,
            locale=self.locale,
            paper=self.paper,
            format=self.format,
            region=self.region,
            **values,
        )


@dataclass(frozen=True)
class Defaults:
    """The project's first brand, locale, paper and region: outputs with these keep the shortest
    paths."""

    brand: str
    locale: str
    paper: str
    region: str | None = None


def output_path(
    kind: Kind,
    subject: str,
    *,
    brand: str,
    locale: str,
    paper: str,
    format: str,
    print_marks: bool,
    defaults: Defaults,
    region: str | None = None,
) -> str:
    """``guides/[brand/]slug[.locale][.paper][@region][.print].pdf``: the default brand, locale,
    paper and region are left out of the name; marked PDFs are for the print shop and never
    replace plain ones. ``@`` sets the region apart from a locale (``DE`` the region, ``de`` the
    language: one file on a case-insensitive disk otherwise)."""
    name = f"{kind.folder}/"
    name += f"{brand}/" if brand != defaults.brand else ""
    name += subject
    name += f".{locale}" if locale != defaults.locale else ""
    name += f".{paper}" if paper != defaults.paper else ""
    name += f"@{region.lower()}" if region is not None and region != defaults.region else ""
    name += ".print" if print_marks else ""
    return f"{name}.{format}"
