"""Numbers as career pages print them: ``8%``, ``$105,000``, ``70,000—140,000``, ``$140k+``."""

from __future__ import annotations

import math
import re

MONEY = r"(?:[A-Z]{3}\s?)?[$€£¥]?\s?\d[\d,]*(?:\.\d+)?\s?[kK]?\+?"
PERCENT = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*%$")
MONEY_LINE = re.compile(rf"^{MONEY}$")
RANGE_LINE = re.compile(rf"^({MONEY})\s*(?:-|–|—|to)\s*({MONEY})$")
SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}


def number(value: float) -> int | float:
    """Whole numbers as int, so the YAML says 105000 rather than 105000.0."""
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


def money(text: str) -> int | float | None:
    """``$105,000`` -> 105000; ``90k`` -> 90000; None when ``text`` holds no amount."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    if match is None:
        return None
    try:
        value = float(match.group().replace(",", ""))
    except ValueError:
        return None
    if re.match(r"\s?[kK]", text[match.end() :]):
        value *= 1000
    return number(value) if math.isfinite(value) else None


def percent(text: str) -> int | float | None:
    match = re.search(r"[+-]?\d+(?:\.\d+)?(?=\s*%)", text)
    if match is None:
        return None
    value = float(match.group())
    return number(value) if math.isfinite(value) else None


def currency_of(text: str) -> str | None:
    for symbol, code in SYMBOLS.items():
        if symbol in text:
            return code
    match = re.match(r"([A-Z]{3})\s?\d", text)
    return match.group(1) if match else None
