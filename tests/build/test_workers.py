"""Builds as real processes: two at once into one folder, one killed with SIGKILL at several
moments, one interrupted with Ctrl-C. None may leave a broken PDF or manifest behind."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from guidepress.build.manifest import LOCK
from guidepress.files import locked
from tests.helpers import EPOCH, add_role, manifest, run_build, write

pytestmark = pytest.mark.pdf

ROLES = ("baker", "brewer", "cook", "dyer", "fletcher", "glazier")
ALL = {f"sheets/{slug}.pdf" for slug in ROLES}


@pytest.fixture
def roles(project: Path) -> Path:
    """Six roles whose sheets (a second or so each) a build makes two at a time."""
    write(project, "guidepress.yaml", "title: Test guides\nkinds: [sheet]\n")
    for slug in ROLES:
        add_role(project, slug)
    return project


_STARTED: list[subprocess.Popen[str]] = []


@pytest.fixture(autouse=True)
def _no_process_left() -> Iterator[None]:
    """Whatever a test asserts, the processes it started (and their workers) end with it."""
    yield
    while _STARTED:
        process = _STARTED.pop()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def start(root: Path, *args: str) -> subprocess.Popen[str]:
    """``guidepress build ARGS`` as its own process group, as a shell starts a command."""
    process = subprocess.Popen(
        [sys.executable, "-m", "guidepress", "--project", str(root), "build", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "CI": "true"},
    )
    _STARTED.append(process)
    return process


def wait_for(condition: Callable[[], bool], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def pdf_count(root: Path) -> int:
    return len(list((root / "output").rglob("*.pdf")))


def group_gone(process: subprocess.Popen[str]) -> bool:
    try:
        os.killpg(process.pid, 0)
    except ProcessLookupError:
        return True
    return False


def assert_whole(root: Path, exact: bool = True) -> dict[str, dict[str, object]]:
    """Every PDF in output/ is complete; the manifest is valid JSON, its files exist, and with
    ``exact`` each is the file it describes. (After a kill the manifest may still describe the
    last good file of an output the killed build replaced; the next build sees the difference
    and builds it again.)"""
    out = root / "output"
    for pdf in out.rglob("*.pdf"):
        assert len(PdfReader(pdf, strict=True).pages) >= 1, pdf
        with pikepdf.open(pdf) as doc:
            assert doc.check_pdf_syntax() == [], pdf
    if not (out / "manifest.json").exists():
        return {}
    entries = {e["path"]: e for e in json.loads((out / "manifest.json").read_text())["outputs"]}
    for path, entry in entries.items():
        if entry["status"] != "failed":
            data = (out / path).read_bytes()
            assert not exact or hashlib.sha256(data).hexdigest() == entry["sha256"], path
    return entries


def test_two_builds_at_once_keep_every_output_and_the_manifest_whole(roles: Path) -> None:
    first, second = start(roles, *ROLES[:3]), start(roles, *ROLES[3:])
    for process in (first, second):
        output, _ = process.communicate(timeout=300)
        assert process.returncode == 0, output
    assert set(assert_whole(roles)) == ALL
    # Then the same outputs from both at once: both write them, the manifest stays whole.
    both = [start(roles, "--force"), start(roles, "--force")]
    for process in both:
        output, _ = process.communicate(timeout=300)
        assert process.returncode == 0, output
    assert set(assert_whole(roles)) == ALL


def test_the_manifest_update_waits_for_the_other_build(roles: Path) -> None:
    # While this test holds the manifest's lock (as another build updating it would), a build
    # that has made its PDF waits, then merges what the other build recorded meanwhile.
    out = roles / "output"
    with locked(out / LOCK):
        build = start(roles, "cook")
        wait_for(lambda: (out / "sheets" / "cook.pdf").exists())
        time.sleep(1.0)
        assert build.poll() is None and not (out / "manifest.json").exists()
        other = out / "guides" / "baker.pdf"
        other.parent.mkdir(parents=True)
        other.write_bytes(b"%PDF-1.7 from the other build")
        write(out, "manifest.json", json.dumps({"generator": "g", "build_date": "d", "outputs": [
            {"path": "guides/baker.pdf", "kind": "guide", "roles": ["baker"], "brand": "default",
             "locale": "en", "paper": "a4", "format": "pdf", "status": "built",
             "sha256": hashlib.sha256(other.read_bytes()).hexdigest()},
        ]}))  # fmt: skip
    output, _ = build.communicate(timeout=300)
    assert build.returncode == 0, output
    assert {entry["path"] for entry in manifest(out)["outputs"]} == {
        "guides/baker.pdf",
        "sheets/cook.pdf",
    }


def test_a_build_killed_at_any_moment_leaves_only_whole_files(roles: Path) -> None:
    assert run_build(roles, "cook")[0] == 0  # an earlier build's output and manifest
    add_role(roles, "cook", "Head Cook")  # so the killed builds replace a file the manifest lists
    for moment in ("loading", "an output done, the next being made", "the same, later"):
        build = start(roles, "--jobs", "2")
        assert build.stdout is not None
        if moment == "loading":
            time.sleep(0.3)
        else:
            line = build.stdout.readline()
            while line and not line.startswith("built  "):
                line = build.stdout.readline()
            assert line, f"{moment}: the build ended before it built anything"
        os.kill(build.pid, signal.SIGKILL)
        build.communicate(timeout=60)
        wait_for(functools.partial(group_gone, build), 30)  # the workers end themselves
        assert_whole(roles, exact=False)
    # The next build removes what the killed ones left half-written and finishes the job.
    code, output = run_build(roles)
    assert code == 0, output
    assert set(assert_whole(roles)) == ALL
    assert not [p for p in (roles / "output").rglob("*") if p.name.endswith(".tmp")]


def test_ctrl_c_stops_at_once_and_says_what_was_kept(roles: Path) -> None:
    build = start(roles, "--jobs", "2")
    assert build.stdout is not None
    first = build.stdout.readline()  # the build says so when an output is done
    assert first.startswith("built  "), first
    os.killpg(build.pid, signal.SIGINT)  # as the terminal sends it: to the whole group
    started = time.monotonic()
    rest, _ = build.communicate(timeout=30)
    output = first + rest
    assert time.monotonic() - started < 10  # not after the other outputs
    assert build.returncode == 130, output
    entries = assert_whole(roles)
    kept = len(entries)
    assert 1 <= kept < len(ALL)
    assert output.splitlines()[-1] == (
        f"interrupted: kept {kept} output{'s' * (kept != 1)} built before it and every earlier "
        f"one, listed in {roles / 'output' / 'manifest.json'}; {len(ALL) - kept} not built, "
        "none half-written"
    )
    wait_for(lambda: group_gone(build), 10)
