"""The whole build, step by step: load, validate, render HTML, render PDF, write."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guidepress import __version__
from guidepress.errors import BuildFailed, GuidepressError, UsageError
from guidepress.project import Project, load_project
from guidepress.render_html import RenderedHtml, render_guide
from guidepress.render_pdf import render_pdf
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
        if kind != "guide":
            continue  # role sheets and comparison sheets are not built yet
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
        rendered = render_guide(
            project.roles[job.slug],
            brand,
            theme,
            locale=job.locale,
            paper=job.paper,
            edition=project.build_date(),
        )
        data, pages = _produce(project, brand.folder, rendered, job, output_dir, pdf_variant)
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
    project: Project,
    brand_folder: Path | None,
    rendered: RenderedHtml,
    job: Job,
    output_dir: Path,
    pdf_variant: str | None,
) -> tuple[bytes, int | None]:
    if job.format == "html":
        return self_contained_html(rendered.html, rendered.stylesheets, output_dir / job.path), None
    allowed = [project.root / "content"]
    if brand_folder is not None:
        allowed.append(brand_folder)
    return render_pdf(
        rendered.html,
        rendered.stylesheets,
        allowed=allowed,
        identifier=job.path,
        pdf_variant=pdf_variant,
    )


def _hash_files(paths: list[Path], extra: str = "") -> str:
    digest = hashlib.sha256(extra.encode())
    for path in paths:
        digest.update(path.name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
