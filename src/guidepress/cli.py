"""The command line: parse options, call one function, print. Errors are converted in one place."""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from guidepress import __version__
from guidepress.errors import GuidepressError, printable

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """Turn our exceptions into messages and exit codes; a bug becomes one line and a file."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except GuidepressError as exc:
            for line in exc.lines():
                click.echo(line, err=True)
            if os.environ.get("GITHUB_ACTIONS") == "true":
                from guidepress.progress import github_annotation

                for p in exc.problems_found():
                    text = f"{p.field}: {p.message}" if p.field else p.message
                    click.echo(github_annotation(p.file, p.line, p.col, text))
            sys.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, SystemExit, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # output piped into `head` and the like: stop quietly
            sys.exit(1)
        except Exception as exc:  # a bug: never show a raw traceback to the user
            ctx = click.get_current_context(silent=True)
            if ctx is not None and ctx.find_root().params.get("debug"):
                raise
            with tempfile.NamedTemporaryFile(
                "w", prefix="guidepress-crash-", suffix=".txt", delete=False
            ) as handle:
                traceback.print_exc(file=handle)
            click.echo(
                printable(f"internal error: {type(exc).__name__}: {exc}")
                + f" (traceback written to {handle.name})",
                err=True,
            )
            sys.exit(3)

    return wrapper  # type: ignore[return-value]


class _EchoWarnings(logging.Handler):
    """Prints the core's warnings (logger "guidepress") as ``warning: ...`` lines on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"warning: {record.getMessage()}", err=True)


def _show_warnings() -> None:
    logger = logging.getLogger("guidepress")
    if not any(isinstance(h, _EchoWarnings) for h in logger.handlers):
        logger.addHandler(_EchoWarnings(logging.WARNING))
        logger.propagate = False


def _check_variant(name: str) -> None:
    from guidepress.errors import UsageError
    from guidepress.render_pdf import pdf_variants

    if name not in pdf_variants():
        raise UsageError(f"--pdf-variant: no variant '{name}' (one of {', '.join(pdf_variants())})")


def _root(ctx: click.Context) -> Path:
    from guidepress.project import find_root

    project = ctx.find_root().params.get("project")
    return find_root(Path(project) if project else Path.cwd())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--project",
    type=click.Path(file_okay=False, path_type=Path),
    help="Project folder (default: nearest folder holding guidepress.yaml).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@click.version_option(__version__, prog_name="guidepress")
def cli(project: Path | None, debug: bool) -> None:
    """Turn career-role content into printable, branded PDFs.

    \b
    Example:
      guidepress build            build every guide into output/
    """
    _show_warnings()


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@handle_errors
def init(directory: Path) -> None:
    """Scaffold a new project in DIRECTORY: config, an example role and a brand.

    \b
    Example:
      guidepress init careers && cd careers && guidepress build
    """
    from guidepress.scaffold import scaffold

    for path in scaffold(directory):
        click.echo(f"created {path}")


@cli.command()
@click.argument("roles", nargs=-1)
@click.pass_context
@handle_errors
def validate(ctx: click.Context, roles: tuple[str, ...]) -> None:
    """Check roles, brands, comparisons and config; print every problem, one per line.

    \b
    Example:
      guidepress validate chef
    """
    from guidepress.errors import ContentError
    from guidepress.labels import warnings_for
    from guidepress.project import load_project

    root = _root(ctx)
    project, problems = load_project(root, only=list(roles) or None)
    for line in warnings_for(project.config.locales, root):
        click.echo(f"warning: {line}", err=True)
    if problems:
        raise ContentError(problems)
    click.echo(f"ok: {len(project.roles)} roles, {len(project.brands)} brands")


@cli.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.pass_context
@handle_errors
def list_roles(ctx: click.Context, as_json: bool) -> None:
    """List the roles with their key facts.

    \b
    Example:
      guidepress list --json
    """
    from guidepress.listing import role_rows

    rows = role_rows(_root(ctx))
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for row in rows:
        median = row["median_salary"]
        money = f"{median:,.0f} {row['currency']}" if median is not None else "-"
        title = printable(row["title"])
        click.echo(f"{row['slug']:<36} {money:>16}  {row['completeness']:<8} {title}")


@cli.command()
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
    from guidepress.schema import write_schemas

    for path in write_schemas(out):
        click.echo(f"wrote {path}")


