"""Benchmark: the live preview's latency, from saving a role file to the browser showing it.

`guidepress serve` runs on a copy of the demo project; headless Chromium (Debian's, driven by
playwright) shows the 16-page customer-success-manager guide. Each round edits the role's
summary, then times (wall clock, from just before the write) until the HTML pane shows the new
words, and until every page picture of the new PDF has loaded. The same round then times one
`guidepress build ROLE --kind guide --force` (a fresh process, as a user runs it), so the two
targets (HTML <= 1 s; pages <= one build + 1 s) are compared under the same load.

Usage: .venv/bin/python bench/serve_latency.py [ROUNDS]   (figures: docs/benchmarks.md)
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
ROLE = "customer-success-manager"
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1795219200"}
GUIDEPRESS = [sys.executable, "-m", "guidepress"]

# Whether the HTML pane holds ``token`` (checked by the browser on every animation frame).
HTML_SHOWS = """token => {
  const doc = document.getElementById("html").contentDocument;
  return !!doc && doc.body !== null && doc.body.innerText.includes(token);
}"""
# Whether the page pictures are of a version newer than ``old`` and have all loaded.
PAGES_LOADED = """old => {
  const pages = document.getElementById("pages");
  const images = [...pages.querySelectorAll("img")];
  return pages.dataset.version !== old && images.length > 0
    && images.every(img => img.complete && img.naturalWidth > 0);
}"""


def copy_project(folder: Path) -> Path:
    root = folder / "project"
    root.mkdir()
    shutil.copy(ROOT / "guidepress.yaml", root)
    shutil.copytree(ROOT / "content", root / "content")
    return root


def one_build(root: Path, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [*GUIDEPRESS, "--project", str(root), "build", ROLE, "--kind", "guide", "--force",
         "--out", str(out)],
        check=True, env=ENV, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return time.perf_counter() - started


def main(rounds: int) -> None:
    cpus, python = os.cpu_count(), platform.python_version()
    print(f"machine: {platform.machine()}, {cpus} CPUs, python {python}")
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as scratch:
        root = copy_project(Path(scratch))
        role_file = root / "content" / "roles" / f"{ROLE}.yaml"
        original = role_file.read_text("utf-8")
        server = subprocess.Popen(
            [*GUIDEPRESS, "--project", str(root), "serve", ROLE, "--kind", "guide", "--port", "0"],
            stdout=subprocess.PIPE, text=True, env=ENV,
        )  # fmt: skip
        try:
            assert server.stdout is not None
            found = re.search(r"(http://\S+/)", server.stdout.readline())
            assert found, "serve did not start"
            html, pages, builds, pictures = measure(
                found.group(1), root, role_file, original, rounds
            )
        finally:
            server.terminate()
            server.wait(30)
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{rounds} rounds, {pictures} pages; seconds: median (min-max)")
    for name, values in [
        ("save -> HTML shown", html),
        ("save -> all page pictures shown", pages),
        ("one build (guidepress build --force)", builds),
        ("pages - build", [p - b for p, b in zip(pages, builds, strict=True)]),
    ]:
        print(f"  {name:40} {statistics.median(values):6.2f} ({min(values):.2f}-{max(values):.2f})")


def measure(
    url: str, root: Path, role_file: Path, original: str, rounds: int
) -> tuple[list[float], list[float], list[float], int]:
    html: list[float] = []
    pages: list[float] = []
    builds: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium") or "chromium", args=CHROMIUM_FLAGS
        )
        page: Any = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{url}preview/guides/{ROLE}.pdf")
        page.wait_for_function(HTML_SHOWS, arg="Customer Success", timeout=120_000)
        page.wait_for_function(PAGES_LOADED, arg="", timeout=120_000)
        for n in range(rounds):
            old = page.locator("#pages").get_attribute("data-version") or ""
            token = f"Edited in round {n} of the benchmark"
            edited = original.replace("summary: ", f"summary: {token}. ", 1)
            started = time.perf_counter()
            role_file.write_text(edited, "utf-8")
            page.wait_for_function(HTML_SHOWS, arg=token, polling="raf", timeout=60_000)
            html.append(time.perf_counter() - started)
            page.wait_for_function(PAGES_LOADED, arg=old, polling="raf", timeout=120_000)
            pages.append(time.perf_counter() - started)
            builds.append(one_build(root, root / "built"))
            print(f"  round {n}: HTML {html[-1]:.2f} s, pages {pages[-1]:.2f} s, "
                  f"build {builds[-1]:.2f} s")  # fmt: skip
        pictures = page.locator("#pages img").count()
        browser.close()
    return html, pages, builds, pictures


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
