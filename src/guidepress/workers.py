"""Run outputs in a pool of processes; each worker keeps its WeasyPrint caches across outputs."""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guidepress.jobs import COST, Job
from guidepress.project import Project, load_project
from guidepress.theme import Theme

if TYPE_CHECKING:
    from guidepress.pipeline import BuildRequest

#: The project and theme a worker builds from: inherited when forked, loaded when spawned.
_STATE: dict[str, Any] = {}


def run_all(
    project: Project,
    theme: Theme,
    todo: Sequence[tuple[Job, str]],
    output_dir: Path,
    request: BuildRequest,
    jobs: int,
) -> Iterator[dict[str, Any]]:
    """Build every (job, inputs hash) of ``todo``; yields manifest entries as outputs finish."""
    if not todo:
        return  # nothing to build: WeasyPrint is not even imported
    if jobs <= 1 or len(todo) == 1:
        from guidepress.produce import run_job

        for job, inputs_hash in todo:
            yield run_job(project, theme, job, output_dir, request, inputs_hash)
        return
    # Longest first, so a guide started last does not keep one core busy alone at the end.
    ordered = sorted(todo, key=lambda item: (-COST[item[0].kind], item[0].path))
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    _STATE.update(project=project, theme=theme)
    try:
        with ProcessPoolExecutor(
            max_workers=min(jobs, len(todo)),
            mp_context=multiprocessing.get_context(method),
            initializer=_start_worker,
            initargs=(project.root, request.roles),
        ) as pool:
            futures = {
                pool.submit(_work, job, inputs_hash, output_dir, request): (job, inputs_hash)
                for job, inputs_hash in ordered
            }
            for future in as_completed(futures):
                job, inputs_hash = futures[future]
                try:
                    yield future.result()
                except Exception as exc:  # the worker died (killed, out of memory, ...)
                    yield job.entry(
                        inputs_hash=inputs_hash,
                        error=f"internal error: worker process failed: {type(exc).__name__}: {exc}",
                    )
    finally:
        _STATE.clear()


def _start_worker(root: Path, roles: tuple[str, ...]) -> None:
    if "project" not in _STATE:  # spawned, not forked: load the project once per worker
        project, _ = load_project(root, only=list(roles) or None)
        _STATE.update(project=project, theme=Theme(root))


def _work(job: Job, inputs_hash: str, output_dir: Path, request: BuildRequest) -> dict[str, Any]:
    from guidepress.produce import run_job

    return run_job(_STATE["project"], _STATE["theme"], job, output_dir, request, inputs_hash)
