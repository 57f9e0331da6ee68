"""What a translated output still prints in the source language, said on the paper.

A role's overlay (content/overlays.py) may leave some of its text untranslated; guides, sheets and
comparisons name those parts, section by section, under their titles so a reader knows.
"""

from __future__ import annotations

from guidepress.content.models import Role
from guidepress.content.overlays import LocalizedRole
from guidepress.i18n.labels import Labels, language_name, same_language
from guidepress.render.sections import OUTLINE

#: An output's parts, as (label key of the part, role fields whose text it prints).
Groups = tuple[tuple[str, tuple[str, ...]], ...]

#: Where a guide section's words come from, when that differs from sections.OUTLINE: tool names,
#: figures and source names are the same in every language, so they are never counted as
#: untranslated.
_GUIDE_FIELDS = {
    "pay": (),
    "demand_outlook": ("demand_note", "outlook.status", "growth_paths", "trends", "challenges"),
    "skills_tools": ("skill_map", "tech_skills", "soft_skills"),
}
#: Stands for the role's extra sections, which are named by their own titles.
EXTRA = "extra_sections"
#: (section anchor, label key of its heading, role fields whose text it prints); the intro page
#: prints the title and summary, the back cover the related roles.
GUIDE_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("intro", "in_brief", ("title", "summary")),
    *((anchor, key, _GUIDE_FIELDS.get(key, fields)) for anchor, key, fields in OUTLINE),
    ("extra", EXTRA, (EXTRA,)),
    ("back-cover", "related_roles", ("related_roles",)),
)
SHEET_GROUPS = (
    ("summary", ("title", "summary", "sheet.summary")),
    ("responsibilities", ("responsibilities",)),
    ("skills", ("tech_skills", "soft_skills")),
    ("career_ladder", ("tiers",)),
    ("pros", ("pros",)),
    ("cons", ("cons",)),
)
#: Stress and balance ratings the catalogue knows are translated (render/figures.py::rating);
#: other words stay as written and are named here.
COMPARE_GROUPS = (
    ("stress_level", ("stress_level",)),
    ("balance_rating", ("balance_rating",)),
    ("row_education", ("required_education", "education")),
    ("tech_skills", ("tech_skills",)),
    ("pros", ("pros",)),
    ("cons", ("cons",)),
)


def untranslated_groups(role: Role, groups: Groups) -> list[str] | None:
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


def guide_groups() -> Groups:
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


def foreign_groups(role: Role, groups: Groups) -> dict[str, str]:
    """The parts of ``groups`` whose text is in another language, with that language's tag: the
    one-pagers mark them (``lang``) so they are hyphenated and read aloud in their language."""
    keys = untranslated_groups(role, groups)
    if keys == [] or not isinstance(role, LocalizedRole):
        return {}
    lang = role.source_locale.replace("_", "-")
    return {key: lang for key, _ in groups if keys is None or key in keys}


def notice(role: Role, labels: Labels, groups: Groups) -> str | None:
    """The line a guide or sheet prints about untranslated content; None when all is translated."""
    keys = untranslated_groups(role, groups)
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
    whole: list[str | None] = []  # per role: the language when its every row is untranslated
    for role in roles:
        keys = untranslated_groups(role, COMPARE_GROUPS)
        if keys == [] or not isinstance(role, LocalizedRole):
            whole.append(None)
            continue
        language = language_name(role.source_locale, role.locale)
        whole.append(language if keys is None else None)
        which = (
            labels.untranslated_everything if keys is None else ", ".join(labels[k] for k in keys)
        )
        parts.append(f"{role.title} ({which})")
    if not parts:
        return None
    if None not in whole and len(set(whole)) == 1:  # one line, not "(all content)" per role
        return labels.format("untranslated_roles_all", language=language)
    return labels.format("untranslated_some", language=language, sections="; ".join(parts))
