"""What the preview serves: its pages, and files only from the output folder (never through
``..``, encoded or not, nor a link leaving the project); only to loopback names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from guidepress.serve.http import _parts
from tests.helpers import SMALL_ROLE, write
from tests.serve.conftest import Served


@pytest.mark.parametrize(
    ("path", "parts"),
    [
        ("/", []),
        ("/preview/guides/chef.pdf", ["preview", "guides", "chef.pdf"]),
        ("/output/a%20b.pdf", ["output", "a b.pdf"]),
        ("/output/../guidepress.yaml", None),
        ("/output/%2e%2e/guidepress.yaml", None),
        ("/output/%2E%2E%2Fguidepress.yaml", None),
        ("/output/.%2e/x", None),
        ("/output/./x", None),
        ("/output//etc/passwd", None),
        ("/output/..%5cguidepress.yaml", None),
        ("/output/x%00.pdf", None),
        ("/output/%ff", None),
        ("output/x", None),
    ],
)
def test_url_paths_are_plain_names_or_refused(path: str, parts: list[str] | None) -> None:
    assert _parts(path) == parts


def test_the_index_lists_the_outputs(served: Served, project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    status, body = served.get("/")
    assert status == 200
    assert b'<a href="/preview/guides/pastry-chef.pdf">guides/pastry-chef.pdf</a>' in body
    assert b"not built" in body


def test_the_index_shows_the_projects_problems(served: Served, project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", "title: Chef\nsummary: s\nbogus: 1\n")
    status, body = served.get("/")
    assert status == 200
    assert b"<li>content/roles/pastry-chef.yaml:3:1: bogus: unknown field" in body


def test_only_files_inside_the_output_folder_are_served(
    served: Served, project: Path, secret: Path
) -> None:
    out = project / "output" / "guides"
    out.mkdir(parents=True)
    (out / "chef.pdf").write_bytes(b"%PDF-1.7 built")
    (out / ".chef.pdf.x1.tmp").write_bytes(b"half written")
    (out / "away").symlink_to(secret)
    (out / "config").symlink_to(project / "guidepress.yaml")
    os.symlink(secret.parent, project / "output" / "up")
    assert served.get("/output/guides/chef.pdf") == (200, b"%PDF-1.7 built")
    token = secret.read_bytes()
    for path in [
        "/output/guides/away",  # a link out of the project
        "/output/guides/config",  # a link to a project file outside the output folder
        f"/output/up/{secret.name}",  # a folder link out of the project
        "/output/guides/.chef.pdf.x1.tmp",  # a file being written
        "/output/../guidepress.yaml",
        "/output/%2e%2e/guidepress.yaml",
        "/output/guides/%2e%2e%2f%2e%2e%2fguidepress.yaml",
        f"/output/..%2f..%2f{secret.name}",
        "/output/%2e%2e/%2e%2e/" + secret.name,
        "/static/../../guidepress.yaml",
        "/static/preview.css/..",
        "/assets/0000000000000000/guidepress.yaml",
        "/html/guides/chef.pdf",  # nothing rendered yet
        "/pages/guides/chef.pdf/1.png",
        "/preview/guides/nope.pdf",  # not an output of the project
        "/output/",
    ]:
        status, body = served.get(path)
        assert status == 404, path
        assert token not in body and b"title:" not in body, path


def test_assets_are_served_by_token_with_their_own_name_only(served: Served) -> None:
    font = Path(__file__).resolve().parents[2] / "styles" / "fonts" / "Inter-Regular.otf"
    served.hub.assets["abc"] = font
    assert served.get("/assets/abc/Inter-Regular.otf") == (200, font.read_bytes())
    assert served.get("/assets/abc/other.otf")[0] == 404


def test_other_host_names_are_refused(served: Served) -> None:
    assert served.get("/static/preview.css", host="localhost")[0] == 200
    status, body = served.get("/static/preview.css", host="attacker.example")
    assert (status, body) == (403, b"unknown Host\n")
