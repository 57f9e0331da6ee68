"""Translated content: ``content/roles/<slug>.<locale>.yaml`` overlays a role for one locale.

An overlay holds any subset of the role's fields. Mappings merge key by key, lists and text replace
the role's value whole. The merged role is validated like any role, each problem located in the
file that holds the value. What the overlay leaves in the language of the role file is listed on
paper (``notice``), section by section, so a reader knows which parts are still untranslated.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guidepress.errors import Problem
from guidepress.labels import (
    Labels,
    builtin_file,
    language_name,
    layers,
    normalize_locale,
    same_language,
)
from guidepress.load import Document, Loc, read
from guidepress.models import Role
from guidepress.sections import OUTLINE
from guidepress.validate import role_checks, to_model

if TYPE_CHECKING:
    from guidepress.project import Project

#: Where a guide section's words come from, when that differs from sections.OUTLINE: the cover
#: and at-a-glance page print the title and summary; tool names, figures and source names are
#: the same in every language, so they are never counted as untranslated.
_GUIDE_FIELDS = {
    "at_a_glance": ("title", "summary", "demand_note"),
    "tech_stack": (),
    "outlook": ("outlook.status", "related_roles"),
}
#: Stands for the role's extra sections, which are named by their own titles.
EXTRA = "extra_sections"
#: (section anchor, label key of its heading, role fields whose text it prints)
GUIDE_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    *((anchor, key, _GUIDE_FIELDS.get(key, fields)) for anchor, key, fields in OUTLINE),
    ("extra", EXTRA, (EXTRA,)),
    ("sources", "sources", ("provenance.notes",)),
)
SHEET_GROUPS = (
    ("summary", ("title", "summary", "sheet.summary")),
    ("sheet_responsibilities", ("responsibilities",)),
    ("sheet_skills", ("tech_skills", "soft_skills")),
    ("sheet_ladder", ("tiers",)),
    ("sheet_pros", ("pros",)),
    ("sheet_cons", ("cons",)),
)
COMPARE_GROUPS = (
    ("row_stress_balance", ("stress_level", "balance_rating")),
    ("row_education", ("required_education", "education")),
    ("row_skills", ("tech_skills",)),
    ("row_pros", ("pros",)),
    ("row_cons", ("cons",)),
)


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


def localized(project: Project, roles: tuple[str, ...], locale: str) -> Project:
    """``project`` with ``roles`` as printed in ``locale`` (their overlays merged in)."""
    source = project.config.content_locale
    found: dict[str, Role] = {}
    for slug in roles:
        overlay = pick(project.overlays.get(slug, {}), locale)
        role = overlay.role if overlay else project.roles[slug]
        fields = {name: getattr(role, name) for name in Role.model_fields}
        found[slug] = LocalizedRole.model_construct(
            **fields,
            locale=locale,
            source_locale=source,
            untranslated=overlay.untranslated if overlay else None,
        )
    return dataclasses.replace(project, roles=found)


def pick(overlays: dict[str, Overlay], locale: str) -> Overlay | None:
    """The overlay for ``locale``: its own (es_MX), else its language's (es)."""
    return overlays.get(locale) or overlays.get(locale.split("_")[0])


def input_files(project: Project, roles: tuple[str, ...], locale: str) -> list[Path]:
    """Files besides the role files that decide an output in ``locale``: overlays, catalogues."""
    found = [builtin_file("en")]
    found += [layer.path for layer in layers(locale, project.root)]
    for slug in roles:
        overlay = pick(project.overlays.get(slug, {}), locale)
        if overlay is not None:
            found.append(overlay.path)
    return found


def untranslated_groups(
    role: Role, groups: tuple[tuple[str, tuple[str, ...]], ...]
) -> list[str] | None:
    """Label keys of ``groups`` whose text is in the source language; None: all of it."""
    if not isinstance(role, LocalizedRole) or same_language(role.locale, role.source_locale):
        return []
    if role.untranslated is None:
        return None
    left = role.untranslated
    return [
        key
        for key, fields in groups
        if any(u == f or u.startswith(f + ".") for f in fields for u in left)
    ]


def guide_groups() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((key, fields) for _, key, fields in GUIDE_GROUPS)


def foreign_sections(role: Role) -> dict[str, str]:
    """Guide section anchors whose content is in another language, with that language's tag."""
    keys = untranslated_groups(role, guide_groups())
    if keys == [] or not isinstance(role, LocalizedRole):
        return {}
    lang = role.source_locale.replace("_", "-")
    found: dict[str, str] = {}
    for anchor, key, _ in GUIDE_GROUPS:
        if keys is None or key in keys:
            anchors = [f"extra-{i + 1}" for i in range(len(role.extra_sections))]
            found.update((a, lang) for a in (anchors if key == EXTRA else [anchor]))
    return found


def notice(role: Role, labels: Labels, kind: str) -> str | None:
    """The line a guide or sheet prints about untranslated content; None when all is translated."""
    keys = untranslated_groups(role, guide_groups() if kind == "guide" else SHEET_GROUPS)
    if keys == [] or not isinstance(role, LocalizedRole):
        return None
    language = language_name(role.source_locale, role.locale)
    if keys is None:
        return labels.format("untranslated_all", language=language)
    names: list[str] = []
    for key in keys:
        names += [extra.title for extra in role.extra_sections] if key == EXTRA else [labels[key]]
    return labels.format("untranslated_some", language=language, sections=", ".join(names))


def compare_notice(roles: list[Role], labels: Labels) -> str | None:
    """The comparison sheet's line: each role with untranslated rows, and which."""
    parts = []
    language = ""
    for role in roles:
        keys = untranslated_groups(role, COMPARE_GROUPS)
        if keys == [] or not isinstance(role, LocalizedRole):
            continue
        language = language_name(role.source_locale, role.locale)
        which = (
            labels.untranslated_everything if keys is None else ", ".join(labels[k] for k in keys)
        )
        parts.append(f"{role.title} ({which})")
    if not parts:
        return None
    return labels.format("untranslated_some", language=language, sections="; ".join(parts))
