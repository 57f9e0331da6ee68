"""The opening of a page: title, summary, the stats block and the salary block.

Stats print as value / label pairs (``8%`` / ``growth rate``), a bare ``remote-friendly``, and a
``Market Demand`` gauge whose first two lines are its end labels and whose third is the value.
The salary block gives region and currency in its heading, then range, median and levels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from guidepress.errors import ContentError, Problem
from guidepress.importer import numbers
from guidepress.importer.blocks import Line, heading_like, next_line, text_at
from guidepress.importer.headings import match
from guidepress.importer.naming import role_title, slugify
from guidepress.importer.salary import HEAD, TOP10, Salary

_MEDIAN_LABEL = re.compile(r"salary|median|pay")
_DEMAND_HEAD = re.compile(r"\bdemand\b", re.IGNORECASE)
_DEMAND_WORD = re.compile(r"^(?:very\s+)?(?:low|moderate|medium|high)$", re.IGNORECASE)
_DEMAND = {
    "low": "Low",
    "moderate": "Moderate",
    "medium": "Moderate",
    "high": "High",
    "very high": "Very High",
}
_REMOTE = re.compile(r"^(?:(not|no)\s+)?(?:fully\s+)?remote(?:[- ]?(?:friendly|ok|work))?$", re.I)


@dataclass
class Opening:
    title: str
    slug: str
    summary: str
    heading: str = ""  # the page's title line as written, for its citation
    fields: dict[str, Any] = field(default_factory=dict)
    salary: Salary = field(default_factory=Salary)
    warnings: list[str] = field(default_factory=list)
    rest: int = 0  # index of the first body line


def _block(lines: list[Line | None], i: int) -> tuple[list[Line], int]:
    """The lines from ``i`` up to the next blank line, and the index after them."""
    out: list[Line] = []
    while i < len(lines) and (line := lines[i]) is not None:
        out.append(line)
        i += 1
    return out, i


def read_opening(lines: list[Line | None], source: str) -> Opening:
    """Parse title, summary and stats; raises ContentError when title or summary is missing."""
    start = next_line(lines, 0)
    first = lines[start] if start < len(lines) else None
    if first is None:
        raise ContentError([Problem(source, 0, 0, "", "empty input: no page text")])
    title = role_title(first.text)
    where = (source, first.number, 1, "title")
    if not title or len(title) > 150:
        raise ContentError([Problem(*where, "the first line is not a role title")])
    slug = slugify(title)
    if not slug:
        raise ContentError([Problem(*where, "the title gives no file name (no letters or digits)")])
    body, after = _block(lines, start + 1)
    if not body:
        body, after = _block(lines, next_line(lines, after))
    if not body or _stat(body[0].text) or (heading_like(body[0]) and match(body[0].text, title)):
        message = "no summary paragraph after the title"
        raise ContentError([Problem(source, first.number + 1, 1, "summary", message)])
    opening = Opening(title, slug, " ".join(line.text for line in body), first.text.strip())
    opening.rest = _stats(opening, lines, after)
    salary = opening.salary.result()
    if salary:
        opening.fields["salary"] = salary
    opening.warnings += opening.salary.warnings
    return opening


def _stat(text: str) -> bool:
    return bool(numbers.PERCENT.match(text) or numbers.MONEY_LINE.match(text))


def _stats(op: Opening, lines: list[Line | None], i: int) -> int:
    while (j := next_line(lines, i)) < len(lines):
        line = lines[j]
        assert line is not None
        text = line.text
        k = next_line(lines, j + 1)
        label = text_at(lines, k).lower()
        if numbers.PERCENT.match(text) and "growth" in label and len(label) < 40:
            op.fields["growth_rate"] = numbers.percent(text)
            i = k + 1
        elif numbers.MONEY_LINE.match(text) and _MEDIAN_LABEL.search(label) and len(label) < 40:
            op.salary.median_stat = numbers.money(text)
            i = k + 1
        elif m := _REMOTE.match(text):
            op.fields["remote_friendly"] = m.group(1) is None
            i = j + 1
        elif heading_like(line) and _DEMAND_HEAD.search(text) and len(text) < 40:
            i = _demand(op, lines, j + 1)
        elif heading_like(line) and HEAD.search(text) and len(text) < 60:
            i = op.salary.read(lines, j)
        elif TOP10.search(text):
            op.salary.top10(text)
            i = j + 1
        else:
            return j
    return len(lines)


def _demand(op: Opening, lines: list[Line | None], i: int) -> int:
    words: list[str] = []
    while (j := next_line(lines, i)) < len(lines) and len(words) < 3:
        line = lines[j]
        if line is None or not _DEMAND_WORD.match(line.text):
            break
        words.append(" ".join(line.text.lower().split()))
        i = j + 1
    if words:
        op.fields["market_demand"] = _DEMAND[words[2] if len(words) >= 3 else words[-1]]
    else:
        op.warnings.append("'Market Demand' has no value (Low, Moderate, High or Very High)")
    j = next_line(lines, i)
    note, after = _block(lines, j)
    if note and not heading_like(note[0]) and not _stat(note[0].text) and not note[0].bullet:
        op.fields["demand_note"] = " ".join(line.text for line in note)
        return after
    return i
