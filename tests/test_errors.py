"""Problem lines escape what they quote."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import SLUG_RULE, run_err


def test_problem_lines_escape_what_they_quote(project: Path) -> None:
    (project / "content/roles/x\x1b[2J.yaml").write_text("title: X\nsummary: s\n")
    assert run_err(project, "validate") == (
        1,
        f"content/roles/x\\x1b[2J.yaml:1:1: slug: must be {SLUG_RULE} (got 'x\\x1b[2J')\n",
    )
