"""Commands that make documents: build, compare, and manifest merge for sharded builds."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from guidepress.cli.errors import handle_errors, project_root
from guidepress.cli.options import KindChoice

if TYPE_CHECKING:
    from guidepress.content.models.config import Contact


def _check_variant(name: str) -> None:
    from guidepress.errors import UsageError
    from guidepress.pdf.variants import pdf_variants

    if name not in pdf_variants():
        raise UsageError(f"--pdf-variant: no variant '{name}' (one of {', '.join(pdf_variants())})")


@click.command()
@click.argument("roles", nargs=-1)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=KindChoice(),
    help="What to build (repeatable).",
)
@click.option("--brand", "brands", multiple=True, help="Brand to build with (repeatable).")
@click.option("--locale", "locales", multiple=True, help="Locale to build in (repeatable).")
@click.option(
    "--paper",
    type=click.Choice(["a4", "letter", "a3", "tabloid"]),
    help="Paper size (A3 and Tabloid: comparison sheets only).",
)
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
    "--contact",
    metavar="'NAME, PHONE, EMAIL'",
    callback=lambda ctx, param, value: _contact(value),
    help="Recruiter printed on role sheets (over the config's sheet.contact).",
)
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
    contact: Contact | None,
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
    from guidepress.build.pipeline import BuildFailed, BuildReport
    from guidepress.build.pipeline import build as run_build
    from guidepress.build.request import BuildRequest
    from guidepress.cli.progress import reporter_for
    from guidepress.i18n.labels import parse_locales

    locales = parse_locales(locales)
    if pdf_variant is not None:
        _check_variant(pdf_variant)
    request = BuildRequest(
        roles=roles, kinds=kinds, brands=brands, locales=locales, formats=formats, paper=paper,
        out=out, pdf_variant=pdf_variant, jobs=jobs, force=force, shard=shard,
        print_marks=print_marks, contact=contact,
    )  # fmt: skip
    reporter = reporter_for(sys.stdout, click.echo)
    report: BuildReport | None = None
    try:
        report = run_build(project_root(ctx), request, reporter)
    except BuildFailed as exc:
        report = exc.report  # what did build is summarised before the failures are listed
        raise
    finally:
        reporter.close()
        if report is not None:
            click.echo(report.summary())


def _contact(value: str | None) -> Contact | None:
    from guidepress.build.request import parse_contact
    from guidepress.errors import UsageError

    if value is None:
        return None
    try:
        return parse_contact(value)
    except UsageError as exc:
        raise click.BadParameter(str(exc)) from None


def _shard(value: str | None) -> tuple[int, int] | None:
    from guidepress.build.shards import parse_shard
    from guidepress.errors import UsageError

    if value is None:
        return None
    try:
        return parse_shard(value)
    except UsageError as exc:
        raise click.BadParameter(str(exc).removeprefix("--shard: ")) from None


@click.group()
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
    from guidepress.build.manifest import merge

    path, merged = merge(list(sources), out)
    failed = sum(entry.status == "failed" for entry in merged.outputs)
    click.echo(
        f"merged {len(sources)} manifests: {len(merged.outputs)} outputs "
        f"({failed} failed) into {path}"
    )


@click.command(name="compare")
@click.argument("roles", nargs=-1, required=True)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (.pdf or .html; default output/comparisons/A-vs-B.pdf).",
)
@click.option("--brand", help="Brand to print under.")
@click.option(
    "--paper",
    type=click.Choice(["a4", "letter", "a3", "tabloid"]),
    help="Paper size (A3 or Tabloid when four roles do not fit A4 or Letter).",
)
@click.option("--locale", help="Locale to print in (default: the first configured).")
@click.pass_context
@handle_errors
def compare_roles(
    ctx: click.Context,
    roles: tuple[str, ...],
    out: Path | None,
    brand: str | None,
    paper: str | None,
    locale: str | None,
) -> None:
    """Compare 2 to 4 roles on one page, side by side.

    \b
    Example:
      guidepress compare strategic-account-manager customer-success-manager --out cmp.pdf
      guidepress compare analyst nurse engineer chef --paper a3
    """
    from guidepress.build.pipeline import compare
    from guidepress.i18n.labels import parse_locales

    code = parse_locales((locale,))[0] if locale else None
    click.echo(f"wrote {compare(project_root(ctx), list(roles), out, brand, paper, code)}")
