"""Bounded work: a render that runs longer than its time limit is stopped and fails its output."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from guidepress.errors import RenderError


class _Expired(BaseException):
    # A BaseException, like KeyboardInterrupt, so that the many ``except Exception`` blocks in
    # WeasyPrint (which log a failed image and carry on) cannot swallow it.
    pass


@contextmanager
def time_limit(seconds: float, setting: str) -> Iterator[None]:
    """Raise RenderError if the block runs longer than ``seconds`` (``setting`` names the limit).

    SIGALRM interrupts the main thread of a process (where the CLI, and each worker of a process
    pool, runs its jobs); in any other thread, or where there is no SIGALRM, this does nothing.
    """
    if (
        seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise _Expired

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, expire)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise RenderError(f"rendering took longer than {seconds:g} s ({setting})") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # an enclosing timer keeps what is left of its time
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 1e-3))
