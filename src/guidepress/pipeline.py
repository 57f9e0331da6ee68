"""The whole build, step by step: load, plan, skip what is current, build the rest, record it."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from guidepress import __version__, preflight
from guidepress.errors import BuildFailed, ContentError, Problem, UsageError
from guidepress.inputs import Inputs
from guidepress.jobs import Job
from guidepress.labels import warn_missing
from guidepress.limits import time_limit
from guidepress.load import read
from guidepress.models import Comparison
from guidepress.project import (
    COMPARISONS_DIR,
    ROLES_DIR,
    Project,
    load_project,
    role_files_on_disk,
)
from guidepress.shards import select
from guidepress.theme import Theme
from guidepress.validate import salary_mismatch
from guidepress.workers import run_all
from guidepress.write import read_manifest, remove_outputs, write_atomic, write_manifest

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
    jobs: int | None = None  # processes; None: one per CPU
    force: bool = False  # rebuild outputs that are current
    shard: tuple[int, int] | None = None  # (K, N): build the K-th of N shares
    print_marks: bool = False  # 3 mm bleed and crop marks (outputs named *.print.pdf)


#: BuildRequest fields that choose which outputs to build; the others change the documents.
_SELECTION = {"roles", "kinds", "brands", "locales", "formats", "paper", "out", "jobs", "force",
              "shard"}  # fmt: skip


class Reporter(Protocol):
    """Told about a build as it goes (the CLI shows a progress bar or one line per output)."""

    def start(self, total: int) -> None: ...

    def done(self, entry: dict[str, Any]) -> None: ...


@dataclass
class BuildReport:
    output_dir: Path
    entries: list[dict[str, Any]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(entry["status"] == status for entry in self.entries)

    def summary(self) -> str:
        removed = f", {len(self.removed)} removed" if self.removed else ""
        return (
            f"{self.count('built')} built, {self.count('cached')} cached, "
            f"{self.count('failed')} failed{removed} in {self.seconds:.1f} s ({self.output_dir})"
        )


def build(root: Path, request: BuildRequest, reporter: Reporter | None = None) -> BuildReport:
    """Build every output ``request`` selects that is not current; raises BuildFailed after
    finishing what it can."""
    started = time.perf_counter()
    project, problems = load_project(root, only=list(request.roles) or None)
    theme = Theme(root)
    output_dir = request.out or project.output_dir
    report = BuildReport(output_dir, failures=[str(p) for p in problems])
    annotations = list(problems)
    warn_missing(request.locales or tuple(project.config.locales), root)
    jobs = plan(project, request)
    if request.shard:
        jobs = select(jobs, *request.shard)
    previous = {
        entry.get("path"): entry
        for entry in read_manifest(output_dir).get("outputs", [])
        if isinstance(entry, dict)
    }
    settings = {k: v for k, v in dataclasses.asdict(request).items() if k not in _SELECTION}
    inputs = Inputs(project, theme, settings)
    if reporter:
        reporter.start(len(jobs))
    todo: list[tuple[Job, str]] = []
    for job in jobs:
        entry: dict[str, Any] | None
        broken = [slug for slug in job.roles if slug not in project.roles]
        if broken:
            entry = job.entry(error=_broken_message(broken[0], problems))
        else:
            inputs_hash = inputs.hash(job)
            entry = (
                None if request.force else _current(previous.get(job.path), inputs_hash, output_dir)
            )
            if entry is None:
                todo.append((job, inputs_hash))
                continue
        report.entries.append(entry)
        if reporter:
            reporter.done(entry)
    edition = project.build_date().isoformat()
    try:
        for entry in run_all(project, theme, todo, output_dir, request, request.jobs or _cpus()):
            report.entries.append(entry)
            if reporter:
                reporter.done(entry)
    except KeyboardInterrupt:  # what finished is recorded, so the next build keeps it
        write_manifest(output_dir, GENERATOR, edition, report.entries)
        raise
    for entry in sorted(report.entries, key=lambda e: e["path"]):  # not in finishing order
        if entry["status"] == "failed" and not any(r in project.broken for r in entry["roles"]):
            report.failures.append(f"{entry['path']}: {entry['error']}")
            annotations.append(_located(project, entry))
    removed = _gone(project, previous.values())
    if request.shard:  # a shard's folder holds that shard's outputs only (see docs/ci.md)
        removed |= {str(path) for path in previous} - {job.path for job in jobs}
    remove_outputs(output_dir, removed)
    report.removed = sorted(removed)
    write_manifest(output_dir, GENERATOR, project.build_date().isoformat(), report.entries, removed)
    report.seconds = time.perf_counter() - started
    if report.failures:
        raise BuildFailed(report.failures, annotations, report)
    return report


def plan(project: Project, request: BuildRequest) -> list[Job]:
    """Every output selected: roles × kinds × brands × locales × formats.

    Roles whose files have problems are planned too: their outputs are recorded as failed.
    """
    config = project.config
    kinds = request.kinds or tuple(config.kinds)
    brands = request.brands or tuple(config.brands)
    locales = request.locales or tuple(config.locales)
    formats = request.formats or ("pdf",)
    paper = request.paper or config.paper
    unknown = [b for b in request.brands if b not in project.brands and b != "default"]
    if unknown:
        raise UsageError(f"--brand: no brand '{unknown[0]}' in content/brands")
    known = set(project.roles) | project.broken
    jobs = []
    for kind in kinds:
        subjects = (
            {name: tuple(c.roles) for name, c in project.comparisons.items()}
            if kind == "compare"
            else {slug: (slug,) for slug in sorted(known)}
        )
        for slug, roles in subjects.items():
            if not all(r in known for r in roles):
                continue  # a comparison of roles outside this build's selection
            for brand in brands:
                for locale in locales:
                    for fmt in formats:
                        name = "comparisons/" if kind == "compare" else f"{kind}s/"
                        name += f"{brand}/" if brand != config.brands[0] else ""
                        name += slug
                        name += f".{locale}" if locale != config.locales[0] else ""
                        name += f".{paper}" if paper != config.paper else ""
                        # Marked PDFs are for the print shop; they never replace the plain ones.
                        name += ".print" if request.print_marks else ""
                        path = f"{name}.{fmt}"
                        marks = request.print_marks
                        jobs.append(Job(kind, slug, roles, brand, locale, paper, fmt, path, marks))
    return jobs


def _current(
    old: dict[str, Any] | None, inputs_hash: str, output_dir: Path
) -> dict[str, Any] | None:
    """The cached entry for an output whose inputs and file are unchanged since it was built."""
    if (
        not old
        or old.get("status") not in ("built", "cached")
        or old.get("inputs_hash") != inputs_hash
    ):
        return None
    try:
        data = (output_dir / str(old["path"])).read_bytes()
    except OSError:
        return None
    if hashlib.sha256(data).hexdigest() != old.get("sha256"):
        return None  # edited or damaged since: build it again
    return {**old, "status": "cached", "seconds": 0.0, "error": None}


def _broken_message(slug: str, problems: list[Problem]) -> str:
    mine = [p for p in problems if Path(p.file).stem == slug]
    if not mine:
        return f"role '{slug}' has problems"
    more = f" (and {len(mine) - 1} more)" if len(mine) > 1 else ""
    return f"{mine[0]}{more}"


def _located(project: Project, entry: dict[str, Any]) -> Problem:
    """A failed output, placed at its (first) role's file for CI annotations."""
    role_file = project.role_files.get(entry["roles"][0]) if entry["roles"] else None
    where = str(role_file.relative_to(project.root)) if role_file else entry["path"]
    return Problem(where, message=f"{entry['path']}: {entry['error']}")


def _gone(project: Project, entries: Any) -> set[str]:
    """Outputs of roles and comparisons that no longer exist."""
    roles = {rel.stem for rel in role_files_on_disk(project.root)} | set(project.roles)
    gone: set[str] = set()
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            continue
        name = Path(entry["path"]).name.split(".")[0]
        if entry.get("kind") == "compare":
            exists = (project.root / COMPARISONS_DIR / f"{name}.yaml").is_file()
            if name not in project.comparisons and not exists:
                gone.add(entry["path"])
        elif any(slug not in roles for slug in entry.get("roles") or []):
            gone.add(entry["path"])
    return gone


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


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
    from guidepress.produce import LIMIT_SETTING, produce

    with time_limit(project.config.render_timeout, LIMIT_SETTING):
        data, _ = produce(project, theme, job, target.parent, None)
    if job.format == "pdf":
        preflight.require(data, locale=job.locale)
    write_atomic(target, data)
    return target
