"""What the roles of a comparison share: skills and tools matched by a normalised term, the
items each column prints chosen shared ones first (two roles), and for three or four roles the
dot matrix of what they share above each role's own items.

Why: a shared mark must point at something the reader can see. So "shared" is decided on what
is printed, never on the full lists: an item shared by two roles is printed in both columns or
marked in neither. And two wordings of one skill ("CRM software expertise", "CRM software
proficiency") are one term, or a matrix shows two rows with one tick each.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

#: Words that end a skill's name without changing what it is ("Python skills", "SQL knowledge").
GENERIC = frozenset(
    [
        "expertise",
        "proficiency",
        "proficient",
        "skill",
        "skills",
        "knowledge",
        "experience",
        "abilities",
        "ability",
        "competence",
        "competency",
        "competencies",
        "fundamentals",
        "basics",
    ]
)
#: Examples in brackets do not change what a skill is: "Communication platforms (e.g., Zoom)".
EXAMPLES = re.compile(
    r"\((?:e\.\s?g\.|eg\b|such as|for example|z\.\s?B\.|p\.\s?ej\.|par ex)[^)]*\)", re.I
)


def term(text: str) -> str:
    """``text`` as a key for matching: "Customer Relationship Management (CRM) software
    expertise" and "CRM software proficiency" are both "crm software". Case, accents,
    punctuation, an acronym's spelled-out words and trailing generic words do not count."""
    words = re.sub(r"[\[\]{}]", " ", EXAMPLES.sub(" ", text)).split()
    # "Customer Relationship Management (CRM)": the acronym stands for the words before it.
    out: list[str] = []
    for word in words:
        acronym = re.fullmatch(r"\(([A-Z][A-Za-z0-9]{1,7})\)[,.;:]?", word)
        if acronym:
            letters = acronym.group(1)
            spelled = out[-len(letters) :]
            if len(spelled) == len(letters) and all(
                w[:1].casefold() == c.casefold() for w, c in zip(spelled, letters, strict=True)
            ):
                del out[-len(letters) :]
            out.append(letters)
            continue
        out.append(word)
    plain = unicodedata.normalize("NFKD", " ".join(out).casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    tokens = re.findall(r"[\w+#]+", plain)
    while len(tokens) > 1 and tokens[-1] in GENERIC:
        tokens.pop()
    return " ".join(tokens)


def short_name(text: str) -> str:
    """``text`` as a matrix row names it, in the label column's few words: without examples in
    brackets, an acronym for the words it spells out ("Customer Relationship Management (CRM)
    software expertise" is "CRM software expertise")."""
    words = re.sub(r"\s+([,.;:])", r"\1", EXAMPLES.sub("", text)).split()
    out: list[str] = []
    for word in words:
        acronym = re.fullmatch(r"\(([A-Z][A-Za-z0-9]{1,7})\)([,.;:]?)", word)
        letters = acronym.group(1) if acronym else ""
        spelled = out[-len(letters) :] if letters else []
        if (
            acronym
            and len(spelled) == len(letters)
            and all(w[:1].casefold() == c.casefold() for w, c in zip(spelled, letters, strict=True))
        ):
            del out[-len(letters) :]
            out.append(letters + acronym.group(2))
            continue
        out.append(word)
    return " ".join(out) or text


def shared_terms(lists: Sequence[Sequence[str]], least: int = 2) -> set[str]:
    """The terms ``least`` or more of ``lists`` hold."""
    seen: dict[str, int] = {}
    for items in lists:
        for key in {term(item) for item in items}:
            seen[key] = seen.get(key, 0) + 1
    return {key for key, count in seen.items() if count >= max(least, 2)}


def chosen(lists: Sequence[Sequence[str]], count: int) -> list[list[tuple[str, bool]]]:
    """At most ``count`` items of each list, each marked when another column prints it too.

    Shared items are chosen first (the most widely shared, then by their best place in a
    list), each only if every role that lists it has room left for it, so that it is printed
    in every column that shares it; then each role's other items, in its order, which is also
    the order a column prints. A term no other column prints is not marked."""
    keys = [[term(item) for item in items] for items in lists]
    shared = shared_terms(lists)
    holders = {k: [i for i, row in enumerate(keys) if k in row] for k in shared}
    ranked = sorted(
        shared, key=lambda k: (-len(holders[k]), min(keys[i].index(k) for i in holders[k]), k)
    )
    # Shared items may take half of a column, or as many as its own top items share: the
    # rest is the role's own top items, so that one tool in common never fills every column.
    room = [max(count // 2, sum(k in shared for k in dict.fromkeys(row[:count]))) for row in keys]
    taken: set[str] = set()
    for key in ranked:
        if all(room[i] > 0 for i in holders[key]):
            taken.add(key)
            for i in holders[key]:
                room[i] -= 1
    picked: list[list[int]] = []
    for row in keys:
        first = [n for n, k in enumerate(row) if k in taken]
        rest = [n for n, k in enumerate(row) if k not in taken]
        seen: set[str] = set()
        mine: list[int] = []
        for n in first + rest:
            if row[n] not in seen and len(mine) < count:
                seen.add(row[n])
                mine.append(n)
        picked.append(sorted(mine))  # printed in the role's own order
    printed = [[keys[i][n] for n in mine] for i, mine in enumerate(picked)]
    return [
        [
            (lists[i][n], any(keys[i][n] in other for j, other in enumerate(printed) if j != i))
            for n in mine
        ]
        for i, mine in enumerate(picked)
    ]


@dataclass(frozen=True)
class MatrixRow:
    """A skill or tool two or more roles list, and which roles list it (three or four roles)."""

    name: str
    has: list[bool]

    @property
    def shared(self) -> bool:
        return sum(self.has) > 1


#: Fewer shared items than this are folded into the skills and tools rows (marked there as
#: shared): a matrix of one or two rows costs its heading and rules for little.
MATRIX_MIN = 3


def majority(count: int) -> int:
    """How many of ``count`` roles must share an item for it to make a matrix worth its
    heading: more than half (two of three, three of four)."""
    return count // 2 + 1


def use_matrix(lists: Sequence[Sequence[str]]) -> bool:
    """Three or four roles of which a majority share MATRIX_MIN or more skills and tools
    (``lists``: each role's skills and tools): a dot matrix of what they share over their own
    lists; two roles, or roles that share fewer: per-role lists only, the shared items marked.

    Why a majority: four roles where only two share each item (review 4: an electrician, a
    nurse and two office roles sharing Tableau, Jira, Confluence) made a matrix whose every
    row was blank in two of four columns; their columns mark the shared items instead."""
    return len(lists) > 2 and len(shared_terms(lists, majority(len(lists)))) >= MATRIX_MIN


def in_common(lists: Sequence[Sequence[str]], rows: int) -> list[MatrixRow]:
    """At most ``rows`` items that two or more of ``lists`` hold (matched by :func:`term`,
    named as the first role to list it words it), and which roles hold each: the most widely
    shared first, then by their best place in a role's list.

    Why a matrix of the shared items only: realistic roles share few skills, and a matrix of
    every item is mostly rows with one dot. The shared ones get a row each, a dot per role that
    lists it, so a reader sees at once what the roles have in common; each role's own items
    follow as lists in its column (:func:`own`)."""
    found: dict[str, MatrixRow] = {}
    place: dict[str, int] = {}
    for index, items in enumerate(lists):
        for rank, item in enumerate(items):
            key = term(item)
            row = found.setdefault(key, MatrixRow(short_name(item), [False] * len(lists)))
            row.has[index] = True
            place[key] = min(place.get(key, rank), rank)
    shared = [key for key, row in found.items() if row.shared]
    shared.sort(key=lambda key: (-sum(found[key].has), place[key]))
    return [found[key] for key in shared[:rows]]


def own(
    lists: Sequence[Sequence[str]], everything: Sequence[Sequence[str]], count: int
) -> list[list[str]]:
    """Each of ``lists``' first ``count`` items that no other role's ``everything`` holds
    (``everything[i]``: role i's skills and tools): what the matrix does not show, so no item
    is printed twice and none is marked twice."""
    keys = [{term(item) for item in items} for items in everything]
    result = []
    for index, items in enumerate(lists):
        others = set().union(*(k for j, k in enumerate(keys) if j != index))
        mine: dict[str, str] = {}
        for item in items:
            mine.setdefault(term(item), item)
        result.append([item for key, item in mine.items() if key not in others][:count])
    return result
