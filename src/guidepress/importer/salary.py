"""The salary block: ``🇺🇸 Annual Salary (US, USD)``, range, median, levels, top 10 %.

The entry / mid / senior figures of the seed pages are computed from the range (min + 15 % of
the span, midpoint, max - 15 %): when they match that, ``levels_estimated`` is true.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from guidepress.content.models import role as model
from guidepress.importer import numbers
from guidepress.importer.blocks import Line, next_line

HEAD = re.compile(
    r"\b(?:(annual|yearly|monthly|hourly)\s+)?(?:salary|pay|wages?)\b\s*(?:\(([^)]*)\))?", re.I
)
TOP10 = re.compile(r"\btop\s*10\s*%", re.IGNORECASE)
_PERIODS = {"annual": "annual", "yearly": "annual", "monthly": "monthly", "hourly": "hourly"}
_MEDIAN = re.compile(rf"^median\s*:?\s*({numbers.MONEY})$", re.IGNORECASE)
_LEVEL = re.compile(
    rf"^(entry|junior|mid|middle|intermediate|senior)(?:[- ]level)?\s*:?\s*({numbers.MONEY})?$",
    re.IGNORECASE,
)
_LEVELS = {
    "entry": "entry",
    "junior": "entry",
    "mid": "mid",
    "middle": "mid",
    "intermediate": "mid",
    "senior": "senior",
}
#: The site's fixed sentence: it says nothing beyond ``top_10_percent``.
_TOP10_TEMPLATE = re.compile(
    rf"^Top 10% of earners in this field can expect salaries starting from ({numbers.MONEY}) per "
    r"(?:year|month|hour), especially with specialized skills in high-demand areas\.$"
)
_ORDER = tuple(model.Salary.model_fields)  # the model's field order


@dataclass
class Salary:
    data: dict[str, Any] = field(default_factory=dict)
    symbol: str | None = None
    median_stat: int | float | None = None
    notes: list[str] = field(default_factory=list)  # sentences with more than a number
    warnings: list[str] = field(default_factory=list)

    def read(self, lines: list[Line | None], i: int) -> int:
        """Read the block whose heading is at ``i``; returns the index after it."""
        head = lines[i]
        found = HEAD.search(head.text) if head else None
        period, inside = (found[1], found[2]) if found else (None, None)
        if period:
            self.data["period"] = _PERIODS[period.lower()]
        for part in (p.strip() for p in (inside or "").split(",")):
            if re.fullmatch(r"[A-Z]{3}", part):
                self.data["currency"] = part
            elif part and "region" not in self.data:
                self.data["region"] = part
        pending: str | None = None
        i += 1
        while (j := next_line(lines, i)) < len(lines) and (line := lines[j]) is not None:
            text = line.text
            if rng := numbers.RANGE_LINE.match(text):
                self.data["min"], self.data["max"] = numbers.money(rng[1]), numbers.money(rng[2])
                self.symbol = self.symbol or numbers.currency_of(text)
            elif med := _MEDIAN.match(text):
                self.data["median"] = numbers.money(med[1])
            elif lvl := _LEVEL.match(text):
                pending = _LEVELS[lvl[1].lower()]
                if lvl[2]:
                    self.data.setdefault("levels", {})[pending] = numbers.money(lvl[2])
                    pending = None
            elif pending and numbers.MONEY_LINE.match(text):
                self.data.setdefault("levels", {})[pending] = numbers.money(text)
                pending = None
            elif TOP10.search(text):
                self.top10(text)
            else:
                return j
            i = j + 1
        return len(lines)

    def top10(self, text: str) -> None:
        amount = re.search(rf"[$€£¥]\s?\d[\d,]*(?:\.\d+)?\s?[kK]?|from\s+({numbers.MONEY})", text)
        value = numbers.money(amount.group()) if amount else None
        if value is not None:
            self.data["top_10_percent"] = value
        if value is None or not _TOP10_TEMPLATE.match(text):
            self.notes.append(text)
            self.warnings.append("salary note kept as an extra section 'Salary'")

    def result(self) -> dict[str, Any] | None:
        """The salary field: median stat merged in, levels checked against the range."""
        data, stat = self.data, self.median_stat
        if stat is not None:
            if data.get("median", stat) != stat:
                self.warnings.append(f"median salary {stat} differs from the salary block's")
            data.setdefault("median", stat)
        if not data:
            return None
        if self.symbol and "currency" not in data:
            data["currency"] = self.symbol
        low, high, levels = data.get("min"), data.get("max"), data.get("levels")
        if levels:
            data["levels"] = {k: levels[k] for k in ("entry", "mid", "senior") if k in levels}
        if low is not None and high is not None and levels:
            span = high - low
            expected = {"entry": low + 0.15 * span, "mid": low + span / 2}
            expected["senior"] = high - 0.15 * span
            tolerance = max(1.0, abs(span) * 0.005)
            data["levels_estimated"] = set(levels) == set(expected) and all(
                abs(levels[k] - v) <= tolerance for k, v in expected.items()
            )
        return {k: data[k] for k in _ORDER if data.get(k) is not None}
