"""The whole build, step by step: load, validate, render HTML, render PDF, write."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypedDict

from guidepress import __version__, overlays, preflight
from guidepress.errors import (
    BuildFailed,
    ContentError,
    GuidepressError,
    Problem,
    RenderError,
    UsageError,
)
from guidepress.fit import FLOOR, DoesNotFit, fit_one_page, too_long_message
from guidepress.labels import warn_missing
from guidepress.load import read
from guidepress.models import Comparison
from guidepress.project import COMPARISONS_DIR, ROLES_DIR, Project, load_project
from guidepress.render_compare import COMPARE_FOOTER_MM, is_landscape, render_comparison
from guidepress.render_html import RenderedHtml, render_guide
from guidepress.render_pdf import Layout, layout, write_pdf
from guidepress.render_sheet import FOOTER_MM, render_sheet, usable_height_px
from guidepress.theme import Theme
from guidepress.validate import salary_mismatch
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


class Options(TypedDict):
    """Keyword arguments every renderer takes."""

    locale: str
    paper: str
    edition: date


@dataclass(frozen=True)
class Job:
    kind: str
    slug: str  # the role, or for a comparison sheet the comparison's name
    roles: tuple[str, ...]
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
    warn_missing(request.locales or tuple(project.config.locales), root)
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
        subjects = (
            {name: tuple(c.roles) for name, c in project.comparisons.items()}
            if kind == "compare"
            else {slug: (slug,) for slug in project.roles}
        )
        for slug, roles in subjects.items():
            if kind == "compare" and not all(r in project.roles for r in roles):
                continue  # a role of it failed to load; that failure is reported already
            for brand in brands:
                for locale in locales:
                    for fmt in formats:
                        name = "comparisons/" if kind == "compare" else f"{kind}s/"
                        name += f"{brand}/" if brand != config.brands[0] else ""
                        name += slug
                        name += f".{locale}" if locale != config.locales[0] else ""
                        name += f".{paper}" if paper != config.paper else ""
                        path = f"{name}.{fmt}"
                        jobs.append(Job(kind, slug, roles, brand, locale, paper, fmt, path))
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
    inputs = [project.role_files[slug] for slug in job.roles]
    if job.kind == "compare":
        inputs.append(project.root / COMPARISONS_DIR / f"{job.slug}.yaml")
    if brand.folder is not None:
        inputs += sorted(p for p in brand.folder.rglob("*") if p.is_file())
    inputs += overlays.input_files(project, job.roles, job.locale)
    options = f"{job}|{pdf_variant}|{project.build_date()}|{GENERATOR}|{theme_hash}"
    entry: dict[str, Any] = {
        "path": job.path,
        "kind": job.kind,
        "roles": list(job.roles),
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
        if job.format == "pdf":
            preflight.require(data, locale=job.locale, variant=pdf_variant)
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
    project = overlays.localized(project, job.roles, job.locale)
    brand = project.brand(job.brand)
    allowed = [project.root / "content"] + ([brand.folder] if brand.folder else [])
    options = Options(locale=job.locale, paper=job.paper, edition=project.build_date())
    if job.kind == "guide":
        rendered = render_guide(project.roles[job.slug], brand, theme, **options)
        if job.format == "html":
            return self_contained_html(
                rendered.html, rendered.stylesheets, output_dir / job.path
            ), None
        laid = layout(rendered.html, rendered.stylesheets, allowed=allowed)
        return write_pdf(laid, identifier=job.path, pdf_variant=pdf_variant), laid.pages

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
        return self_contained_html(rendered.html, rendered.stylesheets, output_dir / job.path), None
    return write_pdf(fitted.laid, identifier=job.path, pdf_variant=pdf_variant), fitted.laid.pages


def _hash_files(paths: list[Path], extra: str = "") -> str:
    digest = hashlib.sha256(extra.encode())
    for path in paths:
        digest.update(path.name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def compare(root: Path, slugs: list[str], out: Path | None, brand: str | None) -> Path:
    """Build one ad-hoc comparison sheet of ``slugs``; returns the file written."""
    project, problems = load_project(root)
    known = {slug: project.role_files.get(slug) for slug in slugs}
    located = [
        Problem(str(ROLES_DIR / f"{slug}.yaml"), 0, 0, "", f"no role '{slug}'")
        for slug, path in known.items()
        if path is None and not any(p.file == str(ROLES_DIR / f"{slug}.yaml") for p in problems)
    ]
    wanted = {str(ROLES_DIR / f"{slug}.yaml") for slug in slugs}
    located += [p for p in problems if p.file in wanted]
    if not 2 <= len(slugs) <= 4:
        raise UsageError(f"compare takes 2 to 4 roles (got {len(slugs)})")
    if not located:
        mismatch = salary_mismatch([project.roles[s] for s in slugs])
        if mismatch is not None:
            index, name, message = mismatch
            rel = ROLES_DIR / f"{slugs[index]}.yaml"
            doc, _ = read(root / rel, str(rel))
            where = doc.problem(tuple(name.split(".")), message) if doc else Problem(str(rel))
            located.append(Problem(where.file, where.line, where.col, name, message))
    if located:
        raise ContentError(located)
    name = "-vs-".join(slugs)
    project.comparisons[name] = Comparison(
        title=" · ".join(project.roles[s].title for s in slugs), roles=list(slugs),
        brand=brand,
    )  # fmt: skip
    target = out or project.output_dir / "comparisons" / f"{name}.pdf"
    theme = Theme(root)
    job = Job(
        "compare", name, tuple(slugs), brand or project.config.brands[0], project.config.locales[0],
        project.config.paper, "html" if target.suffix == ".html" else "pdf", target.name,
    )  # fmt: skip
    if job.brand not in project.brands and job.brand != "default":
        raise UsageError(f"--brand: no brand '{job.brand}' in content/brands")
    data, _ = _produce(project, theme, job, target.parent, None)
    if job.format == "pdf":
        preflight.require(data, locale=job.locale)
    write_atomic(target, data)
    return target
