"""The hub keeps open previews current: a change that is no input of the output renders
nothing again; a sheet too long to fit shows the build's own line, from the drawing process."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from guidepress.build.outputs import Output
from guidepress.build.request import BuildRequest
from guidepress.serve.hub import Hub, Preview
from tests.helpers import PASTRY_CHEF, build_sheets, write

pytestmark = pytest.mark.pdf

SHEET = Output(kind="sheet", subject="pastry-chef", roles=("pastry-chef",),
               path="sheets/pastry-chef.pdf", brand="default", locale="en", paper="a4",
               format="pdf")  # fmt: skip


@pytest.fixture
def hub(project: Path) -> Iterator[Hub]:
    started = Hub(project, BuildRequest(formats=("pdf",)))
    try:
        yield started
    finally:
        started.close()


def settled(hub: Hub, preview: Preview) -> dict[str, object]:
    """The preview's state once its HTML is there and no pages are being drawn."""
    seen = -1
    for _ in range(600):
        with hub.cond:
            state = preview.state()
            if not state["drawing"] and (state["html"] or state["problems"]):
                return state
            seen = preview.serial
        hub.wait(preview, seen, 0.5)
    raise AssertionError(f"no settled state: {state}")


def test_only_a_change_of_its_inputs_renders_it_again(hub: Hub, project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", PASTRY_CHEF)
    preview = hub.open(SHEET)
    hub.watch(preview, +1)
    first = settled(hub, preview)
    assert first["problems"] == [] and first["pages"]["count"] == 1  # type: ignore[index]
    write(project, "content/roles/other.yaml", "title: Other\nsummary: Another.\n")
    hub.changed({project / "content/roles/other.yaml"})
    assert settled(hub, preview)["html"] == first["html"]
    write(project, "content/roles/pastry-chef.yaml", PASTRY_CHEF.replace("Makes", "Bakes"))
    hub.changed({project / "content/roles/pastry-chef.yaml"})
    with hub.cond:  # a look under way may first render the old text; the new one follows
        hub.cond.wait_for(lambda: b"Bakes desserts" in (preview.html or b""), 60)
    assert b"Bakes desserts" in (preview.html or b"")


def test_a_change_naming_its_file_renders_it_even_with_the_same_hash(
    hub: Hub, project: Path
) -> None:
    # A save read old by the loader and new by the hash must not be lost (hub.changed).
    write(project, "content/roles/pastry-chef.yaml", PASTRY_CHEF)
    preview = hub.open(SHEET)
    hub.watch(preview, +1)
    first = settled(hub, preview)
    hub.changed({project / "content/roles/pastry-chef.yaml"})
    with hub.cond:
        hub.cond.wait_for(lambda: preview.html_version != first["html"], 60)
    assert preview.html_version != first["html"]


def test_a_sheet_too_long_shows_the_line_the_build_prints(hub: Hub, project: Path) -> None:
    text = " ".join(
        ["Coordinates cross-functional delivery with partners"] * 60
    )  # enough never to fit; every fitting layout of more costs seconds
    role = {"title": "Pastry Chef", "summary": text, "responsibilities": [text] * 9}
    write(project, "content/roles/pastry-chef.yaml", yaml.safe_dump(role))
    preview = hub.open(SHEET)
    hub.watch(preview, +1)
    state = settled(hub, preview)
    code, output = build_sheets(project)
    assert code == 1
    assert state["problems"] == [output.splitlines()[-1]]
    assert re.match(
        r"sheets/pastry-chef\.pdf: role 'pastry-chef' does not fit", output.splitlines()[-1]
    )
    assert state["html"] is not None and state["pages"] is None


def test_a_regional_edition_is_previewed_with_its_pages(demo: Path) -> None:
    """``serve --region OH`` lists the Ohio editions; one's HTML and real pages are made with
    Ohio's figures, looked up once and handed to the drawing process."""
    hub = Hub(demo, BuildRequest(roles=("strategic-account-manager",), kinds=("sheet",),
                                 regions=("oh",), formats=("pdf",)))  # fmt: skip
    try:
        _, outputs, problems = hub.outputs()
        assert problems == [] and [o.path for o in outputs] == [
            "sheets/strategic-account-manager@oh.pdf"
        ]
        preview = hub.open(outputs[0])
        hub.watch(preview, +1)
        state = settled(hub, preview)
        assert state["problems"] == [] and state["pages"]["count"] == 1  # type: ignore[index]
        assert b"$108,370" in (preview.html or b"")
    finally:
        hub.close()
