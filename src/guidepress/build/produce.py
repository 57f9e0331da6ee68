"""One output, made: render its HTML, lay it out (fitting one-page kinds), check it, write it.

The only build module that needs WeasyPrint (through guidepress.pdf); the pipeline reaches it
only where an output is actually made, so a build with nothing to do never imports WeasyPrint.
"""

from __future__ import annotations

import hashlib
import time
import weakref
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from guidepress.build.booklet import produce_booklet
from guidepress.build.chapters import CHAPTERS
from guidepress.build.html_export import self_contained_html
from guidepress.build.limits import time_limit
from guidepress.build.manifest import Entry
from guidepress.build.outputs import Output, page_file, page_files
from guidepress.build.rendering import rendering
from guidepress.content.models import Comparison
from guidepress.content.project import Project
from guidepress.errors import GuidepressError, RenderError
from guidepress.files import output_file, write_atomic
from guidepress.paper import DEFAULT_DPI
from guidepress.pdf import engine, preflight
from guidepress.pdf.engine import Layout, layout, write_pdf
from guidepress.pdf.fit import DoesNotFit, fit_one_page
from guidepress.pdf.paginate import edited_html, paginate
from guidepress.render.context import Official, RenderedHtml
from guidepress.theme.lookup import Theme, declared_families

LIMIT_SETTING = "render_timeout in guidepress.yaml"


def run(
    project: Project,
    theme: Theme,
    output: Output,
    output_dir: Path,
    inputs_hash: str | None = None,
    *,
    target: Path | None = None,
    comparison: Comparison | None = None,
    official: tuple[Official, ...] = (),
) -> Entry:
    """Build one output to ``target`` (by default its path in ``output_dir``); a failure is
    recorded in its manifest entry, never raised. ``comparison``: an ad-hoc comparison's;
    ``official``: a regional output's official pay, per role."""
    started = time.perf_counter()
    entry = output.entry(inputs_hash=inputs_hash, sources=sources_of(project, output))
    try:
        target = target or output_file(output_dir, output.path)
        with time_limit(project.config.render_timeout, LIMIT_SETTING):
            data, pages = produce(
                project, theme, output, target, comparison, official, output_dir / CHAPTERS
            )
        if output.format == "pdf":
            preflight.require(
                data,
                locale=output.locale,
                variant=output.pdf_variant,
                families=allowed_families(project, theme, output),
            )
        if output.format == "png":
            data, entry.files = write_pages(target, output, data)
        else:
            write_atomic(target, data)
        entry.pages, entry.bytes = pages, len(data)
        entry.sha256, entry.status = hashlib.sha256(data).hexdigest(), "built"
    except GuidepressError as exc:
        entry.error = str(exc)
    except Exception as exc:  # a renderer crash fails this output only; the batch goes on
        entry.error = f"internal error: {type(exc).__name__}: {exc}"
    entry.seconds = round(time.perf_counter() - started, 3)
    return entry


def prepare(project: Project, theme: Theme, outputs: Sequence[Output]) -> None:
    """Warm this process for ``outputs``, as their first document would: each kind's
    templates compiled and its stylesheets parsed with their fonts. A parent does it once
    before forking its workers, instead of every worker on its first output."""
    done: set[tuple[str, str]] = set()
    for output in outputs:
        if (output.kind, output.brand) in done:
            continue
        done.add((output.kind, output.brand))
        try:
            made = rendering(project, output)
            rendered = output.record.render(made.subject, made.brand, theme, made.options)
            engine.prepare(rendered.stylesheets, allowed=made.allowed)
        except Exception:  # the output's own run reports what is wrong
            continue


def sources_of(project: Project, output: Output) -> list[dict[str, object]]:
    """Each role's provenance, for the manifest (JSON values; unset fields left out)."""
    found = []
    for slug in output.roles:
        role = project.roles.get(slug)
        if role is not None:
            data = role.provenance.model_dump(mode="json", exclude_none=True)
            found.append({"role": slug, **data})
    return found


