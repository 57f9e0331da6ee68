"""Audiences: who an edition of a guide or sheet is for, and the role as printed for them.

An audience chooses the guide's pieces (the in-brief page, the at-a-glance page, parts and
sections, the back cover), the cover's line saying who the guide is for and the call to action
under the sheet's QR code. Items of a role may be tagged for audiences (``{text, audiences}``
bullets and paragraphs, records with ``audiences``): :func:`for_audience` leaves out those
tagged for other audiences. ``student`` (everything) and ``employer`` (a short briefing) are
built in; guidepress.yaml's ``audiences:`` lists the ones a build makes and may add or adjust.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from guidepress.content.load import Document, Loc
from guidepress.content.models import Config, Role
from guidepress.content.models.base import Tagged
from guidepress.content.models.config import AudienceSettings
from guidepress.content.names import did_you_mean
from guidepress.errors import Problem

#: The guide's parts and sections by name, in reading order (render/sections.py's outline; it
#: checks that the two agree).
PART_NAMES = ("role", "pay", "path", "daily", "more")
SECTION_NAMES = (
    "core-functions", "responsibilities", "work-setting",
    "pay", "outlook", "global-outlook",
    "skills", "education", "path", "career-ladder", "portfolio", "mistakes", "advice",
    "day-in-the-life", "work-life", "pros-cons",
    "case-studies", "faqs",
)  # fmt: skip
#: The pages around the parts an audience may leave out (the cover is always printed, and the
#: sources whenever a figure cites them).
FRONT = ("in-brief", "at-a-glance")
BACK = ("back-cover",)
PIECES = (*FRONT, *SECTION_NAMES, *BACK)

DEFAULT = "student"
BUILTIN: dict[str, AudienceSettings] = {
    "student": AudienceSettings(),
    "employer": AudienceSettings(
        sections=["at-a-glance", "responsibilities", "pay", "skills", "career-ladder"],
        run_on=True,
        compact=True,
    ),
}


@dataclass(frozen=True)
class Audience:
    """One audience, its settings merged over the built-in ones of the same name. Unset texts
    (``title``, ``cover``, ``call_to_action``) come from the label catalogue of the output's
    locale (``audience_<name>``, ``cover_<name>``, ``cta_<name>``, else the student's)."""

    name: str
    settings: AudienceSettings

    @property
    def label_name(self) -> str:
        """Whose labels the unset texts take: a built-in's own, else the student's."""
        return self.name if self.name in BUILTIN else DEFAULT

    def prints(self, piece: str, part: str | None = None) -> bool:
        """Whether the guide prints ``piece`` (a name of :data:`PIECES`; a section of ``part``)."""
        parts, sections = self.settings.parts, self.settings.sections
        if parts is None and sections is None:
            return True
        return piece in (sections or ()) or (part is not None and part in (parts or ()))


def configured(config: Config) -> tuple[str, ...]:
    """The audiences a build makes when not told: those guidepress.yaml lists, else student."""
    return tuple(config.audiences) or (DEFAULT,)


def known(config: Config) -> set[str]:
    """Every audience a build or a role file may name."""
    return set(BUILTIN) | set(config.audiences)


def audience(config: Config, name: str) -> Audience:
    """Audience ``name``: guidepress.yaml's settings over the built-in ones."""
    base = BUILTIN.get(name, AudienceSettings())
    own = config.audiences.get(name)
    if own is not None:
        base = base.model_copy(update={key: getattr(own, key) for key in own.model_fields_set})
    return Audience(name, base)


def reader(config: Config, name: str | None) -> Audience:
    """Who an output is for: its audience, else (a kind no audience changes, a comparison) the
    project's default audience, whose tags decide what it prints."""
    return audience(config, name or configured(config)[0])


# --- The role as printed for an audience ---------------------------------------------------


def _for(item: object, name: str) -> bool:
    tags = getattr(item, "audiences", None)
    return not tags or name in tags


def for_audience(role: Role, name: str) -> Role:
    """``role`` without the items tagged for other audiences than ``name``. The sheet's picks
    keep pointing at the same items (positions of items left out are dropped)."""
    kept = _filtered(role, name)
    assert isinstance(kept, Role)
    picks = {}
    for field in type(kept.sheet).model_fields:
        positions = getattr(role.sheet, field)
        items = getattr(role, field, None)
        if positions is None or not isinstance(items, list):
            continue
        new = _renumbered(items, name)
        picks[field] = [new[p] for p in positions if p in new]
    return kept.model_copy(update={"sheet": kept.sheet.model_copy(update=picks)})


def _renumbered(items: list[Any], name: str) -> dict[int, int]:
    """Old 1-based position -> new one, for the items kept."""
    found, position = {}, 0
    for old, item in enumerate(items, start=1):
        if _for(item, name):
            position += 1
            found[old] = position
    return found


def _filtered(value: Any, name: str) -> Any:
    if isinstance(value, list):
        return [_filtered(item, name) for item in value if _for(item, name)]
    if isinstance(value, BaseModel):
        update = {}
        for field in type(value).model_fields:
            old = getattr(value, field)
            new = _filtered(old, name)
            if new is not old:
                update[field] = new
        return value.model_copy(update=update) if update else value
    return value


def tags(value: Any, loc: Loc = ()) -> Iterable[tuple[Loc, str]]:
    """Every audience named in tags in ``value`` (a role, or a mapping of its fields), located."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from tags(item, (*loc, key))
    elif isinstance(value, Tagged):
        for index, name in enumerate(value.audiences):
            yield (*loc, "audiences", index), name
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from tags(item, (*loc, index))
    elif isinstance(value, BaseModel):
        for field in type(value).model_fields:
            item = getattr(value, field)
            if field == "audiences" and isinstance(item, list):
                for index, name in enumerate(item):
                    yield (*loc, field, index), name
            else:
                yield from tags(item, (*loc, field))


def tag_checks(values: Any, doc: Document, names: set[str]) -> list[Problem]:
    """Every tag naming an audience neither built in nor in guidepress.yaml."""
    return [
        doc.problem(loc, f"no audience '{name}'{did_you_mean(name, names) or _one_of(names)}")
        for loc, name in tags(values)
        if name not in names
    ]


def _one_of(names: Iterable[str]) -> str:
    return f" (audiences: {', '.join(sorted(names))})"


def config_checks(config: Config, doc: Document) -> list[Problem]:
    """Each audience's parts and sections are names the guide has."""
    problems = []
    for name, settings in config.audiences.items():
        for field, allowed in (("parts", PART_NAMES), ("sections", PIECES)):
            for index, piece in enumerate(getattr(settings, field) or ()):
                if piece not in allowed:
                    hint = did_you_mean(piece, allowed) or f" (one of {', '.join(allowed)})"
                    what = "part" if field == "parts" else "section"
                    message = f"no {what} '{piece}' in the guide{hint}"
                    problems.append(doc.problem(("audiences", name, field, index), message))
    return problems
