"""The README's commands work verbatim, in the order shown, in a fresh copy of the repository."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import EPOCH, REPO

pytestmark = pytest.mark.pdf

#: Lines the test does not run: they install software, or run this very suite. `make guides`
#: has been done for the suite already (its venv is the one running the tests); in the copy, its
#: one step that writes into the project, the demo's pay store, is done as the Makefile does it.
NOT_RUN = ("make ", "sudo ", "brew ")
MAKE_STORE = "guidepress data import oews data/oews_m2025_extract.csv"
ACTIVATE = ". .venv/bin/activate"


def readme_commands() -> list[str]:
    """Every line of the README's ``sh`` blocks, in order, comments dropped."""
    text = (REPO / "README.md").read_text("utf-8")
    lines = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, re.S | re.M):
        for line in block.splitlines():
            command = re.sub(r"\s+#.*$", "", line).strip()
            if command and not command.startswith("#"):
                lines.append(command)
    return lines


def fresh_copy(target: Path) -> Path:
    """The repository's committed files (what a clone has), copied to ``target``."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True
    ).stdout.decode()
    for rel in filter(None, listed.split("\0")):
        source = REPO / rel
        if source.is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / rel)
    return target


def test_make_guides_imports_the_demo_store_as_this_test_does() -> None:
    makefile = (REPO / "Makefile").read_text("utf-8")
    assert f"\t$(BIN)/{MAKE_STORE}\n" in makefile.split("data/pay.sqlite:", 1)[1]


def test_the_readme_says_how_guidepress_is_reached_before_using_it() -> None:
    commands = readme_commands()
    first = next(i for i, line in enumerate(commands) if line.startswith("guidepress "))
    assert commands[:2] == ["make guides", "make test"]
    assert ACTIVATE in commands[:first]
    assert not [line for line in commands if ".venv/bin/guidepress" in line]


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to list the committed files")
def test_readme_commands_run_verbatim_in_order(tmp_path: Path) -> None:
    clone = fresh_copy(tmp_path / "clone")
    script = ["set -e -x"]
    for line in readme_commands():
        if line == "make guides":
            script.append(f"{Path(sys.executable).parent}/{MAKE_STORE}")
        if line.startswith(NOT_RUN):
            continue
        # What activating does for this shell: the suite's own environment first on PATH.
        script.append(f'export PATH="{Path(sys.executable).parent}:$PATH"' if line == ACTIVATE
                      else line)  # fmt: skip
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "CI": "true"}
    env.pop("VIRTUAL_ENV", None)
    done = subprocess.run(
        ["bash", "-c", "\n".join(script)], cwd=clone, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(PdfReader(clone / "csm.pdf").pages) == 1
    merged = json.loads((clone / "merged" / "manifest.json").read_text())
    assert {e["path"] for e in merged["outputs"]} == {
        "sheets/customer-success-manager.pdf",
        "sheets/strategic-account-manager.pdf",
    }
    assert (clone / "imported" / "customer-success-manager.yaml").is_file()
    assert (clone / "careers" / "output" / "guides" / "example-role.pdf").is_file()
    assert (clone / "careers" / "templates" / "guide.html.j2").is_file()
    built = json.loads((clone / "output" / "manifest.json").read_text())["outputs"]
    assert {"sheets/northfield/strategic-account-manager.letter.print.pdf",
            "sheets/customer-success-manager.es.pdf",
            "sheets/strategic-account-manager@oh.pdf"} <= {e["path"] for e in built}  # fmt: skip
