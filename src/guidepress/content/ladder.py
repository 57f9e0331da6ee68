"""Which step of its career ladder a role is: one answer for every output that marks it (the
guide's at-a-glance page, ladder and next steps, the role sheet, the comparison)."""

from __future__ import annotations

import re

from guidepress.content.models.role import Role


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _folded(text: str) -> str:
    # Case, punctuation and spacing aside: "Pastry  chef" is "Pastry Chef", "Director,
    # Accounts" is "Director Accounts".
    return " ".join(_words(text))


def own_tier(role: Role) -> int | None:
    """The index of the ladder tier this role is: the tier of the same title, else of one of
    its other titles (``alt_titles``), else the tier whose title shares all of the shorter
    title's words with the role's title (fewest extra words; the first on a tie); None when
    none does.

    Why alt titles before words: an electrician's ladder starts "Apprentice Electrician",
    "Journeyman Electrician"; both share the one word, and the role's other title
    (Journeyman Electrician) says which it is."""
    folded = [_folded(tier.title) for tier in role.tiers]
    for name in (role.title, *role.alt_titles):
        if _folded(name) in folded:
            return folded.index(_folded(name))
    mine = set(_words(role.title))
    best: tuple[int, int] | None = None
    for index, tier in enumerate(role.tiers):
        theirs = set(_words(tier.title))
        shared = len(mine & theirs)
        if shared and shared == min(len(mine), len(theirs)):
            # Fewest extra words: "Senior X" is further from X than "X Lead" only by count.
            extra = len(mine ^ theirs)
            if best is None or extra < best[1]:
                best = (index, extra)
    return best[0] if best else None
