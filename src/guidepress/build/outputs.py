"""What one output is: a kind of document about one subject, under one set of options, at a path.

The options that tell one output from another of the same subject (brand, locale, audience,
paper, PDF variant, region, print marks, page image resolution, format) are listed once, in
:data:`AXES`: each is a field of :class:`Output` and of the manifest's ``Entry`` (same name), a
part of :func:`output_path`, and a choice :func:`choices` makes from the request and the
project's config. No two outputs share a path (DESIGN.md, Outputs).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any, Literal

from guidepress.build.manifest import Entry
from guidepress.build.request import BuildRequest
from guidepress.content.audiences import configured as configured_audiences
from guidepress.content.models import Config
from guidepress.paper import DEFAULT_DPI
from guidepress.pdf.variants import DEFAULT_PDF_VARIANT
from guidepress.render.kinds import KINDS, Kind


@dataclass(frozen=True)
class Output:
    kind: str  # a name in render.kinds.KINDS
    subject: str  # the role's slug, or the comparison's name
    roles: tuple[str, ...]
    path: str  # relative to the output folder (a png output's: its first page)
    # One field per axis (AXES), same name as the manifest entry's.
    brand: str
    locale: str
    paper: str | None  # None for the catalogue (a web page)
    format: str
    audience: str | None = None  # None for kinds no audience changes (comparisons)
    pdf_variant: str | None = DEFAULT_PDF_VARIANT  # None for HTML
    print_marks: bool | None = False  # None for the catalogue
    region: str | None = None  # a regional edition's region code (US, OH, 18140)
    dpi: int | None = None  # png outputs: the page images' resolution

    @property
    def record(self) -> Kind:
        return KINDS[self.kind]

    def options(self) -> dict[str, Any]:
        """This output's value on every axis, by name."""
        return {axis.name: getattr(self, axis.name) for axis in AXES}

    def entry(self, **values: Any) -> Entry:
        """This output's manifest entry, before it is built (failed until it is)."""
        return Entry(
            path=self.path, kind=self.kind, roles=list(self.roles), **self.options(), **values
        )


@dataclass(frozen=True)
class Axis:
    """One option that tells outputs apart.

    ``chosen`` is what a build request asks for (empty: as configured); ``configured`` what the
    project builds when not asked, its first value being the default an output's path leaves
    out. ``part`` names a value in the path: a folder (``place="folder"``), a dotted suffix of
    the file name, an ``@`` suffix (``place="at"``), or the file extension. ``formats``: the
    formats the option applies to; an output of another format has None on this axis, and so
    has an output of a kind that ignores the option (render/kinds.py's ``Kind.ignores``).
    """

    name: str  # the field of Output and manifest.Entry
    chosen: Callable[[BuildRequest], tuple[Any, ...]]
    configured: Callable[[Config], tuple[Any, ...]]
    part: Callable[[Any], str] = str
    place: Literal["folder", "suffix", "at", "extension"] = "suffix"
    formats: frozenset[str] | None = None


def region_key(code: str) -> str:
    """A region code as outputs and the manifest name it: ``oh`` -> ``OH``."""
    return code.strip().upper()


#: Every option that tells outputs apart, in the order their parts appear in a path:
#: ``guides/[brand/]slug[.locale][.audience][.paper][.variant][@region][.print][.dpi].format``;
#: page images are numbered, so a png output's path is its first page's (``slug.1.png``).
# fmt: off
AXES: tuple[Axis, ...] = (
    Axis("brand", lambda r: r.brands, lambda c: tuple(c.brands), place="folder"),
    Axis("locale", lambda r: r.locales, lambda c: tuple(c.locales)),
    Axis("audience", lambda r: r.audiences, configured_audiences),
    Axis("paper", lambda r: (r.paper,) if r.paper else (), lambda c: (c.paper,)),
    Axis(
        "pdf_variant",
        lambda r: (r.pdf_variant,) if r.pdf_variant else (),
        lambda c: (DEFAULT_PDF_VARIANT,),
        part=lambda variant: str(variant).replace("/", ""),  # pdf/a-3u -> pdfa-3u
        formats=frozenset({"pdf"}),
    ),
    # Regional editions: None (the role files' own figures) unless asked or configured. "@" sets
    # a region apart from a locale: DE the region, de the language, one file on a
    # case-insensitive disk otherwise.
    Axis(
        "region",
        lambda r: tuple(dict.fromkeys(region_key(code) for code in r.regions)),
        lambda c: tuple(dict.fromkeys(c.regions)) or (None,),
        part=lambda code: str(code).lower(),
        place="at",
    ),
    # Marked PDFs are for the print shop and never replace plain ones.
    Axis("print_marks", lambda r: (True,) if r.print_marks else (), lambda c: (False,),
         part=lambda marks: "print"),
    Axis("dpi", lambda r: (r.dpi,) if r.dpi else (), lambda c: (DEFAULT_DPI,),
         part=lambda dpi: f"{dpi}dpi", formats=frozenset({"png"})),
    Axis("format", lambda r: r.formats, lambda c: ("pdf",), place="extension",
         part=lambda format: "1.png" if format == "png" else str(format)),
)
# fmt: on

