"""The whole build, step by step: load, plan, skip what is current, build the rest, record it."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from guidepress import __version__
from guidepress.build.inputs import Inputs
from guidepress.build.manifest import Entry, Status, read_manifest, remove_outputs, write_manifest
from guidepress.build.outputs import Output
from guidepress.build.plan import gone, plan
from guidepress.build.request import BuildRequest
from guidepress.build.shards import select
from guidepress.build.workers import run_all
from guidepress.content.load import read
from guidepress.content.models import Comparison
from guidepress.content.project import ROLES_DIR, Project, load_project
from guidepress.content.validate import salary_mismatch
from guidepress.errors import (
    ContentError,
    GuidepressError,
    Problem,
    RenderError,
    UsageError,
    printable,
)
from guidepress.i18n.labels import warn_missing
from guidepress.render.kinds import KINDS
from guidepress.theme.lookup import Theme

GENERATOR = f"guidepress {__version__}"


class Reporter(Protocol):
    """Told about a build as it goes (the CLI shows a progress bar or one line per output)."""

    def start(self, total: int) -> None: ...

    def done(self, entry: Entry) -> None: ...


@dataclass
class BuildReport:
    output_dir: Path
    entries: list[Entry] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: Status) -> int:
        return sum(entry.status == status for entry in self.entries)

    def summary(self) -> str:
        removed = f", {len(self.removed)} removed" if self.removed else ""
        return (
            f"{self.count('built')} built, {self.count('cached')} cached, "
            f"{self.count('failed')} failed{removed} in {self.seconds:.1f} s ({self.output_dir})"
        )


class BuildFailed(GuidepressError):
    """Raised by :func:`build` after a build in which one or more outputs failed; carries the
    build's report, so the caller can still summarise what was built."""

    def __init__(self, report: BuildReport, located: list[Problem]) -> None:
        self.failures = report.failures
        self.located = located
        self.report = report
        super().__init__("\n".join(report.failures))

    def lines(self) -> list[str]:
        return [printable(line) for line in self.failures]

    def problems_found(self) -> list[Problem]:
        return self.located or super().problems_found()


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
    outputs = plan(project, request)
    if request.shard:
        outputs = select(outputs, *request.shard)
    previous = read_manifest(output_dir).by_path()
    inputs = Inputs(project, theme, dataclasses.asdict(request.settings))
    if reporter:
        reporter.start(len(outputs))
    todo: list[tuple[Output, str]] = []
    for output in outputs:
        entry: Entry | None
        broken = [slug for slug in output.roles if slug not in project.roles]
        if broken:
            entry = output.entry(error=_broken_message(broken[0], problems))
        else:
            inputs_hash = inputs.hash(output)
            old = None if request.force else previous.get(output.path)
            entry = _current(old, inputs_hash, output_dir)
            if entry is None:
                todo.append((output, inputs_hash))
                continue
        report.entries.append(entry)
        if reporter:
            reporter.done(entry)
    edition = project.build_date().isoformat()
    jobs = request.jobs or _cpus()
    try:
        for entry in run_all(
            project, theme, todo, output_dir, request.settings, jobs, request.roles
        ):
            report.entries.append(entry)
            if reporter:
                reporter.done(entry)
    except KeyboardInterrupt:  # what finished is recorded, so the next build keeps it
        write_manifest(output_dir, GENERATOR, edition, report.entries)
        raise
    for entry in sorted(report.entries, key=lambda e: e.path):  # not in finishing order
        if entry.status == "failed" and not any(r in project.broken for r in entry.roles):
            report.failures.append(f"{entry.path}: {entry.error}")
            annotations.append(_located(project, entry))
    removed = gone(project, previous.values())
    if request.shard:  # a shard's folder holds that shard's outputs only (see docs/ci.md)
        removed |= set(previous) - {output.path for output in outputs}
    remove_outputs(output_dir, removed)
    report.removed = sorted(removed)
    write_manifest(output_dir, GENERATOR, edition, report.entries, removed)
    report.seconds = time.perf_counter() - started
    if report.failures:
        raise BuildFailed(report, annotations)
    return report


