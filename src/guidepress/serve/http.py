"""The preview's HTTP side (the standard library's threading server): the pages, the rendered
HTML and pictures from memory, the files the HTML links to, built outputs, and one stream of
server-sent events per open preview.

What it serves is only what it rendered, the files the HTML export allowed for that rendering
(theme and brand files, by a token, never by a path), and regular files inside the output folder
(links resolved, never leaving it or the project). A request for anything else is a 404.
"""

from __future__ import annotations

import contextlib
import json
import logging
import mimetypes
import socket
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2

from guidepress import __version__
from guidepress.build.manifest import read_manifest
from guidepress.errors import GuidepressError
from guidepress.files import inside
from guidepress.serve.hub import Hub, Preview
from guidepress.theme.lookup import builtin_dir

log = logging.getLogger("guidepress")

#: Seconds between keep-alive comments on an idle event stream (a closed tab is noticed then).
KEEPALIVE = 10.0
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
_STATIC = {"preview.js": "text/javascript", "preview.css": "text/css"}


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # a tab's event stream never keeps the process alive
    block_on_close = False

    def __init__(self, address: tuple[str, int], hub: Hub) -> None:
        self.hub = hub
        self.web = jinja2.Environment(
            loader=jinja2.PackageLoader("guidepress.serve", "web"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
        )
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """One line, not the standard library's traceback; nothing for a tab that went away
        or a request cut short by Ctrl-C."""
        error = sys.exc_info()[1]
        if self.hub.closing or isinstance(error, ConnectionError | TimeoutError):
            return
        log.warning("preview request failed: %s: %s", type(error).__name__, error)

    @property
    def url(self) -> str:
        host, port = str(self.server_address[0]), int(self.server_address[1])
        return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"

    @property
    def loopback(self) -> bool:
        return str(self.server_address[0]) in LOOPBACK


class Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"
    server_version = f"guidepress/{__version__}"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one line per request would drown the problems the terminal is for

    def do_GET(self) -> None:
        if not self._host_allowed():
            self._send(HTTPStatus.FORBIDDEN, b"unknown Host\n", "text/plain")
            return
        parts = _parts(urlsplit(self.path).path)
        if parts is None:
            self._not_found()
            return
        route, rest = (parts[0], parts[1:]) if parts else ("", [])
        hub = self.server.hub
        if route == "" and not rest:
            self._index()
        elif route == "static" and len(rest) == 1 and rest[0] in _STATIC:
            data = resources.files("guidepress.serve").joinpath("web", rest[0]).read_bytes()
            self._send(HTTPStatus.OK, data, _STATIC[rest[0]])
        elif route == "preview" and (output := hub.find("/".join(rest))):
            hub.open(output)
            page = self.server.web.get_template("preview.html.j2").render(path=output.path)
            self._send(HTTPStatus.OK, page.encode(), "text/html; charset=utf-8")
        elif route == "events" and (output := hub.find("/".join(rest))):
            self._events(hub, hub.open(output))
        elif route == "html":
            preview = hub.previews.get("/".join(rest))
            if preview is None or preview.html is None:
                self._not_found()
            else:
                self._send(HTTPStatus.OK, preview.html, "text/html; charset=utf-8")
        elif route == "pages" and rest and rest[-1].endswith(".png"):
            self._page(hub, "/".join(rest[:-1]), rest[-1].removesuffix(".png"))
        elif route == "assets" and len(rest) == 2 and rest[0] in hub.assets:
            path = hub.assets[rest[0]]  # the project's or the built-in theme's, by the export
            theme = [hub.root, builtin_dir()]
            self._file(path, path.name == rest[1] and any(inside(path, f) for f in theme))
        elif route == "output" and rest:
            output_dir = self._output_dir()
            path = output_dir.joinpath(*rest)
            self._file(path, inside(path, output_dir) and inside(path, hub.root))
        else:
            self._not_found()

    # -- pages --------------------------------------------------------------------------------

    def _index(self) -> None:
        hub = self.server.hub
        try:
            project, outputs, problems = hub.outputs()
        except GuidepressError as exc:
            outputs, problems, title, built = [], exc.lines(), "guidepress", {}
        else:
            title = project.config.title
            manifest = read_manifest(project.output_dir).by_path()
            built = {path: entry.status != "failed" for path, entry in manifest.items()}
        page = self.server.web.get_template("index.html.j2").render(
            title=title, outputs=outputs, problems=problems, built=built
        )
        self._send(HTTPStatus.OK, page.encode(), "text/html; charset=utf-8")

    def _page(self, hub: Hub, path: str, number: str) -> None:
        preview = hub.previews.get(path)
        pages = preview.pages if preview else []
        if not number.isdigit() or not 1 <= int(number) <= len(pages):
            self._not_found()
            return
        self._send(HTTPStatus.OK, pages[int(number) - 1], "image/png")

    def _events(self, hub: Hub, preview: Preview) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        hub.watch(preview, +1)
        try:
            seen = -1
            while not hub.closing:
                if seen == preview.serial and not hub.wait(preview, seen, KEEPALIVE):
                    if hub.closing:
                        break
                    self.wfile.write(b": keep-alive\n\n")
                    self.wfile.flush()
                    continue
                with hub.cond:
                    seen, state = preview.serial, preview.state()
                self.wfile.write(f"event: state\ndata: {json.dumps(state)}\n\n".encode())
                self.wfile.flush()
        except OSError:
            pass  # the tab was closed
        finally:
            hub.watch(preview, -1)

    # -- files --------------------------------------------------------------------------------

    def _output_dir(self) -> Path:
        hub = self.server.hub
        try:
            project, _, _ = hub.outputs()
        except GuidepressError:
            return hub.root / "output"
        return project.output_dir

    def _file(self, path: Path, allowed: bool) -> None:
        """Serve ``path`` if ``allowed`` (checked with links resolved) and a regular file."""
        if (
            not allowed
            or path.name.startswith(".")  # a file being written (files.write_atomic)
            or not path.resolve().is_file()
        ):
            self._not_found()
            return
        try:
            data = path.resolve().read_bytes()
        except OSError:
            self._not_found()
            return
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self._send(HTTPStatus.OK, data, kind)

    # -- plumbing -----------------------------------------------------------------------------

    def _host_allowed(self) -> bool:
        """A page on another site must not read the preview by pointing its own name at
        127.0.0.1 (DNS rebinding): on loopback, only loopback names are answered."""
        if not self.server.loopback:
            return True
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0] if self.headers else ""
        return host in LOOPBACK

    def _not_found(self) -> None:
        self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain")

    def _send(self, status: HTTPStatus, data: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        with contextlib.suppress(OSError):  # the tab went away
            self.wfile.write(data)


def _parts(path: str) -> list[str] | None:
    """The URL path's segments, percent-decoded; None when one is not a plain name (``..``,
    ``.``, empty, or holding a backslash or a NUL), encoded or not, or not UTF-8."""
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return None
    if decoded == "/":
        return []
    segments = decoded.split("/")
    if segments[0] != "":
        return None
    parts = segments[1:]
    if any(p in ("", ".", "..") or "\\" in p or "\x00" in p for p in parts):
        return None
    return parts
