"""What one output is: a kind of document about one subject, under one set of options, at a path.

The path says every option that tells this output from another of the same subject: each output
of a build has its own path (DESIGN.md, Outputs).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from guidepress.build.manifest import Entry
from guidepress.paper import DEFAULT_DPI
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
    path: str  # relative to the output folder (a png output's: its first page)
    print_marks: bool = False
    dpi: int | None = None  # png outputs: the page images' resolution

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
            dpi=self.dpi,
            **values,
        )


@dataclass(frozen=True)
class Defaults:
    """The project's first brand, locale and paper: outputs with these keep the shortest paths."""

    brand: str
    locale: str
    paper: str


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
    dpi: int | None = None,
) -> str:
    """``guides/[brand/]slug[.locale][.paper][.print].pdf``: the default brand, locale and paper
    are left out of the name; marked PDFs are for the print shop and never replace plain ones.
    Page images are ``slug[...][.150dpi].1.png``, ``.2.png``, ...: the path is the first page's."""
    name = f"{kind.folder}/"
    name += f"{brand}/" if brand != defaults.brand else ""
    name += subject
    name += f".{locale}" if locale != defaults.locale else ""
    name += f".{paper}" if paper != defaults.paper else ""
    name += ".print" if print_marks else ""
    if format == "png":
        name += f".{dpi}dpi" if dpi != DEFAULT_DPI else ""
        return f"{name}.1.png"
    return f"{name}.{format}"


def page_file(path: str, number: int) -> str:
    """Page ``number`` (from 1) of the png output at ``path`` (its first page's path)."""
    return f"{path.removesuffix('.1.png')}.{number}.png"


def page_files(path: str, pages: int) -> list[str]:
    """Every page image of the png output at ``path``, in page order."""
    return [page_file(path, number) for number in range(1, pages + 1)]


def thumbnail_file(path: str) -> str:
    """Where the thumbnail of the PDF output at ``path`` goes: ``slug[...].thumb.png``."""
    return f"{path.removesuffix('.pdf')}.thumb.png"