_OUTPUT_FIELDS = {f.name for f in fields(Output)}
_ENTRY_FIELDS = {f.name for f in fields(Entry)}
if missing := [a.name for a in AXES if a.name not in _OUTPUT_FIELDS & _ENTRY_FIELDS]:
    raise RuntimeError(f"axes {missing} need a field in both build.outputs.Output and Entry")


def defaults(config: Config) -> dict[str, Any]:
    """The project's default on every axis: outputs with these keep the shortest paths."""
    return {axis.name: axis.configured(config)[0] for axis in AXES}


def choices(request: BuildRequest, config: Config) -> list[tuple[Axis, tuple[Any, ...]]]:
    """What a build selects on every axis: the request's values, else the configured ones."""
    return [(axis, axis.chosen(request) or axis.configured(config)) for axis in AXES]


def normalised(options: Mapping[str, Any], kind: Kind) -> dict[str, Any]:
    """``options`` in ``kind``'s format, with None on every axis that does not apply to that
    format or that the kind ignores."""
    options = dict(options)
    if options["format"] not in kind.formats:
        options["format"] = kind.formats[0]
    return {
        axis.name: (
            None
            if axis.name in kind.ignores
            or (axis.formats is not None and options["format"] not in axis.formats)
            else options[axis.name]
        )
        for axis in AXES
    }


def output_path(
    kind: Kind, subject: str, options: Mapping[str, Any], default: Mapping[str, Any]
) -> str:
    """``guides/[brand/]slug[.locale][.audience][.paper][.variant][@region][.print][.dpi].pdf``:
    a part for every axis whose value is not the project's default (DESIGN.md: no two outputs
    share a path)."""
    folders, name, extension = [kind.folder] if kind.folder else [], subject, ""
    for axis in AXES:
        value = options[axis.name]
        if axis.place == "extension":
            extension = axis.part(value)
        elif value is not None and value != default[axis.name]:
            if axis.place == "folder":
                folders.append(axis.part(value))
            elif axis.place == "at":
                name += f"@{axis.part(value)}"
            else:
                name += f".{axis.part(value)}"
    return "/".join([*folders, f"{name}.{extension}"])


def make_output(
    kind: Kind,
    subject: str,
    roles: tuple[str, ...],
    options: Mapping[str, Any],
    default: Mapping[str, Any],
) -> Output:
    """The output of ``kind`` about ``subject`` with ``options`` (one value per axis)."""
    values = normalised(options, kind)
    path = output_path(kind, subject, values, default)
    return Output(kind=kind.name, subject=subject, roles=roles, path=path, **values)


def page_file(path: str, number: int) -> str:
    """Page ``number`` (from 1) of the png output at ``path`` (its first page's path)."""
    return f"{path.removesuffix('.1.png')}.{number}.png"


def page_files(path: str, pages: int) -> list[str]:
    """Every page image of the png output at ``path``, in page order."""
    return [page_file(path, number) for number in range(1, pages + 1)]


def thumbnail_file(path: str) -> str:
    """Where the thumbnail of the PDF output at ``path`` goes: ``slug[...].thumb.png``."""
    return f"{path.removesuffix('.pdf')}.thumb.png"
