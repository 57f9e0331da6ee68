"""The whole build, step by step: load, validate, render HTML, render PDF, write."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guidepress import __version__
from guidepress.errors import BuildFailed, GuidepressError, RenderError, UsageError
from guidepress.fit import DoesNotFit, fit_one_page, too_long_message
from guidepress.project import Project, load_project
from guidepress.render_html import RenderedHtml, render_guide
from guidepress.render_pdf import layout, write_pdf
from guidepress.render_sheet import render_sheet, usable_height_px
from guidepress.theme import Theme
from guidepress.write import self_contained_html, write_atomic, write_manifest

GENERATOR = f"guidepress {__version__}"


@dataclass(frozen=True)
class BuildRequest:
    """What the user asked for; empty tuples mean "as configured"."""

    roles: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    brands: tuple[str, ...] = ()
    locales: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    paper: str | None = None
    out: Path | None = None
    pdf_variant: str | None = None


@dataclass(frozen=True)
class Job:
    kind: str
    slug: str
    brand: str
    locale: str
    paper: str
    format: str
    path: str  # relative to the output folder


@dataclass
class BuildReport:
    output_dir: Path
    entries: list[dict[str, Any]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def build(
    root: Path, request: BuildRequest, progress: Callable[[dict[str, Any]], None] | None = None
) -> BuildReport:
    """Build every output ``request`` selects; raises BuildFailed after finishing what it can."""
    project, problems = load_project(root, only=list(request.roles) or None)
    theme = Theme(root)
    output_dir = request.out or project.output_dir
    report = BuildReport(output_dir, failures=[str(p) for p in problems])
    theme_hash = _hash_files(theme.files())
    for job in plan(project, request):
        entry = run_job(project, theme, job, output_dir, theme_hash, request.pdf_variant)
        report.entries.append(entry)
        if entry["error"]:
            report.failures.append(f"{job.path}: {entry['error']}")
        if progress:
            progress(entry)
    write_manifest(output_dir, GENERATOR, project.build_date().isoformat(), report.entries)
    if report.failures:
        raise BuildFailed(report.failures)
    return report


def plan(project: Project, request: BuildRequest) -> list[Job]:
    """Every output selected: roles × kinds × brands × locales × formats."""
    config = project.config
    kinds = request.kinds or tuple(config.kinds)
    brands = request.brands or tuple(config.brands)
    locales = request.locales or tuple(config.locales)
    formats = request.formats or ("pdf",)
    paper = request.paper or config.paper
    unknown = [b for b in request.brands if b not in project.brands and b != "default"]
    if unknown:
        raise UsageError(f"--brand: no brand '{unknown[0]}' in content/brands")
    jobs = []
    for kind in kinds:
        if kind == "compare":
            continue  # comparison sheets are not built yet
        for slug in project.roles:
            for brand in brands:
                for locale in locales:
                    for fmt in formats:
                        name = f"{kind}s/"
                        name += f"{brand}/" if brand != config.brands[0] else ""
                        name += slug
                        name += f".{locale}" if locale != config.locales[0] else ""
                        name += f".{paper}" if paper != config.paper else ""
                        jobs.append(Job(kind, slug, brand, locale, paper, fmt, f"{name}.{fmt}"))
    return jobs


def run_job(
    project: Project,
    theme: Theme,
    job: Job,
    output_dir: Path,
    theme_hash: str,
    pdf_variant: str | None,
) -> dict[str, Any]:
    """Build one output; a failure is recorded in its manifest entry, never raised."""
    started = time.perf_counter()
    brand = project.brand(job.brand)
    inputs = [project.role_files[job.slug]]
    if brand.folder is not None:
        inputs += sorted(p for p in brand.folder.rglob("*") if p.is_file())
    options = f"{job}|{pdf_variant}|{project.build_date()}|{GENERATOR}|{theme_hash}"
    entry: dict[str, Any] = {
        "path": job.path,
        "kind": job.kind,
        "roles": [job.slug],
        "brand": job.brand,
        "locale": job.locale,
        "paper": job.paper,
        "format": job.format,
        "pages": None,
        "bytes": None,
        "sha256": None,
        "inputs_hash": _hash_files(inputs, options),
        "seconds": None,
        "status": "failed",
        "error": None,
    }
    try:
        data, pages = _produce(project, theme, job, output_dir, pdf_variant)
        write_atomic(output_dir / job.path, data)
        entry.update(
            pages=pages, bytes=len(data), sha256=hashlib.sha256(data).hexdigest(), status="built"
        )
    except GuidepressError as exc:
        entry["error"] = str(exc)
    except Exception as exc:  # a renderer crash fails this output only; the batch goes on
        entry["error"] = f"internal error: {type(exc).__name__}: {exc}"
    entry["seconds"] = round(time.perf_counter() - started, 3)
    return entry


def _produce(
    project: Project, theme: Theme, job: Job, output_dir: Path, pdf_variant: str | None
) -> tuple[bytes, int | None]:
    """The bytes of one output and its page count (None for HTML)."""
    brand = project.brand(job.brand)
    role = project.roles[job.slug]
    allowed = [project.root / "content"] + ([brand.folder] if brand.folder else [])
    edition = project.build_date()

    def sheet(scale: float, measure: bool = False) -> RenderedHtml:
        return render_sheet(
            role,
            brand,
            theme,
            locale=job.locale,
            paper=job.paper,
            edition=edition,
            scale=scale,
            measure=measure,
        )

    if job.kind == "guide":
        rendered = render_guide(
            role, brand, theme, locale=job.locale, paper=job.paper, edition=edition
        )
        if job.format == "html":
            return self_contained_html(
                rendered.html, rendered.stylesheets, output_dir / job.path
            ), None
        laid = layout(rendered.html, rendered.stylesheets, allowed=allowed)
    else:
        try:
            fitted = fit_one_page(
                lambda scale, measure: layout(*_parts(sheet(scale, measure)), allowed=allowed),
                usable_height_px(job.paper),
            )
        except DoesNotFit as exc:
            raise RenderError(too_long_message(role, exc)) from None
        if job.format == "html":
            rendered = sheet(fitted.scale)
            return self_contained_html(
                rendered.html, rendered.stylesheets, output_dir / job.path
            ), None
        laid = fitted.laid
    return write_pdf(laid, identifier=job.path, pdf_variant=pdf_variant), laid.pages


def _parts(rendered: RenderedHtml) -> tuple[str, list[Path]]:
    return rendered.html, rendered.stylesheets


def _hash_files(paths: list[Path], extra: str = "") -> str:
    digest = hashlib.sha256(extra.encode())
    for path in paths:
        digest.update(path.name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
