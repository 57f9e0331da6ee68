"""One output, made: render its HTML, lay it out (fitting one-page kinds), write it atomically.

This is the only module of the build that needs WeasyPrint; the pipeline imports it where an
output is actually made, so a build with nothing to do never pays for importing it.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guidepress import overlays, preflight
from guidepress.confine import output_file
from guidepress.errors import GuidepressError, RenderError
from guidepress.fit import FIRST, FLOOR, DoesNotFit, fit_one_page, too_long_message
from guidepress.jobs import Job, Options
from guidepress.limits import time_limit
from guidepress.project import Project
from guidepress.render_compare import COMPARE_FOOTER_MM, is_landscape, render_comparison
from guidepress.render_html import RenderedHtml, render_guide
from guidepress.render_pdf import Layout, layout, write_pdf
from guidepress.render_sheet import FOOTER_MM, render_sheet, usable_height_px
from guidepress.theme import Theme
from guidepress.write import self_contained_html, write_atomic

if TYPE_CHECKING:
    from guidepress.pipeline import BuildRequest

LIMIT_SETTING = "render_timeout in guidepress.yaml"


def run_job(
    project: Project,
    theme: Theme,
    job: Job,
    output_dir: Path,
    request: BuildRequest,
    inputs_hash: str,
) -> dict[str, Any]:
    """Build one output; a failure is recorded in its manifest entry, never raised."""
    started = time.perf_counter()
    entry = job.entry(inputs_hash=inputs_hash)
    try:
        target = output_file(output_dir, job.path)
        with time_limit(project.config.render_timeout, LIMIT_SETTING):
            data, pages = produce(project, theme, job, output_dir, request.pdf_variant)
        if job.format == "pdf":
            preflight.require(data, locale=job.locale, variant=request.pdf_variant)
        write_atomic(target, data)
        entry.update(
            pages=pages, bytes=len(data), sha256=hashlib.sha256(data).hexdigest(), status="built"
        )
    except GuidepressError as exc:
        entry["error"] = str(exc)
    except Exception as exc:  # a renderer crash fails this output only; the batch goes on
        entry["error"] = f"internal error: {type(exc).__name__}: {exc}"
    entry["seconds"] = round(time.perf_counter() - started, 3)
    return entry


def produce(
    project: Project, theme: Theme, job: Job, output_dir: Path, pdf_variant: str | None
) -> tuple[bytes, int | None]:
    """The bytes of one output and its page count (None for HTML)."""
    project = overlays.localized(project, job.roles, job.locale)
    brand = project.brand(job.brand)
    allowed = [project.root / "content"] + ([brand.folder] if brand.folder else [])
    options = Options(
        locale=job.locale,
        paper=job.paper,
        edition=project.build_date(),
        print_marks=job.print_marks,
    )
    if job.kind == "guide":
        rendered = render_guide(project.roles[job.slug], brand, theme, **options)
        if job.format == "html":
            return self_contained_html(
                rendered.html, rendered.stylesheets, output_dir / job.path, allowed
            ), None
        laid = layout(rendered.html, rendered.stylesheets, allowed=allowed)
        pdf = write_pdf(
            laid, identifier=job.path, pdf_variant=pdf_variant, print_marks=job.print_marks
        )
        return pdf, laid.pages

    landscape = False
    if job.kind == "sheet":
        role = project.roles[job.slug]

        def render(scale: float, measure: bool = False) -> RenderedHtml:
            return render_sheet(role, brand, theme, scale=scale, measure=measure, **options)

    else:
        comparison = project.comparisons[job.slug]
        roles = [project.roles[slug] for slug in job.roles]
        landscape = is_landscape(comparison.orientation, len(roles))

        def render(scale: float, measure: bool = False) -> RenderedHtml:
            return render_comparison(
                comparison.title, roles, brand, theme, intro=comparison.intro,
                notes=comparison.notes, orientation=comparison.orientation, scale=scale,
                measure=measure, **options,
            )  # fmt: skip

    def lay_out(scale: float, measure: bool) -> Layout:
        rendered = render(scale, measure)
        return layout(rendered.html, rendered.stylesheets, allowed=allowed)

    try:
        fitted = fit_one_page(
            lay_out,
            usable_height_px(
                job.paper, landscape, COMPARE_FOOTER_MM if job.kind == "compare" else FOOTER_MM
            ),
            first=FIRST[job.kind],
        )
    except DoesNotFit as exc:
        if job.kind == "sheet":
            raise RenderError(too_long_message(project.roles[job.slug], exc)) from None
        raise RenderError(
            f"comparison '{job.slug}' does not fit on one page even at {FLOOR:.0%} type size "
            f"(about {exc.excess:.0%} too long): compare fewer roles or shorten their pros and cons"
        ) from None
    if job.format == "html":
        rendered = render(fitted.scale)
        return self_contained_html(
            rendered.html, rendered.stylesheets, output_dir / job.path, allowed
        ), None
    pdf = write_pdf(
        fitted.laid, identifier=job.path, pdf_variant=pdf_variant, print_marks=job.print_marks
    )
    return pdf, fitted.laid.pages
