"""The render time limit: fails the block with the setting named, cannot be swallowed, leaves
no timer behind; a build over it fails each output and goes on."""

from __future__ import annotations

import contextlib
import json
import signal
import threading
import time
from pathlib import Path

import pytest

from guidepress.build.limits import time_limit
from guidepress.errors import RenderError
from tests.helpers import SHORT_ROLE, run_err, write


def spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_block_over_its_limit_fails_with_the_setting_named() -> None:
    started = time.monotonic()
    with pytest.raises(RenderError) as info, time_limit(0.05, "render_timeout in guidepress.yaml"):
        spin(60)
    assert (
        str(info.value) == "rendering took longer than 0.05 s (render_timeout in guidepress.yaml)"
    )
    assert time.monotonic() - started < 30  # stopped, not spun out: bound loose for a busy machine


def test_code_that_catches_every_exception_cannot_swallow_the_limit() -> None:
    # WeasyPrint logs and skips a failed image inside ``except Exception``; the limit gets through.
    with pytest.raises(RenderError), time_limit(0.05, "x"):
        for _ in range(100):
            with contextlib.suppress(Exception):
                spin(0.02)


def test_a_block_within_its_limit_leaves_no_timer_behind() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with time_limit(5, "x"):
        spin(0.01)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


def test_an_enclosing_timer_keeps_its_remaining_time() -> None:
    with time_limit(10, "outer"):
        with time_limit(5, "inner"):
            spin(0.01)
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 9 < remaining <= 10


def test_outside_the_main_thread_it_does_nothing() -> None:
    results: list[str] = []

    def work() -> None:
        with time_limit(0.01, "x"):
            spin(0.1)
        results.append("finished")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert results == ["finished"]


@pytest.mark.pdf
def test_render_timeout_fails_each_output_and_the_batch_goes_on(project: Path) -> None:
    write(project, "guidepress.yaml", "title: T\nrender_timeout: 0.05\n")
    write(project, "content/roles/a.yaml", SHORT_ROLE)
    write(project, "content/roles/b.yaml", SHORT_ROLE)
    code, err = run_err(project, "build")
    assert (code, err) == (
        1,
        "guides/a.pdf: rendering took longer than 0.05 s (render_timeout in guidepress.yaml)\n"
        "guides/b.pdf: rendering took longer than 0.05 s (render_timeout in guidepress.yaml)\n",
    )
    manifest = json.loads((project / "output" / "manifest.json").read_text())
    assert [o["status"] for o in manifest["outputs"]] == ["failed", "failed"]
    # The timer is gone afterwards: the same process builds with the default limit.
    write(project, "guidepress.yaml", "title: T\n")
    assert run_err(project, "build") == (0, "")