def _current(old: Entry | None, inputs_hash: str, output_dir: Path) -> Entry | None:
    """The cached entry for an output whose inputs and file are unchanged since it was built."""
    if not old or old.status not in ("built", "cached") or old.inputs_hash != inputs_hash:
        return None
    try:
        data = (output_dir / old.path).read_bytes()
    except OSError:
        return None
    if hashlib.sha256(data).hexdigest() != old.sha256:
        return None  # edited or damaged since: build it again
    return dataclasses.replace(old, status="cached", seconds=0.0, error=None)


def _broken_message(slug: str, problems: list[Problem]) -> str:
    mine = [p for p in problems if Path(p.file).stem == slug]
    if not mine:
        return f"role '{slug}' has problems"
    more = f" (and {len(mine) - 1} more)" if len(mine) > 1 else ""
    return f"{mine[0]}{more}"


def _located(project: Project, entry: Entry) -> Problem:
    """A failed output, placed at its (first) role's file for CI annotations."""
    role_file = project.role_files.get(entry.roles[0]) if entry.roles else None
    where = str(role_file.relative_to(project.root)) if role_file else entry.path
    return Problem(where, message=f"{entry.path}: {entry.error}")


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def compare(
    root: Path,
    slugs: list[str],
    out: Path | None,
    brand: str | None,
    paper: str | None = None,
    locale: str | None = None,
) -> Path:
    """Build one ad-hoc comparison sheet of ``slugs`` (headline from the catalogue's pattern);
    returns the file written."""
    project, problems = load_project(root)
    if not 2 <= len(slugs) <= 4:
        raise UsageError(f"compare takes 2 to 4 roles (got {len(slugs)})")
    located = _compare_problems(root, project, slugs, problems)
    if located:
        raise ContentError(located)
    config = project.config
    name = "-vs-".join(slugs)
    comparison = Comparison(roles=list(slugs), brand=brand)
    target = out or project.output_dir / KINDS["compare"].folder / f"{name}.pdf"
    output = Output(
        "compare", name, tuple(slugs), brand or config.brands[0], locale or config.locales[0],
        paper or config.paper, "html" if target.suffix == ".html" else "pdf", target.name,
    )  # fmt: skip
    if output.brand not in project.brands and output.brand != "default":
        raise UsageError(f"--brand: no brand '{output.brand}' in content/brands")
    from guidepress.build.produce import run

    entry = run(
        project, Theme(root), output, target.parent, BuildRequest().settings,
        target=target, comparison=comparison,
    )  # fmt: skip
    if entry.status == "failed":
        raise RenderError(str(entry.error))
    return target


def _compare_problems(
    root: Path, project: Project, slugs: list[str], problems: list[Problem]
) -> list[Problem]:
    """What keeps ``slugs`` from being compared: missing or invalid roles, mismatched pay."""
    located = [
        Problem(str(ROLES_DIR / f"{slug}.yaml"), 0, 0, "", f"no role '{slug}'")
        for slug in slugs
        if slug not in project.role_files
        and not any(p.file == str(ROLES_DIR / f"{slug}.yaml") for p in problems)
    ]
    wanted = {str(ROLES_DIR / f"{slug}.yaml") for slug in slugs}
    located += [p for p in problems if p.file in wanted]
    if located:
        return located
    mismatch = salary_mismatch([project.roles[s] for s in slugs])
    if mismatch is not None:
        index, field_name, message = mismatch
        rel = ROLES_DIR / f"{slugs[index]}.yaml"
        doc, _ = read(root / rel, str(rel))
        where = doc.problem(tuple(field_name.split(".")), message) if doc else Problem(str(rel))
        located.append(Problem(where.file, where.line, where.col, field_name, message))
    return located
