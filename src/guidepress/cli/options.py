"""Options the commands share, as decorator bundles, and the shell completion of their values.

``project_option`` puts ``--project`` on a command, so it works before or after the command's
name; ``output_options`` are the options that tell outputs apart (build/outputs.py's AXES):
a new such option is one ``click.option`` here and one ``Axis`` there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click
from click.shell_completion import CompletionItem

F = TypeVar("F", bound=Callable[..., Any])

_PROJECT = "guidepress.project"  # where --project is kept, in the context's shared meta


class KindChoice(click.Choice):  # type: ignore[type-arg]
    """``--kind``: one of the output kinds' names (render/kinds.py), read when first needed.

    Why: importing the renderers to list three names would add about 0.4 s to every command,
    ``--help`` included.
    """

    def __init__(self) -> None:
        super().__init__(())

    @property  # type: ignore[override]
    def choices(self) -> Sequence[str]:
        from guidepress.render.kinds import KINDS

        return tuple(KINDS)

    @choices.setter
    def choices(self, value: Sequence[str]) -> None:
        pass  # click's __init__ sets them; they come from the kind records instead


def _remember_project(ctx: click.Context, param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        ctx.meta[_PROJECT] = value


def project_option(func: F) -> F:
    """``--project DIR``, accepted by the group and by each command (before or after it)."""
    return click.option(
        "--project",
        type=click.Path(file_okay=False, path_type=Path),
        expose_value=False,
        callback=_remember_project,
        help="Project folder (default: nearest folder holding guidepress.yaml).",
    )(func)


def project_root(ctx: click.Context) -> Path:
    """The project the command works on: ``--project``, else the nearest one from here up."""
    from guidepress.content.project import find_root

    project = ctx.meta.get(_PROJECT)
    return find_root(Path(project) if project else Path.cwd())


# --- Completion -----------------------------------------------------------------------------


def _names(ctx: click.Context, found: Callable[[Path], list[str]], incomplete: str) -> list[str]:
    from guidepress.errors import GuidepressError

    try:
        names = found(project_root(ctx))
    except (GuidepressError, OSError):
        return []
    return [name for name in names if name.startswith(incomplete)]


def complete_roles(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """The project's role names (a path, once it has a /, completes as a file)."""
    return _complete_files(ctx, incomplete, comparisons=False)


def complete_names(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """The project's role and comparison names (a path, once it has a /, as a file)."""
    return _complete_files(ctx, incomplete, comparisons=True)


def _complete_files(ctx: click.Context, incomplete: str, comparisons: bool) -> list[CompletionItem]:
    if "/" in incomplete:
        return [CompletionItem(incomplete, type="file")]
    from guidepress.content.project import COMPARISONS_DIR, role_files_on_disk

    def names(root: Path) -> list[str]:
        found = [rel.stem for rel in role_files_on_disk(root)]
        if comparisons:
            found += sorted(p.stem for p in (root / COMPARISONS_DIR).glob("*.yaml"))
        return found

    return [CompletionItem(name) for name in _names(ctx, names, incomplete)]


def complete_brands(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    from guidepress.content.project import BRANDS_DIR

    def brands(root: Path) -> list[str]:
        return sorted(
            {"default"} | {p.parent.name for p in (root / BRANDS_DIR).glob("*/brand.yaml")}
        )

    return [CompletionItem(name) for name in _names(ctx, brands, incomplete)]


def complete_locales(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    from guidepress.i18n.labels import catalogue_locales

    return [CompletionItem(name) for name in _names(ctx, catalogue_locales, incomplete)]


def complete_audiences(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    from guidepress.content.audiences import BUILTIN
    from guidepress.content.project import load_project

    def audiences(root: Path) -> list[str]:
        return sorted(set(BUILTIN) | set(load_project(root, only=[])[0].config.audiences))

    return [CompletionItem(name) for name in _names(ctx, audiences, incomplete)]


# --- Bundles --------------------------------------------------------------------------------


def output_options(many: bool) -> Callable[[F], F]:
    """The options that tell outputs apart (build/outputs.py's AXES); ``many``: brand, locale,
    region, audience and format may be given more than once (build), else once (compare, which
    takes no audience). Passed as ``brands``, ``locales``, ``regions``, ``audiences``,
    ``formats`` (tuples either way), ``paper``, ``pdf_variant``, ``print_marks``."""

    def chosen(flag: str, dest: str, text: str, **kwargs: Any) -> Callable[[F], F]:
        return click.option(
            flag,
            dest,
            multiple=many,
            callback=None if many else _as_tuple,
            help=text + (" (repeatable)." if many else "."),
            **kwargs,
        )

    bundle = [
        chosen("--brand", "brands", "Brand to print under", shell_complete=complete_brands),
        chosen("--locale", "locales", "Locale to print in", shell_complete=complete_locales),
        # Comparisons are the same for every audience: only build takes it.
        *(
            [chosen("--audience", "audiences", "Audience", shell_complete=complete_audiences)]
            if many
            else []
        ),
        click.option(
            "--paper",
            type=click.Choice(["a4", "letter", "a3", "tabloid"]),
            help="Paper size (A3 and Tabloid: comparison sheets, for four roles).",
        ),
        chosen(
            "--region",
            "regions",
            "Regional edition with official pay: US, a state (OH), a metro area (18140)",
            metavar="CODE",
        ),
        chosen(
            "--format",
            "formats",
            "Output format, default pdf" + ("; png: one image per page" if many else ""),
            # Page images are a build's: compare writes one file.
            type=click.Choice(["pdf", "html", "png"] if many else ["pdf", "html"]),
        ),
        click.option(
            "--pdf-variant", help="PDF variant (default pdf/ua-1), e.g. pdf/a-3u for archives."
        ),
        click.option(
            "--print-marks",
            is_flag=True,
            help="3 mm bleed and crop marks for print shops (*.print.pdf).",
        ),
    ]

    def options(func: F) -> F:
        for option in reversed(bundle):
            func = option(func)
        return func

    return options


def _as_tuple(ctx: click.Context, param: click.Parameter, value: Any) -> tuple[Any, ...]:
    return () if value is None else (value,)


def check_variant(name: str | None) -> None:
    """Refuse a ``--pdf-variant`` WeasyPrint does not have, naming the ones it has."""
    if name is None:
        return
    from guidepress.errors import UsageError
    from guidepress.pdf.variants import pdf_variants

    if name not in pdf_variants():
        raise UsageError(f"--pdf-variant: no variant '{name}' (one of {', '.join(pdf_variants())})")
