"""The previews the browser has open, kept current: on every change of the project's files each
open output is looked at again, its HTML rendered when its inputs hash changed (at once, in this
process) and its pages drawn (in the drawing process); every browser tab showing it is told."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guidepress.build.outputs import Output
from guidepress.build.plan import plan
from guidepress.build.request import BuildRequest
from guidepress.content.project import Project, load_project
from guidepress.errors import GuidepressError
from guidepress.serve.drawer import Drawer, Drawn, Job
from guidepress.serve.snapshot import render_html, snapshot, watched_folders

log = logging.getLogger("guidepress")


@dataclass
class Preview:
    """One output as the browser sees it; ``serial`` grows with every change a tab must see."""

    output: Output
    serial: int = 0
    viewers: int = 0  # event streams open on it
    inputs_hash: str | None = None  # of the HTML shown
    files: set[Path] = field(default_factory=set)  # what it is made from, links resolved
    stale: bool = True  # one of its files was reported changed: render even if the hash is not
    html: bytes | None = None
    html_version: int | None = None
    html_error: str | None = None
    problems: list[str] = field(default_factory=list)  # the project's, for this output
    pages: list[bytes] = field(default_factory=list)
    pages_version: int | None = None
    pages_error: str | None = None
    drawing: int | None = None  # the ticket of the drawing waited for
    folders: set[Path] = field(default_factory=set)
    timings: dict[str, float] = field(default_factory=dict)  # seconds of the last html, pages

    def state(self) -> dict[str, Any]:
        """What a tab shows: versions to fetch, the problem lines, whether pages are coming."""
        problems = list(self.problems)
        errors = dict.fromkeys(e for e in (self.html_error, self.pages_error) if e)  # once each
        problems += [f"{self.output.path}: {error}" for error in errors]
        return {
            "path": self.output.path,
            "html": self.html_version,
            "pages": None
            if self.pages_version is None
            else {"version": self.pages_version, "count": len(self.pages)},
            "problems": problems,
            "drawing": self.drawing is not None,
            "timings": self.timings,
        }


#: The kinds of subject an output can be previewed of: one role, one comparison.
PREVIEWED = ("role", "comparison")


class Hub:
    def __init__(self, root: Path, request: BuildRequest) -> None:
        self.root = root
        self.request = request
        self.cond = threading.Condition()
        self.closing = False
        self.previews: dict[str, Preview] = {}
        self.assets: dict[str, Path] = {}  # token -> a file the rendered HTML links to
        self._version = 0
        self._todo: list[str] = []  # previews to look at again, in order
        self._drawer = Drawer(self._drawn)
        self._thread = threading.Thread(target=self._run, name="guidepress-render", daemon=True)
        self._thread.start()

    # -- what the index page lists --------------------------------------------------------

    def outputs(self) -> tuple[Project, list[Output], list[str]]:
        """The project, the outputs ``serve`` was asked to show, and every problem found.
        Booklets and the catalogue are made from many outputs at once: they are not shown."""
        only = list(self.request.roles) or None
        project, problems = load_project(self.root, only=only)
        shown = [o for o in plan(project, self.request) if o.record.subject in PREVIEWED]
        return project, shown, [str(p) for p in problems]

    def find(self, path: str) -> Output | None:
        """The output at ``path`` if it is one of those shown (nothing else is rendered)."""
        try:
            _, outputs, _ = self.outputs()
        except GuidepressError:
            return None
        return next((output for output in outputs if output.path == path), None)

    # -- the previews -----------------------------------------------------------------------

    def open(self, output: Output) -> Preview:
        """The preview of ``output``, made and looked at the first time it is asked for."""
        with self.cond:
            preview = self.previews.get(output.path)
            if preview is None:
                preview = self.previews[output.path] = Preview(output)
                self._schedule(output.path)
            return preview

    def changed(self, paths: set[Path]) -> None:
        """Files changed (none named: some may have): look again at every preview a tab shows.

        Why not trust the inputs hash alone: a file saved while a look is under way can be read
        old by the project's loader and new by the hash; the save's own event then finds the
        hash unchanged. A preview one of whose files is named is rendered again regardless.
        """
        resolved = {path.resolve() for path in paths}
        with self.cond:
            for path, preview in self.previews.items():
                if not resolved or resolved & preview.files:
                    preview.stale = True
                if preview.viewers:
                    self._schedule(path)
            self.cond.notify_all()

    def watched(self) -> set[Path]:
        with self.cond:
            folders = {self.root}
            for preview in self.previews.values():
                folders |= preview.folders
            return folders

    def wait(self, preview: Preview, seen: int, timeout: float) -> bool:
        """Wait until ``preview`` changes past ``seen``; False on timeout or when closing."""
        with self.cond:
            self.cond.wait_for(lambda: preview.serial != seen or self.closing, timeout)
            return preview.serial != seen and not self.closing

    def watch(self, preview: Preview, delta: int) -> None:
        """A tab started (+1) or stopped (-1) following ``preview``."""
        with self.cond:
            preview.viewers += delta
            if delta > 0:
                self._schedule(preview.output.path)  # it may have changed while unwatched

    def warm(self) -> None:
        """Start the page drawing process before a tab asks for pages."""
        self._drawer.start()

    def close(self) -> None:
        with self.cond:
            self.closing = True
            self.cond.notify_all()
        self._drawer.close()

    # -- the work ---------------------------------------------------------------------------

    def _schedule(self, path: str) -> None:
        if path not in self._todo:
            self._todo.append(path)
        self.cond.notify_all()

    def _next_version(self) -> int:
        self._version += 1
        return self._version

    def _run(self) -> None:
        while True:
            with self.cond:
                self.cond.wait_for(lambda: self._todo or self.closing)
                if self.closing:
                    return
                preview = self.previews[self._todo.pop(0)]
            try:
                self._refresh(preview)
            except Exception as exc:  # a bug: say so in the page, keep serving the others
                log.warning("preview of %s failed: %s: %s", preview.output.path,
                            type(exc).__name__, exc)  # fmt: skip
                with self.cond:
                    preview.html_error = f"internal error: {type(exc).__name__}: {exc}"
                    preview.serial += 1
                    self.cond.notify_all()

    def _refresh(self, preview: Preview) -> None:
        """Look at the output again; when its inputs changed, draw its pages (in the other
        process, started first) and render its HTML (here)."""
        started = time.perf_counter()
        with self.cond:
            stale, preview.stale = preview.stale, False
        shot = snapshot(self.root, preview.output, self.request.regions)
        with self.cond:
            preview.folders = watched_folders(shot)
            preview.files |= {path.resolve() for path in shot.files}
            changed = shot.problems != preview.problems
            preview.problems = shot.problems
            if not shot.renderable or (shot.inputs_hash == preview.inputs_hash and not stale):
                if changed:
                    preview.serial += 1
                    self.cond.notify_all()
                return
            preview.inputs_hash = shot.inputs_hash
            preview.drawing = ticket = self._next_version()
            preview.serial += 1
            self.cond.notify_all()
        self._drawer.submit(Job(self.root, preview.output, ticket, official=shot.official))
        html: bytes | None = None
        try:
            html, assets = render_html(shot)
            error = None
        except GuidepressError as exc:
            error = str(exc)
        with self.cond:
            preview.html_error = error
            if html is not None:
                self.assets.update(assets)
                preview.html, preview.html_version = html, self._next_version()
                preview.timings["html"] = round(time.perf_counter() - started, 3)
            preview.serial += 1
            self.cond.notify_all()

    def _drawn(self, drawn: Drawn) -> None:
        with self.cond:
            preview = self.previews.get(drawn.job.output.path)
            if preview is None or drawn.job.ticket != preview.drawing:
                return  # a newer drawing is on its way
            preview.drawing = None
            preview.pages_error = drawn.error
            if drawn.images is not None:
                preview.pages, preview.pages_version = drawn.images, self._next_version()
                preview.timings["pages"] = round(drawn.seconds, 3)
            preview.serial += 1
            self.cond.notify_all()
