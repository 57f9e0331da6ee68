"""Money, percentages and dates in each locale."""

from __future__ import annotations

from datetime import date

import pytest

from guidepress.i18n.formatting import Formatter


def test_money_and_percent_in_english() -> None:
    fmt = Formatter("en", "USD")
    assert fmt.money(105000) == "$105,000"
    assert fmt.money_short(105000) == "$105K"
    assert fmt.percent(8) == "8%"
    assert fmt.date(date(2026, 11, 21)) == "November\u00a021,\u00a02026"  # never broken


@pytest.mark.parametrize(
    ("locale", "money", "short", "percent", "day"),
    [
        ("en", "$105,000", "$105K", "8%", "November 21, 2026"),
        ("es", "105.000\u00a0US$", "105\u00a0mil\u00a0US$", "8\u00a0%", "21 de noviembre de 2026"),
        ("fr", "105\u202f000\u00a0$US", "105\u00a0k\u00a0$US", "8\u00a0%", "21 novembre 2026"),
        ("de", "105.000\u00a0US$", "105.000\u00a0US$", "8\u00a0%", "21. November 2026"),
    ],
)
def test_money_percent_and_dates_per_locale(
    locale: str, money: str, short: str, percent: str, day: str
) -> None:
    fmt = Formatter(locale, "USD")
    assert fmt.money(105000.4) == money
    assert fmt.money_short(105000) == short
    assert fmt.percent(8) == percent
    assert fmt.date(date(2026, 11, 21)) == day.replace(" ", "\u00a0")  # one unbreakable unit


def test_a_currency_of_the_locale_keeps_its_own_symbol() -> None:
    assert Formatter("de", "EUR").money(60000) == "60.000\u00a0€"
    assert Formatter("en", "USD").money(60000) == "$60,000"
    assert Formatter("en_GB", "USD").money(60000) == "US$60,000"  # "$" alone is ambiguous there
    assert Formatter("es", "USD").money_short(2_500_000) == "2,5\u00a0M\u00a0US$"
