"""Shared helpers and fixtures of the importer's tests: seed pages, fixture pages, round trips."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, settings

from guidepress.content.load import parse
from guidepress.content.models import Role
from guidepress.importer import ImportResult, import_text
from guidepress.importer.markdown import unescape
from guidepress.importer.markup import ELEMENTS

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
CASES = Path(__file__).resolve().parent / "cases"
ROLES = ROOT / "content" / "roles"
SEED_FILES = {
    "000_d44a76b2e4663afc.txt": "strategic-account-manager",
    "004_e941a6e8a69fed1f.txt": "customer-success-manager",
}
needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"seed pages not found at {SEEDS} (shared/ is beside the repo)"
)
fast = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: For tests that import a whole generated page per example.
pages = settings(fast, max_examples=100)
#: Markup in a role's text: a tag (``<name ...>``, ``</name>``), a comment, a doctype or a
#: processing instruction.
MARKUP = re.compile(
    r"<(?:/?([A-Za-z][\w.:-]*)(?=[\s/>])(?:\s[^<>]*)?/?>|!--|![A-Za-z][^<>]*>|\?[^<>]*>)"
)


def _is_tag_name(name: str | None) -> bool:
    """Names of HTML elements, namespaced (``o:p``) and custom (``x-card``) elements: a word in
    angle brackets (``<explicit>``, in the markdown case) is text."""
    return name is None or name.lower() in ELEMENTS or bool(re.search(r"[:-]", name))


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the same data as safe_load, faster


def seed_bytes(name: str) -> bytes:
    return (SEEDS / name).read_bytes()


def seed_text(name: str) -> str:
    return seed_bytes(name).decode("utf-8")


def texts(value: Any) -> list[str]:
    """Every string in the role data, unescaped (as the page printed it)."""
    if isinstance(value, dict):
        return [t for v in value.values() for t in texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in texts(v)]
    return [unescape(value)] if isinstance(value, str) else []


def markup_in(role: dict[str, Any]) -> list[str]:
    """The tags, comments and doctypes in any string of ``role``, escaped or not."""
    return [
        match.group()
        for text in texts(role) + _raw(role)
        for match in MARKUP.finditer(text)
        if _is_tag_name(match.group(1))
    ]


def _raw(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [t for v in value.values() for t in _raw(v)]
    if isinstance(value, list):
        return [t for v in value for t in _raw(v)]
    return [value] if isinstance(value, str) else []


def without_provenance(result: ImportResult) -> dict[str, Any]:
    return {k: v for k, v in result.role.items() if k != "provenance"}


def check_round_trip(result: ImportResult) -> Role:
    """The YAML loads back to the same data, validates, and the model keeps every text."""
    loaded = yaml.load(result.yaml_text, Loader=_LOADER)
    assert loaded == result.role
    doc, problems = parse(result.yaml_text, "imported.yaml")  # guidepress's own loader agrees
    assert problems == [] and doc is not None and doc.data == loaded
    assert list(loaded) == [k for k in Role.model_fields if k in loaded]  # model field order
    role = Role.model_validate(loaded)
    assert "slug" not in loaded
    lost = Counter(texts(loaded)) - Counter(texts(role.model_dump()))
    assert not lost  # validation (stripping, parsing) changed no text
    return role


def body_of(page: str) -> str:
    return page.split("Share career guide")[0]


def section(page: str, heading: str, next_heading: str) -> str:
    """The text of ``page`` from ``heading`` up to ``next_heading``."""
    start = page.index(f"\n{heading}\n") + 1
    return page[start : page.index(f"\n{next_heading}\n", start) + 1]


@pytest.fixture(scope="session")
def sam_page() -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"seed pages not found at {SEEDS}")
    return seed_text("000_d44a76b2e4663afc.txt")


@pytest.fixture(scope="session")
def sam_role(sam_page: str) -> dict[str, Any]:
    return without_provenance(import_text(sam_page, "000.txt"))
