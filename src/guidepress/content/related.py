"""A role's ``related_roles`` tied to the project's roles: an entry that names a role of the
project, by its slug or its title, prints that role's title and knows its slug (so an output
can link to it). A plain string that names no role of the project stays a title, and
``validate`` warns about it: it is often a slug with a slip in it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from guidepress.content.load import Document
from guidepress.content.models import Role
from guidepress.content.models.role import RelatedRole
from guidepress.content.names import did_you_mean
from guidepress.errors import Problem


def linked(role: Role, titles: Mapping[str, str]) -> Role:
    """``role`` with each related role that is a project role (``titles``: title by slug)
    printed with that role's title and slug."""
    by_title = {title.casefold(): slug for slug, title in titles.items()}
    entries = []
    for entry in role.related_roles:
        slug = entry.slug
        if slug is None:
            slug = entry.title if entry.title in titles else by_title.get(entry.title.casefold())
        if slug is not None and slug in titles and slug != role.slug:
            entry = RelatedRole(title=titles[slug], slug=slug)
        entries.append(entry)
    if entries == role.related_roles:
        return role
    return role.model_copy(update={"related_roles": entries})


def related_warnings(doc: Document, titles: Mapping[str, str]) -> list[Problem]:
    """A located warning for each related role the file gives as a plain string that names no
    role of the project (``titles``: title by slug, every role on disk), and for each ``slug:``
    that is not one."""
    data: Any = doc.data
    entries = data.get("related_roles") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return []
    lowered = {title.casefold() for title in titles.values()}
    problems = []
    for index, entry in enumerate(entries):
        if isinstance(entry, str) and entry not in titles and entry.casefold() not in lowered:
            message = (
                f"'{entry}' is not a role of this project, so it prints as a title"
                + did_you_mean(entry, titles)
                + " (for a role outside the project write 'title: ...')"
            )
            problems.append(doc.problem(("related_roles", index), message))
        elif isinstance(entry, dict):
            slug = entry.get("slug")
            if isinstance(slug, str) and slug not in titles:
                message = f"no role '{slug}' in this project" + did_you_mean(slug, titles)
                problems.append(doc.problem(("related_roles", index, "slug"), message))
    return problems
