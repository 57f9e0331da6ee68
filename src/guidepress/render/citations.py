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

from guidepress.content.models.role import Reference, Role
from guidepress.paydata import OEWS_PUBLISHER
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
    """The role's citations, each work once: an outlook or pay source line that names the
    source page or one of the references (``same_work``) cites it, a reference in the line's
    place (with its publisher, year and address); a reference that repeats the source page or
    an earlier reference is left out."""
    p = role.provenance
    citations: list[Citation] = []
    references = _distinct(role.references, p.title, p.publisher, p.url)
    cited: dict[int, int] = {}  # a reference, by its place in references: its number

    def add(**fields: object) -> int:
        citations.append(Citation(len(citations) + 1, **fields))  # type: ignore[arg-type]
        return len(citations)

    def cite(line: str, what: str) -> int:
        if page is not None and p.title and same_work(line, p.title, p.publisher):
            return page
        for n, ref in enumerate(references):
            if same_work(line, ref.title, ref.publisher):
                if n not in cited:
                    cited[n] = add(
                        title=ref.title, publisher=ref.publisher, year=ref.year, url=ref.url,
                        visited=ref.visited, role=what,
                    )  # fmt: skip
                return cited[n]
        title, publisher, year = _work(
            line, [p.publisher, *(r.publisher for r in references), OEWS_PUBLISHER]
        )
        lines = {c.title: c.number for c in citations if c.role}
        return lines.get(title) or add(title=title, publisher=publisher, year=year, role=what)

    page = None
    if has_source_page(role):
        page = add(title=p.title, publisher=p.publisher, url=p.url, visited=p.retrieved)
    lines = role.outlook.sources if role.outlook else []
    outlook = list(dict.fromkeys(cite(line, "outlook") for line in lines))
    paid_by = pay.source if pay is not None and pay.source else None
    for n, ref in enumerate(references):
        if n in cited or (paid_by and same_work(paid_by, ref.title, ref.publisher)):
            continue  # cited already, or as the pay figures' source below
        cited[n] = add(
            title=ref.title, publisher=ref.publisher, year=ref.year, url=ref.url,
            visited=ref.visited,
        )  # fmt: skip
    paid = [cite(paid_by, "pay")] if paid_by else []
    return Sources(
        citations,
        page,
        outlook or ([page] if page is not None else []),
        paid or ([page] if page is not None else []),
    )


def _work(line: str, publishers: list[str | None]) -> tuple[str, str | None, int | None]:
    """A source line that names no reference, as a citation's title, publisher and year: when
    it opens with a publisher the guide knows (the source page's, a reference's, the OEWS
    release's) and a comma, that publisher is its author, the rest its title and the year that
    title ends with its year; else the line is its title. (Review 8: "U.S. Bureau of Labor
    Statistics, Occupational Employment and Wage Statistics, May 2025" was set in italics
    whole, with no author, beside citations whose author is in roman.)"""
    for publisher in publishers:
        if publisher and line.startswith(f"{publisher}, ") and len(line) > len(publisher) + 2:
            title = line[len(publisher) + 2 :]
            year = re.search(r"\b(?:19|20)\d\d$", title)
            return title, publisher, int(year.group()) if year else None
    return line, None, None


def _distinct(
    references: list[Reference], title: str | None, publisher: str | None, url: object
) -> list[Reference]:
    """``references`` without those naming the same work as the source page (``title`` by
    ``publisher`` at ``url``) or as a reference before them: the same address, or the same
    title by the same publisher (or by none)."""

    def same(ref: Reference, title: str | None, publisher: str | None, url: object) -> bool:
        if ref.url is not None and url is not None and _address(ref.url) == _address(url):
            return True
        return (
            title is not None
            and _words(ref.title) == _words(title)
            and (ref.publisher is None or publisher is None or
                 _words(ref.publisher) == _words(publisher))
        )  # fmt: skip

    kept: list[Reference] = []
    for ref in references:
        if not same(ref, title, publisher, url) and not any(
            same(ref, k.title, k.publisher, k.url) for k in kept
        ):
            kept.append(ref)
    return kept


def _address(url: object) -> str:
    """An address as compared: without its scheme, "www.", or a closing slash."""
    text = str(url).casefold().split("://", 1)[-1].removeprefix("www.")
    return text.rstrip("/")


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
