"""A project's own label catalogues (locales/*.yaml), checked."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run, write


def test_project_catalogue_problems_are_located(project: Path) -> None:
    write(
        project,
        "locales/fr.yaml",
        """
        contents: Table des matières
        pro: Atouts
        edition: "Édition {jour}"
        faqs: [Questions]
        """,
    )
    write(project, "locales/nope.yaml", "contents: X\n")
    code, output = run(project, "validate")
    assert code == 1
    assert [line for line in output.splitlines() if not line.startswith("warning:")] == [
        "locales/fr.yaml:2:1: pro: unknown label (did you mean 'pros'?)",
        "locales/fr.yaml:3:1: edition: must use the placeholders {date}",
        "locales/fr.yaml:4:1: faqs: must be text",
        "locales/nope.yaml: 'nope' is not a locale code",
    ]
