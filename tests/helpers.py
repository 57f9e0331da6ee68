"""Helpers many test modules share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from guidepress.content.brands import BrandKit
from guidepress.content.models import Comparison, Role
from guidepress.render.context import Options, RenderedHtml, Subject
from guidepress.render.kinds import KINDS
from guidepress.theme.lookup import Theme


def render_html(
    kind: str,
    roles: Role | Sequence[Role],
    brand: BrandKit,
    theme: Theme,
    *,
    title: str = "Compared",
    **options: Any,
) -> RenderedHtml:
    """The HTML of one output of ``kind`` about ``roles`` (a comparison's title is ``title``)."""
    found = (roles,) if isinstance(roles, Role) else tuple(roles)
    comparison = None
    if KINDS[kind].subject == "comparison":
        comparison = Comparison(title=title, roles=[role.slug for role in found])
    subject = Subject("-vs-".join(role.slug for role in found), found, comparison)
    return KINDS[kind].render(subject, brand, theme, Options(**options))
