"""Numbers as career pages print them (numbers.py)."""

from __future__ import annotations

import pytest

from guidepress.importer import numbers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("$105,000", 105000),
        ("90k", 90000),
        ("$1.5K+", 1500),
        ("€ 42,500.50", 42500.5),
        ("n/a", None),
    ],
)
def test_money(text: str, value: float | None) -> None:
    assert numbers.money(text) == value


def test_percent_range_and_currency() -> None:
    assert numbers.percent("8%") == 8 and numbers.percent("-2.5 %") == -2.5
    assert numbers.percent("eight") is None
    assert numbers.RANGE_LINE.match("70,000—140,000") and numbers.RANGE_LINE.match("$1 to $2")
    assert numbers.currency_of("£30,000") == "GBP" and numbers.currency_of("CHF 90,000") == "CHF"
    assert isinstance(numbers.number(3.0), int) and numbers.number(2.5) == 2.5
