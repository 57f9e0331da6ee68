"""Translated content: ``content/roles/<slug>.<locale>.yaml`` overlays a role for one locale.

An overlay holds any subset of the role's fields. Mappings merge key by key, lists and text replace
the role's value whole. The merged role is validated like any role, each problem located in the
file that holds the value. What the overlay leaves in the language of the role file is listed on
paper, section by section, so a reader knows which parts are still untranslated.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guidepress.content.checks import role_checks
from guidepress.content.load import Document, Loc, read
from guidepress.content.models import Role
from guidepress.content.validate import to_model
from guidepress.errors import Problem
from guidepress.i18n.labels import normalize_locale


@dataclass(frozen=True)
class Overlay:
    """One overlay file, merged into its role and validated."""

    locale: str
    path: Path
    role: Role
    #: Dotted paths of the role file's text that the overlay does not replace.
    untranslated: frozenset[str]


class LocalizedRole(Role):
    """A role as an output in ``locale`` prints it: its overlay merged in, if it has one."""

    locale: str
    source_locale: str
    #: Dotted paths still in the source language; None when the role has no overlay at all.
    untranslated: frozenset[str] | None


def overlay_files(root: Path, rel: Path) -> list[Path]:
    """The overlay files of the role file ``rel`` (relative to the project), sorted."""
    return sorted(p.relative_to(root) for p in (root / rel.parent).glob(f"{rel.stem}.*.yaml"))


def load_overlays(
    root: Path, rel: Path, base: Document, role: Role, problems: list[Problem]
) -> dict[str, Overlay]:
    """Every overlay of one valid role, by locale; their problems are added to ``problems``."""
    found: dict[str, Overlay] = {}
    for orel in overlay_files(root, rel):
        code = orel.name[len(rel.stem) + 1 : -len(".yaml")]
        locale = normalize_locale(code)
        if locale is None or "." in code:
            problems.append(
                Problem(
                    str(orel), 0, 0, "",
                    f"'{code}' is not a locale code: overlays are named {rel.stem}.LOCALE.yaml",
                )
            )  # fmt: skip
            continue
        doc, errors = read(root / orel, str(orel))
        problems += errors
        if doc is None or errors:
            continue
        if not isinstance(doc.data, dict):
            problems.append(doc.problem((), "must be a mapping of role fields"))
            continue
        if "slug" in doc.data:
            problems.append(doc.problem(("slug",), "an overlay cannot change the role's slug"))
            continue
        merged = _Merged(doc, base, merge(base.data, doc.data))
        localized, errors = to_model(merged, Role, slug=role.slug)
        if localized is not None:
            errors += role_checks(localized, merged)
        problems += errors
        if localized is not None and not errors:
            untranslated = frozenset(_uncovered(base.data, doc.data))
            found[locale] = Overlay(locale, root / orel, localized, untranslated)
    return found


def orphan_overlays(root: Path, folder: Path, stems: set[str]) -> list[Problem]:
    """Overlay files whose role file does not exist."""
    problems = []
    for path in sorted((root / folder).glob("*.*.yaml")):
        stem = path.name.split(".", 1)[0]
        if stem not in stems:
            rel = path.relative_to(root)
            problems.append(
                Problem(str(rel), 0, 0, "", f"overlay of a role that does not exist ({stem}.yaml)")
            )
    return problems


def merge(base: Any, over: Any) -> Any:
    """``over`` on top of ``base``: mappings merge key by key, everything else is replaced."""
    if isinstance(base, dict) and isinstance(over, dict):
        return {**base, **{k: merge(base[k], v) if k in base else v for k, v in over.items()}}
    return over


class _Merged(Document):
    """A role file with an overlay on top: problems are located in the file holding the value."""

    def __init__(self, overlay: Document, base: Document, data: Any) -> None:
        super().__init__(overlay.path, data, overlay.positions)
        self.overlay = overlay
        self.base = base

    def problem(self, loc: Loc, message: str) -> Problem:
        held = not loc or any(loc[:i] in self.overlay.positions for i in range(len(loc), 0, -1))
        return (self.overlay if held else self.base).problem(loc, message)


_ABSENT = object()


def _uncovered(base: Any, over: Any, path: str = "") -> Iterator[str]:
    """Dotted paths of the text in ``base`` that ``over`` does not replace."""
    if isinstance(base, dict):
        if over is _ABSENT or isinstance(over, dict):
            for key, value in base.items():
                inner = over.get(key, _ABSENT) if isinstance(over, dict) else _ABSENT
                yield from _uncovered(value, inner, f"{path}.{key}" if path else str(key))
    elif over is _ABSENT and _has_text(base):
        yield path


def _has_text(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return any(_has_text(v) for v in value)
    if isinstance(value, dict):
        return any(_has_text(v) for v in value.values())
    return False


def pick(overlays: dict[str, Overlay], locale: str) -> Overlay | None:
    """The overlay for ``locale``: its own (es_MX), else its language's (es)."""
    return overlays.get(locale) or overlays.get(locale.split("_")[0])