@cli.command()
@click.argument("roles", nargs=-1)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(["guide", "sheet", "compare"]),
    help="What to build (repeatable).",
)
@click.option("--brand", "brands", multiple=True, help="Brand to build with (repeatable).")
@click.option("--locale", "locales", multiple=True, help="Locale to build in (repeatable).")
@click.option("--paper", type=click.Choice(["a4", "letter"]), help="Paper size.")
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(["pdf", "html"]),
    help="Output format (repeatable; default pdf).",
)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Output folder.")
@click.option("--pdf-variant", help="PDF variant (default pdf/ua-1), e.g. pdf/a-3u for archives.")
@click.option(
    "--print-marks", is_flag=True, help="3 mm bleed and crop marks for print shops (*.print.pdf)."
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Outputs built at once, each in its own process (default: one per CPU).",
)
@click.option("--force", is_flag=True, help="Rebuild outputs whose inputs have not changed.")
@click.option(
    "--shard",
    metavar="K/N",
    callback=lambda ctx, param, value: _shard(value),
    help="Build only the K-th of N equal shares (for a CI matrix of N machines).",
)
@click.pass_context
@handle_errors
def build(
    ctx: click.Context,
    roles: tuple[str, ...],
    kinds: tuple[str, ...],
    brands: tuple[str, ...],
    locales: tuple[str, ...],
    paper: str | None,
    formats: tuple[str, ...],
    out: Path | None,
    pdf_variant: str | None,
    print_marks: bool,
    jobs: int | None,
    force: bool,
    shard: tuple[int, int] | None,
) -> None:
    """Build every selected output that changed, then write the folder's manifest.json.

    An output whose inputs (content, brand kit, templates, styles, options, guidepress version)
    are unchanged since its last build is kept and listed as cached.

    \b
    Example:
      guidepress build strategic-account-manager --paper letter
      guidepress build --shard 2/4 --jobs 2
    """
    from guidepress.errors import BuildFailed
    from guidepress.labels import parse_locales
    from guidepress.pipeline import BuildRequest
    from guidepress.pipeline import build as run_build
    from guidepress.progress import reporter_for

    locales = parse_locales(locales)
    if pdf_variant is not None:
        _check_variant(pdf_variant)
    request = BuildRequest(
        roles=roles, kinds=kinds, brands=brands, locales=locales, formats=formats, paper=paper,
        out=out, pdf_variant=pdf_variant, jobs=jobs, force=force, shard=shard,
        print_marks=print_marks,
    )  # fmt: skip
    reporter = reporter_for(sys.stdout, click.echo)
    report = None
    try:
        report = run_build(_root(ctx), request, reporter)
    except BuildFailed as exc:
        report = exc.report  # what did build is summarised before the failures are listed
        raise
    finally:
        reporter.close()
        if report is not None:
            click.echo(report.summary())


def _shard(value: str | None) -> tuple[int, int] | None:
    from guidepress.errors import UsageError
    from guidepress.shards import parse_shard

    if value is None:
        return None
    try:
        return parse_shard(value)
    except UsageError as exc:
        raise click.BadParameter(str(exc).removeprefix("--shard: ")) from None


@cli.group()
def manifest() -> None:
    """Work with output manifests (manifest.json).

    \b
    Example:
      guidepress manifest merge shard-1/ shard-2/ --out output
    """


@manifest.command(name="merge")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Folder for the merged manifest.json and the files it lists.",
)
@handle_errors
def manifest_merge(sources: tuple[Path, ...], out: Path) -> None:
    """Join the manifests of sharded builds into one, with the files they list.

    SOURCES are manifest files or the folders holding them; every output they list is copied
    into the --out folder beside the merged manifest.json.

    \b
    Example:
      guidepress manifest merge shards/*/ --out output
    """
    from guidepress.manifest import merge

    path, merged = merge(list(sources), out)
    failed = sum(entry.get("status") == "failed" for entry in merged["outputs"])
    click.echo(
        f"merged {len(sources)} manifests: {len(merged['outputs'])} outputs "
        f"({failed} failed) into {path}"
    )


@cli.command(name="compare")
@click.argument("roles", nargs=-1, required=True)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (.pdf or .html; default output/comparisons/A-vs-B.pdf).",
)
@click.option("--brand", help="Brand to print under.")
@click.pass_context
@handle_errors
def compare_roles(
    ctx: click.Context, roles: tuple[str, ...], out: Path | None, brand: str | None
) -> None:
    """Compare 2 to 4 roles on one page, side by side.

    \b
    Example:
      guidepress compare strategic-account-manager customer-success-manager --out cmp.pdf
    """
    from guidepress.pipeline import compare

    click.echo(f"wrote {compare(_root(ctx), list(roles), out, brand)}")


@cli.command(name="import")
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the role files (default: content/roles of the project).",
)
@click.option("--force", is_flag=True, help="Overwrite existing role files.")
@click.pass_context
@handle_errors
def import_pages(
    ctx: click.Context, sources: tuple[str, ...], out: Path | None, force: bool
) -> None:
    """Turn career-guide page text (.txt files, or - for stdin) into role YAML.

    \b
    Example:
      guidepress import pages/nurse.txt --out content/roles
    """
    from guidepress.importer import ImportFailed, import_files, summary_line

    target = out or _root(ctx) / "content" / "roles"

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


@cli.group()
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
    from guidepress.eject import eject as copy_theme

    target = out or _root(ctx)
    written = copy_theme(target, force)
    for rel in written:
        click.echo(f"wrote {target / rel}")
    click.echo(f"{len(written)} theme files in {target}")


def main() -> None:
    cli(prog_name="guidepress")
