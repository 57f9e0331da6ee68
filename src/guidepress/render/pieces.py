"""What a piece of a booklet knows of the booklet: which piece it is, the chapters with their
pages, the index (render/booklet.py lays the pieces out; Subject carries the piece)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Chapter:
    """One role of the booklet: its number, title, group and first page (0 until known)."""

    slug: str
    number: int
    title: str
    summary: str
    group: str | None = None
    page: int = 0
    median: float | None = None  # the role's median pay, for the cover's range
    currency: str | None = None


@dataclass(frozen=True)
class Term:
    """An entry of the index: a skill or tool as printed, the pages it is printed on (none for
    a head term that only gathers its sub-entries), and its sub-entries."""

    text: str
    pages: tuple[int, ...]
    subs: tuple[Term, ...] = ()

    @property
    def every_page(self) -> set[int]:
        """The pages it and its sub-entries lead to."""
        return {*self.pages, *(page for sub in self.subs for page in sub.pages)}


@dataclass(frozen=True)
class Piece:
    """Which piece of a booklet to lay out, and what it needs to know of the others."""

    part: Literal["front", "chapter", "index", "end"]
    title: str
    subtitle: str | None
    intro: str | None
    chapters: tuple[Chapter, ...]
    start: int = 1  # the printed number of the piece's first page
    chapter: Chapter | None = None  # the chapter piece's own
    tools: tuple[Term, ...] = ()  # the index's entries
    skills: tuple[Term, ...] = ()
    pads: int = 0  # the end's designed pages before the back cover
    asked: bool = False  # a chapter printed the questions to ask: no designed page of them
    index_page: int = 0  # where the index begins (0: none, or not known yet)
    #: A chapter prints O*NET's data (a regional edition): the booklet prints O*NET's licence
    #: notice once, on its back cover, not in each chapter's sources.
    onet: bool = False

    @property
    def groups(self) -> list[tuple[str | None, list[Chapter]]]:
        """The chapters in runs of one group, for the contents."""
        found: list[tuple[str | None, list[Chapter]]] = []
        for chapter in self.chapters:
            if not found or found[-1][0] != chapter.group:
                found.append((chapter.group, []))
            found[-1][1].append(chapter)
        return found

    @property
    def pages(self) -> list[int]:
        """Every page the piece's links lead to (the contents' and the index's)."""
        found = {chapter.page for chapter in self.chapters} if self.part == "front" else set()
        found |= {self.index_page} if self.part == "front" else set()
        found |= {page for term in (*self.tools, *self.skills) for page in term.every_page}
        return sorted(page for page in found if page)
