"""Which step of its career ladder a role is, and which step is its senior level: one answer
for every output that marks them (the guide's at-a-glance page, ladder and next steps, the role
sheet, the comparison)."""

from __future__ import annotations

import re

from guidepress.content.models.role import Role, Tier

#: A tier called senior, in the four catalogue languages.
SENIOR = re.compile(r"\bs[eé]nior\b", re.I)

#: Tier titles of management (in the four catalogue languages). A word the role's own title
#: holds (Customer Success Manager) names no management tier of that role.
MANAGEMENT = re.compile(
    r"\b(manager|director|head|chief|vp|vice president|supervisor|leiter\w*|leitung|"
    r"directeur|directrice|gerente|jefe|responsable)\b",
    re.I,
)


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


def senior_tier(role: Role) -> Tier | None:
    """The ladder's senior level: the first tier called senior from the role's own step up;
    else the step right after the role's own, unless that step manages people (a nurse's
    charge nurse, never the nurse manager: the senior level is one of the craft, so then the
    role's own step is it); the role's own step when it is the top one. When the ladder does
    not name the role's step: the first tier called senior, else the tier before the first
    management tier, else the tier above the middle.

    Why the next step and not the top of the craft: an electrician's ladder runs journeyman,
    foreman, master, contractor; "years to senior level" read "10+" (the master licence),
    where an office role's read the years to its "Senior" tier, the step after its own."""
    tiers = role.tiers
    if not tiers:
        return None
    own = {w.casefold() for w in MANAGEMENT.findall(role.title)}

    def manages(tier: Tier) -> bool:
        return any(w.casefold() not in own for w in MANAGEMENT.findall(tier.title))

    mine = own_tier(role)
    if mine is not None:
        called = next((t for t in tiers[mine:] if SENIOR.search(t.title)), None)
        if called is not None:
            return called
        if mine + 1 < len(tiers) and not manages(tiers[mine + 1]):
            return tiers[mine + 1]
        return tiers[mine]
    called = next((t for t in tiers if SENIOR.search(t.title)), None)
    if called is not None:
        return called
    managing = next((i for i, t in enumerate(tiers) if manages(t)), None)
    if managing is not None and managing >= 2:
        return tiers[managing - 1]
    return tiers[min(len(tiers) - 1, len(tiers) // 2 + 1, managing or len(tiers))]
