"""Shared fixtures: the repository's own project, scratch projects, and guides built once."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from guidepress.build.pipeline import build
from guidepress.build.request import BuildRequest

REPO = Path(__file__).resolve().parents[1]
SEED_ROLES = ("strategic-account-manager", "customer-success-manager")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="Rewrite tests/golden/ from current output."
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(autouse=True)
def _fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    # Documents print their edition date; tests pin it so outputs are comparable.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795219200")  # 2026-11-21


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch project: config, the default brand, no roles yet."""
    root = tmp_path / "proj"
    (root / "content" / "roles").mkdir(parents=True)
    shutil.copytree(
        REPO / "content" / "brands" / "default", root / "content" / "brands" / "default"
    )
    (root / "guidepress.yaml").write_text("title: Test guides\n", encoding="utf-8")
    return root


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def seed_guides(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both seed guides built once per session from the repository's content."""
    out = tmp_path_factory.mktemp("seed-guides")
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1795219200")
    try:
        build(REPO, BuildRequest(roles=SEED_ROLES, kinds=("guide",), out=out))
    finally:
        mp.undo()
    return out
