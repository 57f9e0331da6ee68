"""Commands about the project's content: init, validate, list, schema."""

from __future__ import annotations

import json
from pathlib import Path

import click

from guidepress.cli.errors import handle_errors
from guidepress.cli.options import complete_names, project_option, project_root
from guidepress.errors import printable


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@handle_errors
def init(directory: Path) -> None:
    """Scaffold a new project in DIRECTORY: config, an example role and a brand.

    \b
    Example:
      guidepress init careers && cd careers && guidepress build
    """
    from guidepress.content.scaffold import scaffold

    for path in scaffold(directory):
        click.echo(f"created {path}")


@click.command()
@click.argument("roles", nargs=-1, metavar="[NAME]...", shell_complete=complete_names)
@project_option
@click.pass_context
@handle_errors
def validate(ctx: click.Context, roles: tuple[str, ...]) -> None:
    """Check roles, brands, comparisons, config, the templates the outputs use and the roles'
    occupation codes against the pay data; print every problem, one per line. NAMEs (roles or
    comparisons, by name or file) limit the check to those files.

    \b
    Example:
      guidepress validate chef
    """
    from guidepress.build.checks import check
    from guidepress.errors import ContentError
    from guidepress.i18n.labels import warnings_for

    root = project_root(ctx)
    project, problems = check(root, list(roles) or None)
    for line in warnings_for(project.config.locales, root):
        click.echo(f"warning: {line}", err=True)
    for warning in project.warnings:
        click.echo(f"warning: {warning}", err=True)
    if problems:
        raise ContentError(problems)
    click.echo(f"ok: {len(project.roles)} roles, {len(project.brands)} brands")


@click.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@project_option
@click.pass_context
@handle_errors
def list_roles(ctx: click.Context, as_json: bool) -> None:
    """List the valid roles with their key facts, then the problems of the others.

    \b
    Example:
      guidepress list --json
    """
    from guidepress.content.listing import role_rows
    from guidepress.errors import ContentError

    rows, problems = role_rows(project_root(ctx))
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for row in rows:
            median = row["median_salary"]
            money = f"{median:,.0f} {row['currency']}" if median is not None else "-"
            title = printable(row["title"])
            click.echo(f"{row['slug']:<36} {money:>16}  {row['completeness']:<8} {title}")
    if problems:
        raise ContentError(problems)


@click.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Folder for the schema files.",
)
@handle_errors
def schema(out: Path) -> None:
    """Write JSON Schemas for role, comparison, brand and config files (for editors).

    \b
    Example:
      guidepress schema --out schemas
    """
    from guidepress.content.schema import write_schemas

    for path in write_schemas(out):
        click.echo(f"wrote {path}")
