"""Build output in CI: failures become GitHub annotations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_build, write


@pytest.mark.pdf
def test_failures_become_github_annotations(two_roles: Path) -> None:
    write(
        two_roles, "content/roles/brewer.yaml", "title: Brewer\nsummary: Brews.\ngrowth_rate: x\n"
    )
    code, output = run_build(two_roles, env={"GITHUB_ACTIONS": "true"})
    assert code == 1
    assert (
        "::error file=content/roles/brewer.yaml,line=3,col=1::"
        "growth_rate: must be a number (got 'x')"
    ) in output.splitlines()
