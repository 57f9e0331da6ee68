"""The guide's sources as numbered citations, and which one each figure comes from.

The page a role was made from is cited by its title, publisher and address (``provenance``),
never by the file it was imported from; the job outlook's sources and the role's references
follow, then the pay data's release when the pay figures come from one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from guidepress.content.models.role import Role
from guidepress.render.pay import Pay


@dataclass(frozen=True)
class Citation:
    number: int
    title: str | None  # None: the source page, whose title was not recorded
    publisher: str | None = None
    year: int | None = None
    url: str | None = None
    visited: date | None = None
    role: str | None = None  # what it is the source of, as a label key: "outlook", "pay"


@dataclass(frozen=True)
class Sources:
    """The citations, and the numbers each kind of figure cites."""

    citations: list[Citation]
    page: int | None  # the source page's number: the role's own figures and text
    outlook: list[int]  # growth and outlook figures
    pay: list[int]  # pay figures

    def of(self, figure: str) -> list[int]:
        """Citation numbers for ``figure``: "pay", "outlook", or anything else from the page."""
        found = {"pay": self.pay, "outlook": self.outlook}.get(figure)
        if found:
            return found
        return [self.page] if self.page is not None else []


def has_source_page(role: Role) -> bool:
    """Whether the role was made from a page the guide can cite (by title, publisher, address
    or file); a role written by hand has none, and nothing may cite one for it."""
    p = role.provenance
    return bool(p.title or p.url or p.publisher or p.source)


def sources(role: Role, pay: Pay | None) -> Sources:
    p = role.provenance
    citations: list[Citation] = []

    def add(**fields: object) -> int:
        citations.append(Citation(len(citations) + 1, **fields))  # type: ignore[arg-type]
        return len(citations)

    page = None
    if has_source_page(role):
        page = add(title=p.title, publisher=p.publisher, url=p.url, visited=p.retrieved)
    outlook = [add(title=t, role="outlook") for t in role.outlook.sources] if role.outlook else []
    for ref in role.references:
        add(
            title=ref.title, publisher=ref.publisher, year=ref.year, url=ref.url,
            visited=ref.visited,
        )  # fmt: skip
    paid = [add(title=pay.source, role="pay")] if pay is not None and pay.source else []
    return Sources(
        citations,
        page,
        outlook or ([page] if page is not None else []),
        paid or ([page] if page is not None else []),
    )


def _words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text.casefold())
    return re.findall(r"\w+", "".join(c for c in plain if not unicodedata.combining(c)))


def same_work(source: str, title: str, publisher: str | None) -> bool:
    """Whether a source line (an outlook source: free text) names the reference ``title`` by
    ``publisher``: the title alone, or after its publisher's name or an abbreviation of it
    ("U.S. Bureau of Labor Statistics, Occupational Outlook Handbook, Electricians" and "BLS
    Occupational Outlook Handbook, Registered Nurses" are the Handbook's pages). Case, accents
    and punctuation do not count; any other word before or after the title does."""
    line, named = _words(source), _words(title)
    if not named or line[-len(named) :] != named:
        return False
    before = line[: -len(named)]
    if not before:
        return True
    if publisher is None:
        return False
    # An abbreviation: a run of the publisher's capitals ("BLS" of "U.S. Bureau of Labor
    # Statistics"), at least two of them.
    capitals = "".join(c for c in publisher if c.isupper()).casefold()
    return before == _words(publisher) or (
        len(before) == 1 and len(before[0]) >= 2 and before[0] in capitals
    )
