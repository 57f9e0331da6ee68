"""guidepress serve on the command line: refusals before it starts (the browser tests run it)."""

from __future__ import annotations

import socket
from pathlib import Path

from tests.helpers import SMALL_ROLE, run, write


def test_an_unknown_role_is_refused_with_its_place(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    assert run(project, "serve", "pastry-chef", "nope") == (
        1,
        "content/roles/nope.yaml: no role or comparison 'nope'\n",
    )


def test_a_port_in_use_is_refused(project: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert run(project, "serve", "--port", str(port)) == (
            1,
            f"cannot serve on 127.0.0.1:{port}: the port is in use (choose another --port)\n",
        )


def test_a_bad_port_is_a_usage_error(project: Path) -> None:
    code, output = run(project, "serve", "--port", "70000")
    assert code == 2
    assert "Invalid value for '--port': 70000 is not in the range 0<=x<=65535." in output
