"""Errors become messages and exit codes: no project, internal errors in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import invoke, run, run_err


def test_no_project_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(None, "validate")
    assert result.exit_code == 1
    assert result.output == (
        f"no guidepress.yaml found in {tmp_path.resolve()} or above; "
        "run 'guidepress init DIR' to create a project\n"
    )


def test_internal_error_is_one_line_with_a_traceback_file(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr("guidepress.build.pipeline.build", boom)
    code, output = run(project, "build")
    assert code == 3
    assert output.startswith("internal error: RuntimeError: kaboom (traceback written to ")
    assert "Traceback" not in output


def test_internal_error_is_one_escaped_line_and_debug_shows_the_traceback(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaboom \x1b[2J")

    monkeypatch.setattr("guidepress.build.pipeline.build", boom)
    code, err = run_err(project, "build")
    prefix = "internal error: RuntimeError: kaboom \\x1b[2J (traceback written to "
    assert code == 3 and err.startswith(prefix) and err.endswith(")\n")
    assert err.count("\n") == 1
    traceback_file = Path(err[len(prefix) : -2])
    assert "RuntimeError: kaboom" in traceback_file.read_text()
    traceback_file.unlink()
    result = invoke(None, "--project", str(project), "--debug", "build")
    assert isinstance(result.exception, RuntimeError)


def test_ctrl_c_exits_130_with_one_line(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("guidepress.build.checks.check", interrupted)
    result = invoke(project, "validate")
    assert (result.exit_code, result.output) == (
        130,
        "interrupted: files written before it are kept whole\n",
    )
