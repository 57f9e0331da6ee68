"""The live preview: guidepress serve."""

from __future__ import annotations

import click

from guidepress.cli.errors import handle_errors
from guidepress.cli.options import KindChoice, project_option, project_root


@click.command()
@click.argument("roles", nargs=-1)
@click.option("--kind", "kinds", multiple=True, type=KindChoice(), help="Kinds to list.")
@click.option("--brand", "brands", multiple=True, help="Brands to list (repeatable).")
@click.option("--locale", "locales", multiple=True, help="Locales to list (repeatable).")
@click.option(
    "--region", "regions", multiple=True, metavar="CODE", help="Regional editions (repeatable)."
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on (0: any free port).",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to listen on; any other than this machine's lets the network read it.",
)
@project_option
@click.pass_context
@handle_errors
def serve(
    ctx: click.Context,
    roles: tuple[str, ...],
    kinds: tuple[str, ...],
    brands: tuple[str, ...],
    locales: tuple[str, ...],
    regions: tuple[str, ...],
    port: int,
    host: str,
) -> None:
    """Preview outputs in the browser, updated on every save.

    Lists the selected outputs; the one you open shows its HTML next to pictures of its real
    PDF pages. Saving any file it depends on (role, overlay, brand, template, stylesheet,
    guidepress.yaml) updates the page: the HTML at once, the pages when they are laid out.
    Problems show in the page as the lines `guidepress build` prints. Nothing is written to
    the output folder. Ctrl-C stops.

    \b
    Example:
      guidepress serve strategic-account-manager --kind guide
    """
    from guidepress.build.request import BuildRequest
    from guidepress.i18n.labels import parse_locales
    from guidepress.serve.server import serve as run_server

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: serving on {host}: other machines can read the preview", err=True)
    request = BuildRequest(roles=roles, kinds=kinds, brands=brands, regions=regions,
                           locales=parse_locales(locales), formats=("pdf",))  # fmt: skip
    run_server(project_root(ctx), request, host, port, lambda line: click.echo(line))
