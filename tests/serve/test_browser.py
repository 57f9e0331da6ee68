"""The live preview in a real browser (headless Chromium from Debian, driven by playwright):
`guidepress serve` shows an edit, a located problem and its fix without a reload; two tabs and
a build at the same time spoil nothing; Ctrl-C stops it cleanly.

Latency is measured in bench/serve_latency.py, not asserted here: the waits below are generous
so that a loaded machine does not fail them.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.helpers import CHROMIUM, EPOCH, PASTRY_CHEF, run, write

pytestmark = pytest.mark.pdf

if CHROMIUM is None:
    pytest.skip(
        "no Chromium installed: the browser tests need Debian's chromium "
        "(apt-get install -y chromium; .ci/run installs it)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

WAIT_MS = 60_000  # a loaded 2-core machine can take this long; the benchmark measures the real time
ROLE = "content/roles/pastry-chef.yaml"
PREVIEW = "preview/guides/pastry-chef.pdf"


class Server:
    """`guidepress serve --port 0` on a project, in its own process."""

    def __init__(self, root: Path) -> None:
        env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "guidepress", "--project", str(root), "serve", "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )  # fmt: skip
        assert self.process.stdout is not None
        first = self.process.stdout.readline()
        found = re.match(r"Serving (http://127\.0\.0\.1:\d+/) \(Ctrl-C to stop\)$", first.strip())
        assert found, first + self.process.stderr.read() if self.process.stderr else first
        self.url = found.group(1)

    def children(self) -> list[int]:
        """The processes it started (its page drawing process)."""
        tasks = Path(f"/proc/{self.process.pid}/task")
        return [int(pid) for task in tasks.iterdir()
                for pid in (task / "children").read_text().split()]  # fmt: skip

    def stop(self) -> tuple[int, str, str]:
        self.process.send_signal(signal.SIGINT)
        out, err = self.process.communicate(timeout=30)
        return self.process.returncode, out, err


@pytest.fixture
def server(project: Path) -> Iterator[Server]:
    write(project, ROLE, PASTRY_CHEF)
    served = Server(project)
    try:
        yield served
    finally:
        if served.process.poll() is None:
            served.process.kill()
            _, err = served.process.communicate()
            print(f"guidepress serve's standard error:\n{err}")  # shown when a test fails


@pytest.fixture
def tabs(browser: Any) -> Iterator[Any]:
    """A browser context for one test's tabs, closed after it: no tab outlives its server."""
    context = browser.new_context()
    try:
        yield context
    finally:
        context.close()


def open_preview(tabs: Any, server: Server) -> Any:
    page = tabs.new_page()
    page.on("console", lambda message: print("console:", message.text))
    page.goto(server.url + PREVIEW)
    return page


# Whether the HTML pane's document holds the text (read from the page, which is same-origin).
_SHOWS = """text => {
  const doc = document.getElementById("html").contentDocument;
  return !!doc && doc.body !== null && doc.body.innerText.includes(text);
}"""


_SEEN = """() => {
  const frame = document.getElementById("html");
  const doc = frame.contentDocument;
  return {src: frame.src, url: doc && doc.URL, ready: doc && doc.readyState,
          text: doc && doc.body ? doc.body.innerText.slice(0, 300) : null,
          status: document.getElementById("status").textContent};
}"""


def html_text(page: Any, text: str) -> None:
    """Wait until the HTML pane shows ``text``."""
    try:
        page.wait_for_function(_SHOWS, arg=text, timeout=WAIT_MS)
    except sync_api.TimeoutError:
        raise AssertionError(f"{text!r} not shown; the page has {page.evaluate(_SEEN)}") from None


