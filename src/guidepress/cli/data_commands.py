"""Commands about official pay data: data import, find, show and diff."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from guidepress.cli.errors import handle_errors
from guidepress.cli.options import complete_roles, project_option, project_root
from guidepress.errors import printable

F = TypeVar("F", bound=Callable[..., Any])


@click.group()
def data() -> None:
    """Official pay data by region (BLS OEWS, or a national pay table) for regional editions.

    \b
    Example:
      guidepress data import oews all_data_M_2025.xlsx
      guidepress data find "account manager"
      guidepress data show strategic-account-manager --region OH
    """


@data.group(name="import")
def import_group() -> None:
    """Load a release into the project's pay store (data.store in guidepress.yaml).

    \b
    Example:
      guidepress data import oews all_data_M_2025.xlsx
      guidepress data import pay destatis_2025.csv
    """


_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


def release_options(func: F) -> F:
    """``--release`` and ``--top-code``: what an OEWS file may not say about itself."""
    func = click.option(
        "--top-code",
        nargs=2,
        type=float,
        metavar="HOURLY ANNUAL",
        help="BLS's top code (default: from the workbook's notes, or known for the release).",
    )(func)
    return click.option(
        "--release",
        metavar="LABEL",
        help="The release, e.g. 'May 2025' (default: from the sheet or file name).",
    )(func)


@import_group.command(name="oews")
@click.argument("files", nargs=-1, required=True, type=_FILE)
@release_options
@project_option
@click.pass_context
@handle_errors
def import_oews(
    ctx: click.Context,
    files: tuple[Path, ...],
    release: str | None,
    top_code: tuple[float, float] | None,
) -> None:
    """Import BLS OEWS wages: the all-data or a per-area .xlsx, or CSV with the same columns.

    Several files of one release (national, state and metro) import together.

    \b
    Example:
      guidepress data import oews all_data_M_2025.xlsx
    """
    from guidepress.build.data import import_data
    from guidepress.paydata import TopCode

    code = TopCode(*top_code) if top_code else None
    done = import_data(project_root(ctx), "oews", files, release=release, top_code=code)
    _imported(done)


@import_group.command(name="pay")
@click.argument("file", type=_FILE)
@project_option
@click.pass_context
@handle_errors
def import_pay(ctx: click.Context, file: Path) -> None:
    """Import a generic pay table (CSV; columns in docs/user-guide): any country's statistics.

    \b
    Example:
      guidepress data import pay destatis_2025.csv
    """
    from guidepress.build.data import import_data

    _imported(import_data(project_root(ctx), "pay", (file,)))


def _imported(done: object) -> None:
    from guidepress.build.data import Imported

    assert isinstance(done, Imported)
    release = done.release
    rows = sum(s.rows for s in release.sources)
    names = ", ".join(s.name for s in release.sources)
    click.echo(
        f"imported {release.label} ({rows:,} rows from {printable(names)}) into {done.store} "
        f"in {done.seconds:.1f} s"
    )


@data.command(name="find")
@click.argument("text")
@project_option
@click.pass_context
@handle_errors
def find_command(ctx: click.Context, text: str) -> None:
    """List occupations whose title holds TEXT (or whose code starts with it), with their
    national median, from the pay data and O*NET's titles.

    \b
    Example:
      guidepress data find "sales representatives"
    """
    from guidepress.build.data import find_occupations
    from guidepress.i18n.formatting import Formatter
    from guidepress.paydata import ONET_CREDIT

    found = find_occupations(project_root(ctx), text)
    if not found.matches:
        click.echo(f"no occupation matches {text!r} in {found.release}")
        return
    money = Formatter("en", "USD")
    for match in found.matches:
        code = match.onet_code or match.code
        median = money.money(match.national_median) if match.national_median is not None else "-"
        per = {"annual": "", "hourly": "/h", "monthly": "/mo"}.get(match.period, "")
        click.echo(f"{code:<11} {median + per:>12}  {printable(match.title)} ({match.source})")
    if any(m.source == "O*NET" for m in found.matches):
        click.echo(ONET_CREDIT)


@data.command(name="show")
@click.argument("role", shell_complete=complete_roles)
@click.option("--region", "regions", multiple=True, metavar="CODE", help="Region (repeatable).")
@project_option
@click.pass_context
@handle_errors
def show_command(ctx: click.Context, role: str, regions: tuple[str, ...]) -> None:
    """Print the official pay a regional edition of ROLE will use (default: the regions in
    guidepress.yaml).

    \b
    Example:
      guidepress data show strategic-account-manager --region OH --region 18140
    """
    from guidepress.build.data import show
    from guidepress.cli.paytext import official_lines, own_lines

    shown = show(project_root(ctx), role, regions)
    if not shown.official:
        for line in own_lines(shown.role):
            click.echo(line)
        return
    for index, official in enumerate(shown.official):
        if index:
            click.echo("")
        for line in official_lines(shown.role, official):
            click.echo(printable(line))


@data.command(name="diff")
@click.argument("file", type=_FILE)
@click.option("--region", "regions", multiple=True, metavar="CODE", help="Region (repeatable).")
@click.option(
    "--kind",
    type=click.Choice(["oews", "pay"]),
    help="What FILE is (default: the kind of the data in the store).",
)
@release_options
@project_option
@click.pass_context
@handle_errors
def diff_command(
    ctx: click.Context,
    file: Path,
    regions: tuple[str, ...],
    kind: str | None,
    release: str | None,
    top_code: tuple[float, float] | None,
) -> None:
    """Before importing FILE: what it would change, per role and region (medians and
    percentiles in money and percent; occupations or areas that disappear). With
    GITHUB_ACTIONS=true, each change is also a GitHub annotation on the role's file.

    \b
    Example:
      guidepress data diff all_data_M_2026.xlsx --region OH
    """
    from guidepress.build.data import diff
    from guidepress.cli.paytext import diff_annotations, diff_lines
    from guidepress.paydata import TopCode

    code = TopCode(*top_code) if top_code else None
    report = diff(project_root(ctx), file, regions, kind=kind, release=release, top_code=code)
    for line in diff_lines(report):
        click.echo(printable(line))
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for line in diff_annotations(report):
            click.echo(line)
