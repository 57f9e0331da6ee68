"""Commands around content and theme files: import pages, eject the theme."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from guidepress.cli.errors import handle_errors
from guidepress.cli.options import project_option, project_root
from guidepress.errors import printable


@click.command(name="import")
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the role files (default: content/roles of the project).",
)
@click.option("--force", is_flag=True, help="Overwrite existing role files.")
@project_option
@click.pass_context
@handle_errors
def import_pages(
    ctx: click.Context, sources: tuple[str, ...], out: Path | None, force: bool
) -> None:
    """Turn career-guide pages into role YAML: page text (.txt), saved web pages (.html, .htm),
    or - for standard input. Scripts, menus, footers and other site furniture are left out.

    \b
    Example:
      guidepress import pages/nurse.html --out content/roles
    """
    from guidepress.importer import ImportFailed, import_files, summary_line

    target = out or project_root(ctx) / "content" / "roles"

    def show(results: list[Any]) -> None:
        for result in results:
            click.echo(printable(summary_line(result)))
            for warning in result.warnings:
                click.echo(printable(f"  warning: {warning}"))

    try:
        results = import_files(list(sources), target, force, stdin=sys.stdin.buffer)
    except ImportFailed as exc:
        show(exc.results)  # the files that were written, before the problems of the others
        raise
    show(results)


@click.group()
def theme() -> None:
    """Work with the theme: the templates and styles documents are drawn with.

    \b
    Example:
      guidepress theme eject
    """


@theme.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to copy into (default: the project folder).",
)
@click.option("--force", is_flag=True, help="Overwrite files that exist.")
@project_option
@click.pass_context
@handle_errors
def eject(ctx: click.Context, out: Path | None, force: bool) -> None:
    """Copy the built-in templates/ and styles/ into the project, to edit as its own.

    The project's copies shadow the built-in files of the same name; delete any you do not
    change, so that they keep following the built-in theme.

    \b
    Example:
      guidepress theme eject && $EDITOR styles/base.css
    """
    from guidepress.theme.eject import eject as copy_theme

    target = out or project_root(ctx)
    written = copy_theme(target, force)
    for rel in written:
        click.echo(f"wrote {target / rel}")
    click.echo(f"{len(written)} theme files in {target}")
