"""Numbers, money, percentages and dates formatted for a locale (Babel)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_compact_currency, format_currency, format_decimal


@cache
def _whole_money_pattern(locale: str) -> str:
    # Salaries read better without cents: the locale's own pattern, minus the fraction digits.
    pattern = str(Locale.parse(locale).currency_formats["standard"].pattern)
    return pattern.split(";")[0].replace(".00", "")


@dataclass(frozen=True)
class Formatter:
    """Formats values for one locale and one currency; templates call it as ``fmt``."""

    locale: str = "en"
    currency: str = "USD"

    def money(self, value: float | None, currency: str | None = None) -> str:
        if value is None:
            return ""
        return format_currency(
            round(value),
            currency or self.currency,
            format=_whole_money_pattern(self.locale),
            locale=self.locale,
            currency_digits=False,
        )

    def money_short(self, value: float | None, currency: str | None = None) -> str:
        if value is None:
            return ""
        return format_compact_currency(
            value, currency or self.currency, locale=self.locale, fraction_digits=0
        )

    def percent(self, value: float | None) -> str:
        """``8`` -> ``8%`` in the locale's style (values are in percent, not fractions)."""
        if value is None:
            return ""
        return format_decimal(value, locale=self.locale) + _percent_suffix(self.locale)

    def date(self, value: date | None, style: str = "long") -> str:
        return "" if value is None else format_date(value, style, locale=self.locale)


@cache
def _percent_suffix(locale: str) -> str:
    sample = Locale.parse(locale).percent_formats[None].pattern
    return "\u00a0%" if " %" in sample or "\u00a0%" in sample else "%"
