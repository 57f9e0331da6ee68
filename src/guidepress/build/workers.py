"""Run outputs in a pool of processes; each worker keeps its WeasyPrint caches across outputs.

Tuned per process (bench/tuning.py, memory.py, docs/benchmarks.md): the garbage collector is
paused while a document is made (the engine collects between its layouts) and run once after it,
and what the process held before the first document is frozen, left out of every collection; a
parent prepares WeasyPrint (fonts, parsed stylesheets) and the theme's templates before forking,
so its workers start warm and share those pages.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from guidepress.build.manifest import Entry
from guidepress.build.outputs import Output
from guidepress.content.models import Config
from guidepress.content.project import Project, load_project
from guidepress.render.context import Official
from guidepress.theme.lookup import Theme

#: The project and theme a worker builds from: inherited when forked, loaded when spawned.
_STATE: dict[str, Any] = {}


def run_all(
    project: Project,
    theme: Theme,
    todo: Sequence[tuple[Output, str]],
    output_dir: Path,
    jobs: int,
    only: tuple[str, ...] = (),
    official: Mapping[str, tuple[Official, ...]] | None = None,
) -> Iterator[Entry]:
    """Build every (output, inputs hash) of ``todo``; yields manifest entries as outputs finish.
    ``only``: the roles the project was loaded with (a spawned worker loads the same);
    ``official``: the official pay of regional outputs, by output path."""
    if not todo:
        return  # nothing to build: WeasyPrint is not even imported
    pay = official or {}
    if jobs <= 1 or len(todo) == 1:
        from guidepress.build.produce import run

        with _frozen():
            for output, inputs_hash in todo:
                with _one_document():
                    entry = run(
                        project,
                        theme,
                        output,
                        output_dir,
                        inputs_hash,
                        official=pay.get(output.path, ()),
                    )
                yield entry
        return
    # Longest first, so a guide started last does not keep one core busy alone at the end.
    ordered = sorted(todo, key=lambda item: (-item[0].record.cost, item[0].path))
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    if method == "fork":
        from guidepress.build.produce import prepare

        prepare(project, theme, [output for output, _ in ordered])
    _STATE.update(project=project, theme=theme)
    try:
        with ProcessPoolExecutor(
            max_workers=min(jobs, len(todo)),
            mp_context=multiprocessing.get_context(method),
            initializer=_start_worker,
            initargs=(project.root, only, project.config),
        ) as pool:
            with _frozen():  # the first submit forks every worker
                futures = {
                    pool.submit(_work, output, inputs_hash, output_dir, pay.get(output.path, ())): (
                        output,
                        inputs_hash,
                    )
                    for output, inputs_hash in ordered
                }
            try:
                for future in as_completed(futures):
                    output, inputs_hash = futures[future]
                    try:
                        yield future.result()
                    except Exception as exc:  # the worker died (killed, out of memory, ...)
                        yield output.entry(
                            inputs_hash=inputs_hash,
                            error=(
                                "internal error: worker process failed: "
                                f"{type(exc).__name__}: {exc}"
                            ),
                        )
            except BaseException:  # Ctrl-C (or the caller stopped): drop the rest, now
                _stop(pool)
                raise
    finally:
        _STATE.clear()


@contextmanager
def _frozen() -> Iterator[None]:
    """What the process holds now (the project, the theme, WeasyPrint and its caches) left out
    of every collection while the block runs: collections then look only at what documents
    make, and a forked worker inherits it frozen, so collecting never writes to the pages it
    shares with its parent."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def _one_document() -> Iterator[None]:
    """The garbage collector paused while one document is made and run once after it: a
    layout makes millions of objects, few of them garbage until the document is done, and
    the collections it triggered cost 2-6 % of the time. The engine collects before each
    further layout and before the write (engine._collect_discarded), so the layouts a
    document discards (a guide takes up to 6) do not all stay until it is done."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the workers: leaving the pool would otherwise wait
    for every queued output. A worker ended mid-write leaves at most a temporary file, which
    the next build removes (files.remove_stale_temporaries)."""
    # No public way to end a pool's workers before Python 3.14 (terminate_workers); shutdown
    # forgets them, so they are taken first.
    processes: dict[int, Any] = dict(getattr(pool, "_processes", None) or {})
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes.values():
        process.terminate()


def _start_worker(root: Path, only: tuple[str, ...], config: Config) -> None:
    # Ctrl-C is the parent's to handle: it records what finished and ends the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A parent killed outright (SIGKILL) cannot end its workers; each ends itself instead of
    # rendering on for no one (an output it was writing stays a temporary file, removed later).
    threading.Thread(target=_orphaned, args=(os.getppid(),), daemon=True).start()
    if "project" not in _STATE:  # spawned, not forked: load the project once per worker
        project, _ = load_project(root, only=list(only) or None)
        project.config = config  # as the build has it (build --contact changes it)
        _STATE.update(project=project, theme=Theme(root))


def _orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _work(
    output: Output, inputs_hash: str, output_dir: Path, official: tuple[Official, ...]
) -> Entry:
    from guidepress.build.produce import run

    with _one_document():
        return run(
            _STATE["project"], _STATE["theme"], output, output_dir, inputs_hash, official=official
        )
