"""A preview server in this process, on a free port of 127.0.0.1, for the HTTP tests."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from guidepress.build.request import BuildRequest
from guidepress.serve.http import PreviewServer
from guidepress.serve.hub import Hub


@dataclass
class Served:
    hub: Hub
    server: PreviewServer

    def get(self, path: str, host: str = "127.0.0.1") -> tuple[int, bytes]:
        """GET ``path`` exactly as written (no client-side tidying of ``..`` or escapes)."""
        port = self.server.server_address[1]
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.putrequest("GET", path, skip_host=True)
            connection.putheader("Host", f"{host}:{port}")
            connection.endheaders()
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()


@pytest.fixture
def served(project: Path) -> Iterator[Served]:
    hub = Hub(project, BuildRequest(formats=("pdf",)))
    server = PreviewServer(("127.0.0.1", 0), hub)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield Served(hub, server)
    finally:
        hub.close()
        server.shutdown()
        server.server_close()
        thread.join(5)
