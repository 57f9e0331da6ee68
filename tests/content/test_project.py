"""The project on disk: file and folder names that become output paths, files linked from
outside."""

from __future__ import annotations

import os
from pathlib import Path

from tests.helpers import SLUG_RULE, run_err, token_of, write


def test_names_that_become_output_paths_follow_the_slug_rule(project: Path) -> None:
    write(project, "content/roles/Bad Name.yaml", "title: X\nsummary: s\n")
    write(project, "content/comparisons/Mixed_Case.yaml", "title: C\nroles: [a, b]\n")
    write(project, "content/brands/My Brand/brand.yaml", "name: B\n")
    assert run_err(project, "validate") == (
        1,
        f"content/brands/My Brand/brand.yaml: brand folder name must be {SLUG_RULE}\n"
        f"content/comparisons/Mixed_Case.yaml: file name must be {SLUG_RULE}\n"
        f"content/roles/Bad Name.yaml:1:1: slug: must be {SLUG_RULE} (got 'Bad Name')\n",
    )


def test_content_file_linked_from_outside_is_refused(project: Path, secret: Path) -> None:
    os.symlink(secret, project / "content/roles/leak.yaml")
    code, err = run_err(project, "validate")
    assert (code, err) == (1, "content/roles/leak.yaml: links to a file outside the project\n")
    assert token_of(secret) not in err
