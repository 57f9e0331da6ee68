"""The command line: parse options, call one function, print. One module per command group;
errors are converted in one place (cli/errors.py). Nothing below the CLI imports click."""

from __future__ import annotations

import click

from guidepress import __version__
from guidepress.cli.build_commands import build, compare_roles, manifest
from guidepress.cli.content_commands import init, list_roles, schema, validate
from guidepress.cli.data_commands import data
from guidepress.cli.errors import show_warnings
from guidepress.cli.file_commands import import_pages, theme
from guidepress.cli.options import project_option
from guidepress.cli.serve_commands import serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@project_option
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@click.version_option(__version__, prog_name="guidepress")
def cli(debug: bool) -> None:
    """Turn career-role content into printable, branded PDFs.

    \b
    Example:
      guidepress build            build every guide into output/
    """
    show_warnings()


for command in (
    init,
    validate,
    list_roles,
    schema,
    build,
    manifest,
    compare_roles,
    import_pages,
    theme,
    data,
    serve,
):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="guidepress")
