"""Outputs the paper modules share, built once per session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from guidepress.build.request import BuildRequest
from tests.helpers import brand_project, built_entries


@pytest.fixture(scope="session")
def letter(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, Any]]]:
    """Guide and sheet of the harbour pilot under three brands, on letter paper, in one build.
    The first brand, 'mark', is the configured default: its outputs have no brand folder."""
    root = brand_project(
        tmp_path_factory.mktemp("brands"),
        "brands: [mark, brightpath, northfield]\npaper: letter\nkinds: [guide, sheet]\n",
    )
    return root / "output", built_entries(root, BuildRequest())
