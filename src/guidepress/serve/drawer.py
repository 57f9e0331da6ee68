"""Page pictures, drawn in a process of their own: the output's real PDF, as the build makes it,
rasterised page by page.

Why a process: laying out a guide keeps WeasyPrint busy for seconds and holds the interpreter
while it does; in a second process it runs on the other core while the server answers and
renders the next HTML. One process, kept warm (WeasyPrint's fonts and stylesheets stay loaded),
drawing one output at a time; for each output only the newest request waits, older ones are
dropped, so a burst of saves costs one layout after the one running.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from guidepress.build.outputs import Output
from guidepress.paper import DEFAULT_DPI
from guidepress.render.context import Official


@dataclass(frozen=True)
class Job:
    root: Path
    output: Output
    ticket: int  # which request this is; the caller keeps only the newest one's result
    dpi: int = DEFAULT_DPI
    official: tuple[Official, ...] = ()  # a regional output's official pay, looked up once


@dataclass(frozen=True)
class Drawn:
    job: Job
    images: list[bytes] | None  # one PNG per page; None when the output failed
    error: str | None  # the build's message for the output, when it failed
    seconds: float


Done = Callable[[Drawn], None]


class Drawer:
    """Draws jobs in one spawned process, newest job per output first come, first served."""

    def __init__(self, done: Done) -> None:
        self._done = done
        self._pending: dict[str, Job] = {}  # by output path; a newer job replaces an older one
        self._cond = threading.Condition()
        self._closing = False
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the process now (it imports WeasyPrint), not when the first page is asked for."""
        with self._cond:
            if self._thread is None and not self._closing:
                self._start_process()
                self._thread = threading.Thread(
                    target=self._run, name="guidepress-drawer", daemon=True
                )
                self._thread.start()

    def submit(self, job: Job) -> None:
        self.start()
        with self._cond:
            self._pending[job.output.path] = job
            self._cond.notify()

    def close(self) -> None:
        """Stop at once: a layout in progress is abandoned, the process ended."""
        with self._cond:
            self._closing = True
            self._pending.clear()
            self._cond.notify_all()
        if self._process is not None:
            self._process.terminate()
            self._process.join(5)
        if self._conn is not None:
            self._conn.close()

    def _start_process(self) -> None:
        # spawn, not fork: the server has threads, and a forked child would inherit their locks.
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        self._process = context.Process(
            target=_worker, args=(child,), name="guidepress-pages", daemon=True
        )
        self._process.start()
        child.close()
        self._conn = parent

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending or self._closing)
                if self._closing:
                    return
                job = self._pending.pop(next(iter(self._pending)))
            assert self._conn is not None
            try:
                self._conn.send(job)
                drawn: Drawn = self._conn.recv()
            except (EOFError, OSError) as exc:
                if self._closing:
                    return
                drawn = Drawn(job, None, f"internal error: page process failed: {exc!r}", 0.0)
                self._start_process()  # killed or out of memory: the next job gets a new one
            self._done(drawn)


def _worker(conn: Connection) -> None:
    """The drawing process: import the engine once, then draw job after job."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's; it ends this process
    from guidepress.build import produce  # noqa: F401  (WeasyPrint loaded before the first job)

    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(draw(job))


def draw(job: Job) -> Drawn:
    """Lay the output out as the build does, then draw each page of the PDF."""
    from guidepress.build.limits import time_limit
    from guidepress.build.produce import LIMIT_SETTING, produce
    from guidepress.content.project import load_project
    from guidepress.errors import GuidepressError
    from guidepress.pdf.images import page_images
    from guidepress.theme.lookup import Theme

    started = time.perf_counter()
    output = job.output
    try:
        project, _ = load_project(job.root, only=list(output.roles))
        if not all(slug in project.roles for slug in output.roles):
            return Drawn(job, None, None, 0.0)  # the HTML side shows the role's problems
        target = project.output_dir / output.path  # not written: a PDF is made in memory
        with time_limit(project.config.render_timeout, LIMIT_SETTING):
            pdf, _ = produce(project, Theme(job.root), output, target, official=job.official)
        images = page_images(pdf, job.dpi)
    except GuidepressError as exc:
        return Drawn(job, None, str(exc), time.perf_counter() - started)
    except Exception as exc:  # a renderer crash: reported like the build reports it
        error = f"internal error: {type(exc).__name__}: {exc}"
        return Drawn(job, None, error, time.perf_counter() - started)
    return Drawn(job, images, None, time.perf_counter() - started)
