"""Watching the files the open previews are made from (watchfiles: inotify on Linux, batched).

Why folders, one level each, and not the project tree: a project folder may hold a virtualenv or
a node_modules of thousands of folders, and a build writing into output/ must not wake the
preview. The folders are those of every file an open output depends on (the build's own list,
build/inputs.py) plus those where a new file would change it; the set is taken again after
every batch of changes, so a new brand or a project templates/ folder is watched from then on.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

import watchfiles

log = logging.getLogger("guidepress")

#: How long a batch waits for more changes after the first (ms): an editor's save is several
#: events (write a temporary file, rename it over the old one).
STEP_MS = 30


def watch(
    folders: Callable[[], set[Path]], changed: Callable[[set[Path]], None], stop: threading.Event
) -> None:
    """Call ``changed`` with each batch of changed paths until ``stop`` is set."""
    while not stop.is_set():
        watching = {folder for folder in folders() if folder.is_dir()}
        try:
            _watch(watching, folders, changed, stop)
        except (OSError, RuntimeError) as exc:  # a folder went while being watched, ...
            log.warning("watching files: %s; starting again", exc)
            stop.wait(0.5)


def _watch(
    watching: set[Path],
    folders: Callable[[], set[Path]],
    changed: Callable[[set[Path]], None],
    stop: threading.Event,
) -> None:
    first = True
    for batch in watchfiles.watch(
        *sorted(watching),
        recursive=False,
        stop_event=stop,
        step=STEP_MS,
        rust_timeout=500,
        yield_on_timeout=True,
        raise_interrupt=False,
    ):
        # The first batch (at the latest an empty one after rust_timeout) comes once the new
        # watcher listens: changes made while none did are caught by looking again then.
        if batch or first:
            changed({Path(path) for _, path in batch})
        first = False
        if {folder for folder in folders() if folder.is_dir()} != watching:
            return  # a folder came or went: watch the new set