def allowed_families(project: Project, theme: Theme, output: Output) -> list[str]:
    """The font families an output may embed: those its stylesheets declare (the theme's) and
    the brand's. Never the machine's: a glyph none of them has fails the output, named."""
    stylesheets = [theme.style(name) for name in output.record.stylesheets]
    return declared_families(stylesheets) + list(project.brand(output.brand).font_families())


def write_pages(target: Path, output: Output, pdf: bytes) -> tuple[bytes, list[str]]:
    """Draw every page of ``pdf`` and write the images, the first at ``target``; returns their
    bytes one after the other (what the entry's sha256 is of) and their paths."""
    from guidepress.pdf.images import page_images

    images = page_images(pdf, output.dpi or DEFAULT_DPI)  # all drawn before any is written
    files = page_files(output.path, len(images))
    for rel, image in zip(files, images, strict=True):
        write_atomic(target.parent / Path(rel).name, image)
    number = len(images) + 1  # the pages a document that got shorter no longer has
    while (stale := target.parent / Path(page_file(output.path, number)).name).is_file():
        stale.unlink()
        number += 1
    return b"".join(images), files


def produce(
    project: Project,
    theme: Theme,
    output: Output,
    target: Path,
    comparison: Comparison | None = None,
    official: tuple[Official, ...] = (),
    chapters: Path | None = None,
) -> tuple[bytes, int | None]:
    """The bytes of one output and its page count (None for HTML); a png output's are its
    PDF's, to draw the pages from. ``chapters``: the booklets' chapter cache (build/booklet.py)."""
    kind = output.record
    made = rendering(project, output, comparison, official)
    subject, brand, allowed, options = made.subject, made.brand, made.allowed, made.options
    if kind.subject == "booklet":
        return produce_booklet(project, theme, output, options, allowed, chapters, official)

    def render(level: int = 0, scale: float = 1.0) -> RenderedHtml:
        return kind.render(subject, brand, theme, replace(options, level=level, scale=scale))

    def html(rendered: RenderedHtml) -> bytes:
        return self_contained_html(rendered.html, rendered.stylesheets, target, allowed)

    def pdf(laid: Layout) -> bytes:
        return write_pdf(
            laid,
            identifier=output.path,
            pdf_variant=output.pdf_variant,
            print_marks=bool(output.print_marks),
        )

    if kind.one_page is None:
        rendered = render()
        # Handed to the paginator, not kept here: a first layout it replaced is freed before
        # its next ones (engine._collect_discarded), not held until the PDF is written.
        held = [layout(rendered.html, rendered.stylesheets, allowed=allowed)]
        first = weakref.ref(held[0])
        laid = paginate(held.pop())
        if output.format == "html":
            # What the paginator added (notes panels, pages) is part of the pages, so of the
            # HTML that plain WeasyPrint prints the same.
            edited = rendered if laid is first() else replace(rendered, html=edited_html(laid))
            return html(edited), None
        return pdf(laid), laid.pages

    page = kind.one_page

    def lay_out(level: int, scale: float) -> Layout:
        rendered = render(level, scale)
        return layout(rendered.html, rendered.stylesheets, allowed=allowed)

    try:
        fitted = fit_one_page(
            lay_out,
            levels=page.levels(subject),
            scales=page.scales,
            ceiling=page.ceilings.get(options.paper, 1.0),
            room=page.room_px(options.paper, kind.landscape(subject, options.paper)),
            floor=page.floor,
            estimate=kind.estimate(subject, brand, theme, options) if kind.estimate else None,
        )
    except DoesNotFit as exc:
        assert kind.too_long is not None
        message = kind.too_long(subject, exc.excess, options.paper, exc.heights)
        raise RenderError(message) from None
    if output.format == "html":
        return html(render(fitted.level, fitted.scale)), None
    return pdf(fitted.laid), fitted.laid.pages
