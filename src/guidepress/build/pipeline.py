"""The whole build, step by step: load, plan, skip what is current, build the rest, record it."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from guidepress import __version__
from guidepress.build.catalogue import make_catalogue
from guidepress.build.chapters import CHAPTERS, prune
from guidepress.build.imposition import keep_imposed
from guidepress.build.inputs import Inputs
from guidepress.build.manifest import (
    MANIFEST,
    Entry,
    Shard,
    Status,
    export,
    read_manifest,
    remove_outputs,
    write_manifest,
)
from guidepress.build.outputs import Output
from guidepress.build.plan import gone, plan
from guidepress.build.regional import fingerprint, for_outputs, output_problem
from guidepress.build.request import BuildRequest
from guidepress.build.shards import select
from guidepress.build.targets import one_output, only_one, require_writable
from guidepress.build.thumbnails import keep_thumbnails
from guidepress.build.workers import run_all
from guidepress.content.project import (
    BRANDS_DIR,
    COMPARISONS_DIR,
    ROLES_DIR,
    Project,
    load_project,
)
from guidepress.errors import GuidepressError, Problem, RenderError, printable
from guidepress.files import remove_stale_temporaries
from guidepress.i18n.labels import warn_missing
from guidepress.render.context import Official
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


class BuildInterrupted(GuidepressError):
    """Raised by :func:`build` on Ctrl-C, after recording in the manifest what finished."""

    exit_code = 130  # 128 + SIGINT, as shells report an interrupted command

    def __init__(self, report: BuildReport, left: int) -> None:
        self.report = report
        built = report.count("built")
        super().__init__(
            f"interrupted: kept {built} output{'s' * (built != 1)} built before it and every "
            f"earlier one, listed in {report.output_dir / MANIFEST}; {left} not built, none "
            "half-written"
        )


def build(root: Path, request: BuildRequest, reporter: Reporter | None = None) -> BuildReport:
    """Build every output ``request`` selects that is not current; raises BuildFailed after
    finishing what it can, BuildInterrupted on Ctrl-C (what finished is recorded first)."""
    started = time.perf_counter()
    project, problems = load_project(root, only=list(request.roles) or None)
    if request.contact is not None:  # --contact: this build's sheets name another recruiter
        sheet = project.config.sheet.model_copy(update={"contact": request.contact})
        project.config = project.config.model_copy(update={"sheet": sheet})
    theme = Theme(root)
    output_dir = request.out or project.output_dir
    report = BuildReport(output_dir, failures=[str(p) for p in problems])
    annotations = list(problems)
    warn_missing(request.locales or tuple(project.config.locales), root)
    outputs = plan(project, request)
    if request.shard:  # the catalogue lists a whole folder: it is made after the shards merge
        outputs = select([o for o in outputs if not o.record.after_documents], *request.shard)
    if request.file is not None:
        one_output(outputs, request.file)
    if request.single:
        only_one(outputs, "--open", "opens")
    file = ("-o", request.file) if request.file else None
    require_writable(root, output_dir, request.out is not None, file)
    remove_stale_temporaries(output_dir)
    previous = read_manifest(output_dir).by_path()
    inputs = Inputs(project, theme)
    regional = for_outputs(project, outputs, request.regions)
    located = regional.all_problems() if regional else []
    report.failures += [str(p) for p in located]
    annotations += located
    if reporter:
        reporter.start(len(outputs))
    todo: list[tuple[Output, str]] = []
    official: dict[str, tuple[Official, ...]] = {}
    content_failed: set[str] = set()  # outputs failed by problems reported already
    later = [output for output in outputs if output.record.after_documents]
    for output in outputs:
        if output.record.after_documents:
            continue  # made from the others' entries, once they are made
        entry: Entry | None
        message = _content_problem(project, output, problems)
        problem = output_problem(project, regional, output) if message is None else None
        if message is not None:
            entry = output.entry(error=message)
            content_failed.add(output.path)
        elif problem is not None:  # official pay: said once, however many outputs need it
            entry = output.entry(error=str(problem))
            content_failed.add(output.path)
            if problem not in located:
                located.append(problem)
                report.failures.append(str(problem))
                annotations.append(problem)
        else:
            pay = regional.of(output.roles, output.region) if regional and output.region else ()
            inputs_hash = inputs.hash(output, fingerprint(pay) if pay else "")
            old = None if request.force else previous.get(output.path)
            entry = current(old, inputs_hash, output_dir)
            if entry is None:
                todo.append((output, inputs_hash))
                official[output.path] = pay
                continue
        report.entries.append(entry)
        if reporter:
            reporter.done(entry)
    edition = project.build_date().isoformat()
    shard = Shard(*request.shard, tuple(o.path for o in outputs)) if request.shard else None
    try:
        jobs = request.jobs or _cpus()
        for entry in run_all(project, theme, todo, output_dir, jobs, request.roles, official):
            report.entries.append(entry)
            if reporter:
                reporter.done(entry)
    except KeyboardInterrupt:  # what finished is recorded, so the next build keeps it
        write_manifest(output_dir, GENERATOR, edition, report.entries, shard=shard)
        report.seconds = time.perf_counter() - started
        raise BuildInterrupted(report, len(outputs) - len(report.entries)) from None
    keep_thumbnails(output_dir, report.entries, previous, make=request.thumbnails)
    keep_imposed(output_dir, project.config, report.entries, previous, request.impose)
    for entry in _after_documents(project, theme, later, inputs, previous, report, request.force):
        report.entries.append(entry)
        if reporter:
            reporter.done(entry)
    for entry in sorted(report.entries, key=lambda e: e.path):  # not in finishing order
        if entry.status == "failed" and entry.path not in content_failed:
            report.failures.append(f"{entry.path}: {entry.error}")
            annotations.append(_located(project, entry))
    removed = gone(project, previous.values())
    remove_outputs(output_dir, [rel for path in removed for rel in previous[path].owned()])
    report.removed = sorted(removed)
    write_manifest(output_dir, GENERATOR, edition, report.entries, removed, shard)
    prune(output_dir / CHAPTERS, read_manifest(output_dir).by_path())
    if request.file is not None:
        _write_file(output_dir, report.entries, request.file)
    report.seconds = time.perf_counter() - started
    if report.failures:
        raise BuildFailed(report, annotations)
    return report


def _after_documents(
    project: Project,
    theme: Theme,
    later: list[Output],
    inputs: Inputs,
    previous: dict[str, Entry],
    report: BuildReport,
    force: bool,
) -> Iterator[Entry]:
    """Make the outputs made from the folder's other outputs (the catalogue): from what this
    build made and what earlier builds left, current when neither changed."""
    if not later:
        return
    output_dir = report.output_dir
    folder = {p: e for p, e in previous.items() if (output_dir / p).is_file()}
    folder |= {entry.path: entry for entry in report.entries}
    listed = json.dumps(
        sorted(
            [e.path, e.kind, e.status == "failed", e.sha256, e.pages, e.imposed]
            for e in folder.values()
            if e.kind not in KINDS or not KINDS[e.kind].after_documents
        )
    )
    for output in later:
        inputs_hash = hashlib.sha256(f"{inputs.hash(output)}\n{listed}".encode()).hexdigest()
        entry = current(None if force else previous.get(output.path), inputs_hash, output_dir)
        yield entry or make_catalogue(project, theme, output, output_dir, folder, inputs_hash)


def _write_file(output_dir: Path, entries: list[Entry], file: Path) -> None:
    [entry] = entries
    if entry.status != "failed" and not export(output_dir, entry, file):
        raise RenderError(f"{entry.path}: changed by another build meanwhile; build again")


def _content_problem(project: Project, output: Output, problems: list[Problem]) -> str | None:
    """Why ``output`` cannot be built because of its content files (a role, its comparison file
    or its brand kit with problems): its first problem, and how many more; None when its files
    are fine."""
    files = {str(ROLES_DIR / f"{slug}.yaml") for slug in output.roles if slug not in project.roles}
    broken_comparison = output.subject in project.failed_comparisons
    if output.record.subject == "comparison" and broken_comparison:
        files.add(str(COMPARISONS_DIR / f"{output.subject}.yaml"))
    if output.brand in project.broken_brands:
        files.add(str(BRANDS_DIR / output.brand / "brand.yaml"))
    if not files:
        return None
    mine = sorted(p for p in problems if p.file in files)
    if not mine:
        return f"{sorted(files)[0]} has problems"
    more = f" (and {len(mine) - 1} more)" if len(mine) > 1 else ""
    return f"{mine[0]}{more}"


def current(old: Entry | None, inputs_hash: str, output_dir: Path) -> Entry | None:
    """The cached entry for an output whose inputs and file are unchanged since it was built."""
    if not old or old.status not in ("built", "cached") or old.inputs_hash != inputs_hash:
        return None
    if old.digest(output_dir) != old.sha256:
        return None  # edited, damaged or gone since: build it again
    return dataclasses.replace(old, status="cached", seconds=0.0, error=None)


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
