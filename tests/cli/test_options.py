"""Shared options: --project before or after the command, and shell completion of role, brand,
locale and kind names in bash, zsh and fish."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from guidepress.cli import cli
from tests.helpers import REPO, SMALL_ROLE, write


def complete(shell: str, words: str, cwd: Path | None = None) -> list[str]:
    """What ``guidepress`` offers in ``shell`` for the last word of ``words`` (the
    environment Click's completion scripts set)."""
    incomplete = "" if words.endswith(" ") else words.split()[-1]
    env = {
        "_GUIDEPRESS_COMPLETE": f"{shell}_complete",
        "COMP_WORDS": words,
        # bash and zsh say which word is being completed; fish gives the word itself
        "COMP_CWORD": incomplete
        if shell == "fish"
        else str(len(words.split()) - (1 if incomplete else 0)),
    }
    result = CliRunner().invoke(cli, [], prog_name="guidepress", env=env)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line]
    if shell == "zsh":  # type, value, help: three lines each
        return [lines[i + 1] for i in range(0, len(lines), 3)]
    return [line.split(",", 1)[1] if "," in line else line.split("\t")[0] for line in lines]


@pytest.fixture
def roles(project: Path) -> Path:
    for slug in ("pastry-chef", "pastry-cook", "baker"):
        write(project, f"content/roles/{slug}.yaml", SMALL_ROLE)
    write(project, "content/roles/pastry-chef.es.yaml", "title: Pastelero\n")  # an overlay
    write(
        project, "content/comparisons/pastry-pair.yaml", "title: P\nroles: [pastry-chef, baker]\n"
    )
    write(project, "content/brands/northfield/brand.yaml", "name: Northfield\n")
    write(project, "locales/pt.yaml", "salary: Salário\n")
    return project


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_role_brand_locale_and_kind_names_complete(roles: Path, shell: str) -> None:
    at = f"guidepress --project {roles}"
    assert complete(shell, f"{at} build past") == ["pastry-chef", "pastry-cook", "pastry-pair"]
    assert complete(shell, f"{at} compare baker past") == ["pastry-chef", "pastry-cook"]
    assert complete(shell, f"{at} validate b") == ["baker"]
    assert complete(shell, f"{at} data show past") == ["pastry-chef", "pastry-cook"]
    assert complete(shell, f"{at} build --brand ") == ["default", "northfield"]
    assert complete(shell, f"{at} compare baker baker --brand n") == ["northfield"]
    assert complete(shell, f"{at} build --locale ") == ["de", "en", "es", "fr", "pt"]
    assert complete(shell, f"{at} build --kind ") == [
        "guide",
        "sheet",
        "compare",
        "booklet",
        "catalogue",
    ]
    assert complete(shell, f"{at} build --audience ") == ["employer", "student"]


def test_completion_finds_the_project_from_the_folder_or_after_the_command(
    roles: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(roles / "content")
    assert complete("bash", "guidepress build bak") == ["baker"]
    monkeypatch.chdir(tmp_path)
    assert complete("bash", "guidepress build bak") == []  # no project here: nothing, no error
    assert complete("bash", f"guidepress build --project {roles} bak") == ["baker"]


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["build", "--brand", "nope"], (2, "--brand: no brand 'nope' in content/brands\n")),
        (["compare", "a", "b"], (1, "content/roles/a.yaml: no role 'a'\n"
                                    "content/roles/b.yaml: no role 'b'\n")),
    ],
)  # fmt: skip
def test_project_after_the_build_commands(
    project: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    said: tuple[int, str],
) -> None:
    monkeypatch.chdir(tmp_path)  # no project here; --project after the command finds it
    result = CliRunner().invoke(cli, [*command, "--project", str(project)])
    assert (result.exit_code, result.output) == said


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_the_documented_bash_line_completes_in_bash(roles: Path) -> None:
    guide = (REPO / "docs" / "user-guide" / "index.md").read_text("utf-8")
    line = 'eval "$(_GUIDEPRESS_COMPLETE=bash_source guidepress)"'
    assert f"| bash | `{line}` |" in guide
    script = (
        f"{line}\n"
        "COMP_WORDS=(guidepress build past); COMP_CWORD=2; _guidepress_completion guidepress\n"
        'echo "${COMPREPLY[@]}"\n'
    )
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    done = subprocess.run(
        ["bash", "-c", script], cwd=roles, env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout == "pastry-chef pastry-cook pastry-pair\n"
