"""A booklet's index, gathered from its chapters: every tool and skill they list, with the pages
it is on, tools (a role's ``tech_stack``) apart from skills, in the locale's alphabetical order.

Roles written by different people name one thing in several ways. Entries that differ only in
case, punctuation, "e.g." or the word naming the kind of the examples in brackets ("tools",
"software") are one entry. Entries that begin with the same term go under it as a book's index
does: "SQL querying" and "SQL querying and joins" are the entry "SQL querying" with the
sub-entry "and joins"; "Excel and Power Query" and "Microsoft Excel (PivotTables)" are
sub-entries of "Excel" (a maker's name before a product's, "Microsoft", is not part of the
term). A head term is always one entry's whole term (the words before its brackets), never a
first word two entries happen to share ("Clear writing" and "Clear, calm communication" stay
apart).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from guidepress.build.chapters import Made
from guidepress.content.models import Role
from guidepress.i18n.collation import sort_key
from guidepress.render.pieces import Chapter, Term


def index(
    chapters: list[Chapter], made: list[Made], roles: dict[str, Role], locale: str = "en"
) -> tuple[tuple[Term, ...], tuple[Term, ...]]:
    """The index's tools and skills from the chapters' list items (``made``, one per chapter);
    a skill is printed in sentence case (a source's Title Case is not the index's)."""
    found: dict[str, dict[str, tuple[list[str], set[int]]]] = {"tools": {}, "skills": {}}
    names = [tool.name for role in roles.values() for tool in role.tech_stack]
    proper = {word for name in names for word in _WORD.findall(name) if word[:1].isupper()}
    for chapter, piece in zip(chapters, made, strict=True):
        tools = {_key(tool.name) for tool in roles[chapter.slug].tech_stack}
        for text, page in piece.items:
            key = _key(text)
            if not key:
                continue
            kind = "tools" if key in tools else "skills"
            texts, pages = found[kind].setdefault(key, ([], set()))
            texts.append(text)
            pages.add(chapter.page + page)
    makers = _makers(names)

    def sentence(text: str) -> str:
        return _sentence(text, proper)

    def same(text: str) -> str:
        return text

    return (
        _entries([(_printed(t), p) for t, p in found["tools"].values()], makers, same, locale),
        _entries(
            [(sentence(_printed(t)), p) for t, p in found["skills"].values()],
            makers,
            sentence,
            locale,
        ),
    )


#: What an entry's key leaves out: abbreviations that only introduce examples, and the word
#: naming the kind of the examples that follow in brackets ("BI tools (e.g., Tableau)").
_EXAMPLES = re.compile(r"\b(?:e\.\s?g|i\.\s?e|etc)\.,?", re.IGNORECASE)
_KIND = re.compile(
    r"\b(?:tools?|software|platforms?|systems?|applications?|apps|suites?)\s*(?=\()", re.IGNORECASE
)
_WORD = re.compile(r"[^\W\d_]+")
#: A word of a term as the index matches it: "e-signature", "Chorus.ai" and "C++" are one.
_TOKEN = re.compile(r"[\w+#]+(?:['’.-][\w+#]+)*")


def _key(text: str) -> str:
    text = _KIND.sub("", _EXAMPLES.sub(" ", unicodedata.normalize("NFKC", text)))
    return " ".join(re.findall(r"[\w+#]+", text.casefold()))


def _printed(texts: list[str]) -> str:
    """Of the ways an entry is written, the one to print: without "e.g.", not in Title Case,
    the shortest."""
    return min(texts, key=lambda t: (bool(_EXAMPLES.search(t)), _title_case(t), len(t), t))


def _title_case(text: str) -> bool:
    """Whether ``text`` (outside brackets) capitalises every word of four letters or more."""
    words = _WORD.findall(re.sub(r"\([^)]*\)", "", text))
    long = [w for w in words[1:] if len(w) >= 4]
    return bool(long) and all(w[0].isupper() for w in long)


def _sentence(text: str, proper: set[str]) -> str:
    """``text`` in sentence case when it is in Title Case: capitalised words after the first
    set in lower case, except in brackets, acronyms ("CRM") and names of tools (``proper``)."""
    if not _title_case(text):
        return text
    out, depth, first = [], 0, True
    for token in re.split(r"([^\W\d_]+)", text):
        if _WORD.fullmatch(token):
            lower = token[0].isupper() and token[1:].islower() and token not in proper
            out.append(token.lower() if lower and depth == 0 and not first else token)
            first = False
        else:
            depth += token.count("(") - token.count(")")
            out.append(token)
    return "".join(out)


def _makers(names: Iterable[str]) -> set[str]:
    """Makers' names, as the tools show them: a capitalised word that begins two or more tool
    names, each with a capitalised product name after it ("Microsoft Excel", "Microsoft
    Teams")."""
    products: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        if len(words) > 1 and words[0][:1].isupper() and words[1][:1].isupper():
            products.setdefault(words[0].casefold(), set()).add(words[1].casefold())
    return {maker for maker, found in products.items() if len(found) > 1}


@dataclass(frozen=True)
class _Entry:
    """An entry as printed, with its words as the index matches them."""

    text: str
    pages: set[int]
    spans: list[tuple[int, int]]  # where each word is in ``text``
    words: tuple[str, ...]  # the words, less a maker's name before the first
    maker: bool  # the first word is a maker's name (left out of ``words``)
    stem: tuple[str, ...]  # the term: the words before the brackets, less their kind

    @classmethod
    def of(cls, text: str, pages: set[int], makers: set[str]) -> _Entry:
        found = list(_TOKEN.finditer(text))
        spans = [match.span() for match in found]
        words = [match.group().casefold() for match in found]
        maker = len(words) > 1 and words[0] in makers
        skip = 1 if maker else 0
        before = _KIND.sub("", text[: text.index("(") + 1]) if "(" in text else text
        stem = len(_TOKEN.findall(before)) - skip
        return cls(
            text, pages, spans[skip:], tuple(words[skip:]), maker, tuple(words[skip:][:stem])
        )

    def rest(self, count: int) -> str:
        """What the text says after its first ``count`` words (less a maker's name): a
        sub-entry's text; without the brackets when it is all in brackets."""
        text = self.text[self.spans[count - 1][1] :].strip(" ,:;–—-")
        if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
            text = text[1:-1].strip()
        return _EXAMPLES.sub("", text).strip(" ,") if text.startswith(("e.g", "E.g")) else text


def _entries(
    found: list[tuple[str, set[int]]],
    makers: set[str],
    case: Callable[[str], str],
    locale: str,
) -> tuple[Term, ...]:
    """The entries of one group of the index: those that begin with another's term go under
    that term (the shortest such that two or more share), the others as they are."""
    entries = [_Entry.of(text, pages, makers) for text, pages in found]
    terms = {entry.stem for entry in entries if entry.stem}
    sharing = {term: sum(e.words[: len(term)] == term for e in entries) for term in terms}
    heads: dict[tuple[str, ...], list[_Entry]] = {}
    alone: list[_Entry] = []
    for entry in entries:
        shared = [t for t, n in sharing.items() if n > 1 and entry.words[: len(t)] == t]
        if shared:
            heads.setdefault(min(shared, key=len), []).append(entry)
        else:
            alone.append(entry)
    out = [Term(entry.text, tuple(sorted(entry.pages))) for entry in alone]
    out += [_grouped(term, members, case, locale) for term, members in heads.items()]
    return tuple(sorted(out, key=lambda term: _order(term.text, locale)))


def _grouped(
    term: tuple[str, ...], members: list[_Entry], case: Callable[[str], str], locale: str
) -> Term:
    """One head term with its members' variants as sub-entries; a member that is the term
    itself gives the head its pages."""
    count = _shared(members, len(term))
    # The head as written: with the maker's name when every member names it.
    keep_maker = all(member.maker for member in members)
    writer = min(members, key=lambda m: (m.maker != keep_maker, bool(m.rest(count)), m.text))
    start = 0 if keep_maker else writer.spans[0][0]
    head = writer.text[start : writer.spans[count - 1][1]]
    pages: set[int] = set()
    subs: dict[str, tuple[list[str], set[int]]] = {}
    for member in members:
        rest = member.rest(count)
        if not rest:
            pages |= member.pages
            continue
        texts, where = subs.setdefault(_key(rest), ([], set()))
        texts.append(rest)
        where |= member.pages
    # A list of examples out of its brackets keeps its capitals: its items are names.
    printed = [(_printed(texts), where) for texts, where in subs.values()]
    printed = _within([(text if "," in text else case(text), where) for text, where in printed])
    return Term(
        head,
        tuple(sorted(pages)),
        tuple(
            Term(text, tuple(sorted(where)))
            for text, where in sorted(printed, key=lambda s: _order(s[0], locale))
        ),
    )


def _within(subs: list[tuple[str, set[int]]]) -> list[tuple[str, set[int]]]:
    """``subs`` less those whose examples another of the same words lists too: "tools (e.g.,
    Slack)" goes into "tools (Slack, Zoom)", with its pages."""
    kept = list(subs)
    for text, pages in subs:
        stem, examples = _examples(text)
        wider = [
            other
            for other in kept
            if other[0] != text
            and examples
            and _examples(other[0])[0] == stem
            and examples <= _examples(other[0])[1]
        ]
        if wider:
            kept.remove((text, pages))
            wider[0][1].update(pages)
    return kept


def _examples(text: str) -> tuple[str, set[str]]:
    """The words before a text's brackets, and the examples in them."""
    stem, _, inside = text.partition("(")
    listed = {_key(example) for example in _EXAMPLES.sub("", inside.rstrip(")")).split(",")}
    return _key(_KIND.sub("", stem + "(")), listed - {""}


def _shared(members: list[_Entry], count: int) -> int:
    """How many words the members' head has: ``count``, and the words after them that every
    member has ("Microsoft Office Suite (Excel)", "Microsoft Office Suite (Outlook)"), up to
    the last that closes what brackets it opened."""
    best = count
    for more in range(count + 1, min(len(member.words) for member in members) + 1):
        if len({member.words[:more] for member in members}) > 1:
            break
        cut = [member.text[: member.spans[more - 1][1]] for member in members]
        if all(text.count("(") == text.count(")") for text in cut):
            best = more
    return best


def _order(text: str, locale: str) -> tuple[object, ...]:
    return (*sort_key(text, locale), text)
