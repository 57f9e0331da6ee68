"""``guidepress serve``: start the hub, the watcher and the HTTP server; stop them all on Ctrl-C."""

from __future__ import annotations

import errno
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from guidepress.build.request import BuildRequest
from guidepress.content.project import select
from guidepress.errors import ContentError, GuidepressError, Problem
from guidepress.serve.http import PreviewServer
from guidepress.serve.hub import Hub
from guidepress.serve.watcher import watch


class ServeError(GuidepressError):
    """Raised by :func:`serve` when it cannot listen on the address asked for."""


def serve(
    root: Path,
    request: BuildRequest,
    host: str,
    port: int,
    say: Callable[[str], None],
) -> None:
    """Serve the preview of ``request``'s outputs until Ctrl-C (or SIGTERM)."""
    _check_roles(root, request)
    hub = Hub(root, request)
    try:
        server = PreviewServer((host, port), hub)
    except OSError as exc:
        hub.close()
        why = "the port is in use" if exc.errno == errno.EADDRINUSE else exc.strerror
        raise ServeError(f"cannot serve on {host}:{port}: {why} (choose another --port)") from None
    stop = threading.Event()
    watcher = threading.Thread(
        target=watch, args=(hub.watched, hub.changed, stop), name="guidepress-watch", daemon=True
    )
    watcher.start()
    hub.warm()
    # Both stop it, even where SIGINT came ignored (a job started with & by a script).
    previous = {sig: signal.signal(sig, _interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
    say(f"Serving {server.url} (Ctrl-C to stop)")
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        hub.close()  # ends every event stream and the drawing process
        server.server_close()
        watcher.join(2)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    say("Stopped.")


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _check_roles(root: Path, request: BuildRequest) -> None:
    """Refuse to start for roles that do not exist (a broken one is shown, with its problems)."""
    if not request.roles:
        return
    problems: list[Problem] = []
    select(root, list(request.roles), problems)  # the names build takes, with its messages
    if problems:
        raise ContentError(problems)
