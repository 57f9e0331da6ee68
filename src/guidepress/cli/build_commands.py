"""Commands that make documents: build, compare, and manifest merge for sharded builds."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from guidepress.cli.errors import handle_errors
from guidepress.cli.options import (
    KindChoice,
    check_variant,
    complete_names,
    complete_roles,
    output_options,
    project_option,
    project_root,
)


def _shard(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    from guidepress.build.shards import parse_shard
    from guidepress.errors import UsageError

    if value is None:
        return None
    try:
        return parse_shard(value)
    except UsageError as exc:
        raise click.BadParameter(str(exc).removeprefix("--shard: ")) from None


def _contact(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    from guidepress.build.request import parse_contact
    from guidepress.errors import UsageError

    if value is None:
        return None
    try:
        return parse_contact(value)
    except UsageError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command()
@click.argument("roles", nargs=-1, metavar="[NAME]...", shell_complete=complete_names)
@click.option(
    "--kind", "kinds", multiple=True, type=KindChoice(), help="What to build (repeatable)."
)
@output_options(many=True)
@click.option(
    "--dpi",
    type=click.IntRange(min=10, max=1200),
    help="Resolution of page images (--format png; default 96).",
)
@click.option(
    "--thumbnails", is_flag=True, help="A small first-page image beside each PDF (*.thumb.png)."
)
@click.option(
    "--open", "single", is_flag=True, help="Open the built file (exactly one output selected)."
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder (default: guidepress.yaml's output).",
)
@click.option(
    "-o",
    "file",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Also write the one selected output to FILE (.pdf, or .html with --format html).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Outputs built at once, each in its own process (default: one per CPU).",
)
@click.option("--force", is_flag=True, help="Rebuild outputs whose inputs have not changed.")
@click.option(
    "--impose",
    type=click.Choice(["saddle"]),
    help="Booklets: also write the imposed file for folding (two pages a sheet side).",
)
@click.option(
    "--contact",
    metavar="'NAME, PHONE, EMAIL'",
    callback=_contact,
    help="Recruiter printed on role sheets (over the config's sheet.contact).",
)
@click.option(
    "--shard",
    metavar="K/N",
    callback=_shard,
    help="Build only the K-th of N equal shares (for a CI matrix of N machines).",
)
@project_option
@click.pass_context
@handle_errors
def build(ctx: click.Context, /, **options: Any) -> None:
    """Build every selected output that changed, then write the folder's manifest.json.

    NAMEs are roles or comparisons, by name or file; none means all of them. An output whose inputs
    (content, brand kit, templates, styles, options, guidepress version) are unchanged since
    its last build is kept and listed as cached. Outputs are removed only when their role or
    comparison file is gone, never because a build did not select them.

    \b
    Example:
      guidepress build strategic-account-manager --paper letter
      guidepress build customer-success-manager --kind sheet -o csm.pdf
      guidepress build --kind guide --audience employer
      guidepress build --kind booklet --impose saddle
      guidepress build --region OH --kind sheet
      guidepress build --shard 2/4 --jobs 2
      guidepress build strategic-account-manager --kind sheet --format png --open
    """
    from guidepress.build.pipeline import BuildFailed, BuildReport
    from guidepress.build.pipeline import build as run_build
    from guidepress.cli.progress import reporter_for

    out = options["out"]
    if out is not None and out.suffix.lower() in (".pdf", ".html"):
        from guidepress.errors import UsageError

        raise UsageError(
            f"--out: names the output folder (got '{out}'); to write one output to a file, "
            f"use -o {out}"
        )
    request = _request(**options)
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
            for path in report.removed:
                click.echo(f"removed {path}")
            click.echo(report.summary())
            if request.file is not None and report.entries[0].status != "failed":
                click.echo(f"wrote {request.file}")
    if request.single:
        assert report is not None
        built = report.output_dir / report.entries[0].path
        if click.launch(str(built)) != 0:
            click.echo(f"warning: no viewer could open {built}", err=True)


def _request(**options: Any) -> Any:
    """The BuildRequest of a command's options (build's, or compare's)."""
    from guidepress.build.request import BuildRequest
    from guidepress.i18n.labels import parse_locales

    check_variant(options.get("pdf_variant"))
    options["locales"] = parse_locales(options.get("locales", ()))
    return BuildRequest(**options)


@click.group()
def manifest() -> None:
    """Work with output manifests (manifest.json).

    \b
    Example:
      guidepress manifest merge shard-1 shard-2 --out merged
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

    SOURCES are manifest files or the folders holding them; every output they list (for a
    shard's manifest: every output that shard selected) is copied into the --out folder beside
    the merged manifest.json.

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
@click.argument("roles", nargs=-1, required=True, shell_complete=complete_roles)
@output_options(many=False)
@click.option(
    "-o",
    "--out",
    "file",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Also write the sheet to FILE (.pdf, or .html with --format html).",
)
@click.option("--force", is_flag=True, help="Build it again even if it is current.")
@project_option
@click.pass_context
@handle_errors
def compare_roles(ctx: click.Context, /, roles: tuple[str, ...], **options: Any) -> None:
    """Compare 2 to 4 roles on one page, side by side.

    The sheet is built into the output folder (comparisons/A-vs-B.pdf) and recorded in its
    manifest.json like any output; -o/--out copies it to a file of your choice.

    \b
    Example:
      guidepress compare strategic-account-manager customer-success-manager -o cmp.pdf
      guidepress compare strategic-account-manager customer-success-manager --region OH
    """
    from guidepress.build.adhoc import compare
    from guidepress.cli.progress import entry_line

    request = _request(**options)
    entry = compare(project_root(ctx), list(roles), request)
    click.echo(entry_line(entry))
    if request.file is not None:
        click.echo(f"wrote {request.file}")