def test_an_edit_shows_in_the_html_and_then_in_the_pages(tabs: Any, server: Server,
                                                         project: Path) -> None:  # fmt: skip
    page = open_preview(tabs, server)
    html_text(page, "Makes desserts and breads")
    sync_api.expect(page.locator("#pages img").first).to_be_visible(timeout=WAIT_MS)
    pages_before = page.locator("#pages").get_attribute("data-version")
    html_before = page.locator("#html").get_attribute("data-version")
    pages = page.locator("#pages img").count()
    assert pages == len(built_pages(project))

    write(project, ROLE, PASTRY_CHEF.replace("Makes desserts", "Laminates croissants"))
    html_text(page, "Laminates croissants and breads")
    assert page.locator("#html").get_attribute("data-version") != html_before
    sync_api.expect(page.locator("#pages")).not_to_have_attribute(
        "data-version", str(pages_before), timeout=WAIT_MS
    )
    sync_api.expect(page.locator("#status")).to_have_text("Up to date", timeout=WAIT_MS)
    image = page.locator("#pages img").first
    assert image.evaluate("img => img.complete && img.naturalWidth") == 794  # A4 at 96 dpi
    assert page.locator("#problems-box").is_hidden()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def built_pages(project: Path) -> list[Any]:
    """The pages of the guide `guidepress build` makes of the project now."""
    code, output = run(project, "build", "--kind", "guide", "--out", str(project / "check"))
    assert code == 0, output
    return list(PdfReader(project / "check" / "guides" / "pastry-chef.pdf").pages)


def test_a_problem_shows_as_the_build_prints_it_and_goes_when_fixed(
    tabs: Any, server: Server, project: Path
) -> None:
    page = open_preview(tabs, server)
    html_text(page, "Makes desserts and breads")
    write(project, ROLE, PASTRY_CHEF.replace("growth_rate: 4", "growth_rate: [4"))
    code, printed = run(project, "build", "--kind", "guide", "--out", str(project / "check"))
    lines = [line for line in printed.splitlines() if line.startswith(ROLE)]
    assert code == 1 and lines, printed
    problems = page.locator("#problems li")
    sync_api.expect(problems).to_have_text(lines, timeout=WAIT_MS)
    assert page.locator("#problems-box").is_visible()
    html_text(page, "Makes desserts and breads")  # the last good rendering stays

    write(project, ROLE, PASTRY_CHEF.replace("Makes desserts", "Fixed desserts"))
    html_text(page, "Fixed desserts and breads")
    sync_api.expect(page.locator("#problems-box")).to_be_hidden(timeout=WAIT_MS)
    assert problems.count() == 0


def test_two_tabs_and_a_build_at_once(tabs: Any, server: Server, project: Path) -> None:
    first, second = open_preview(tabs, server), open_preview(tabs, server)
    for page in (first, second):
        html_text(page, "Makes desserts and breads")
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    build = subprocess.Popen(
        [sys.executable, "-m", "guidepress", "--project", str(project), "build", "--jobs", "1",
         "--format", "pdf", "--format", "html"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )  # fmt: skip
    write(project, ROLE, PASTRY_CHEF.replace("Makes desserts", "Both tabs see"))
    for page in (first, second):
        html_text(page, "Both tabs see and breads")
        sync_api.expect(page.locator("#status")).to_have_text("Up to date", timeout=WAIT_MS)
    output, _ = build.communicate(timeout=120)
    assert build.returncode == 0, output
    # The build wrote whole files and a manifest that lists them; serve wrote nothing there.
    code, again = run(project, "build", "--format", "pdf", "--format", "html")
    assert code == 0, again
    for pdf in (project / "output").rglob("*.pdf"):
        assert len(PdfReader(pdf).pages) >= 1
    assert not [p for p in (project / "output").rglob(".*") if p.name != ".manifest.lock"]
    assert first.locator("#pages img").count() == second.locator("#pages img").count() > 0


def test_ctrl_c_stops_the_server_and_its_drawing_process(tabs: Any, server: Server) -> None:
    page = open_preview(tabs, server)
    html_text(page, "Makes desserts and breads")
    children = server.children()
    assert children, "the page drawing process runs beside the server"
    code, out, err = server.stop()
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == "Stopped."
    # The drawing process is ended and reaped before the server exits; multiprocessing's
    # resource tracker follows as soon as it sees its parent gone.
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in children if _alive(pid)]
    sync_api.expect(page.locator("#status")).to_have_text(
        "Not connected (is guidepress serve running?)", timeout=WAIT_MS
    )
