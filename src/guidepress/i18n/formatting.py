"""Numbers, money, percentages and dates formatted for a locale (Babel)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from babel import Locale
from babel.core import get_global
from babel.dates import format_date
from babel.numbers import (
    format_compact_currency,
    format_currency,
    format_decimal,
    get_currency_symbol,
    get_territory_currencies,
)

#: Symbols that several currencies share ($: USD, CAD, AUD, MXN...; ¥: JPY, CNY).
SHARED_SYMBOLS = ("$", "¥")


@cache
def _whole_money_pattern(locale: str) -> str:
    # Salaries read better without cents: the locale's own pattern, minus the fraction digits.
    pattern = str(Locale.parse(locale).currency_formats["standard"].pattern)
    return pattern.split(";")[0].replace(".00", "")


@cache
def _home_currencies(locale: str) -> frozenset[str]:
    parsed = Locale.parse(locale)
    territory = parsed.territory
    if territory is None:
        likely = get_global("likely_subtags").get(parsed.language, "")
        territory = likely.split("_")[-1] if "_" in likely else None
    return frozenset(get_territory_currencies(territory)) if territory else frozenset()


@cache
def _symbols(locale: str, currency: str) -> tuple[str, str]:
    """(the locale's symbol, the symbol to print): a bare "$" abroad becomes "US$"."""
    symbol = get_currency_symbol(currency, locale)
    if symbol in SHARED_SYMBOLS and currency not in _home_currencies(locale):
        return symbol, get_currency_symbol(currency, "root")
    return symbol, symbol


@dataclass(frozen=True)
class Formatter:
    """Formats values for one locale and one currency; templates call it as ``fmt``."""

    locale: str = "en"
    currency: str = "USD"
    cents: bool = False  # hourly wages keep their cents ($23.01); salaries read better without

    def money(self, value: float | None, currency: str | None = None) -> str:
        """Whole money for the locale; amounts never break at a line end (CLDR joins number and
        symbol with a no-break space where they are apart)."""
        if value is None:
            return ""
        code = currency or self.currency
        if self.cents:
            text = format_currency(value, code, locale=self.locale)
        else:
            text = format_currency(
                round(value),
                code,
                format=_whole_money_pattern(self.locale),
                locale=self.locale,
                currency_digits=False,
            )
        return self._unambiguous(text, code)

    def money_short(self, value: float | None, currency: str | None = None) -> str:
        """Compact money for chart axes (``$105K``, ``105 k $US``); in full where the locale
        has no abbreviation for the magnitude (German thousands)."""
        if value is None:
            return ""
        code = currency or self.currency
        text = format_compact_currency(value, code, locale=self.locale, fraction_digits=1)
        if re.search(r"\d{4}", text):
            return self.money(value, code)
        return self._unambiguous(text, code)

    def _unambiguous(self, text: str, currency: str) -> str:
        own, wanted = _symbols(self.locale, currency)
        if own != wanted:
            text = text.replace(own, wanted, 1)
        # CLDR glues some abbreviations to the symbol ("2 MUS$"); keep them apart.
        return re.sub(rf"(?<=[^\W\d])(?={re.escape(wanted)})", "\u00a0", text, count=1)

    def number(self, value: float | None, digits: int = 0) -> str:
        """``9870`` -> ``9,870``; ``digits`` decimals kept (``0.97``)."""
        if value is None:
            return ""
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(value, format=pattern, locale=self.locale)

    def percent(self, value: float | None) -> str:
        """``8`` -> ``8%`` in the locale's style (values are in percent, not fractions)."""
        if value is None:
            return ""
        return format_decimal(value, locale=self.locale) + _percent_suffix(self.locale)

    def date(self, value: date | None, style: str = "long") -> str:
        """The date for the locale, its parts held together: a date never breaks at a line end."""
        if value is None:
            return ""
        return format_date(value, style, locale=self.locale).replace(" ", "\u00a0")


@cache
def _percent_suffix(locale: str) -> str:
    sample = Locale.parse(locale).percent_formats[None].pattern
    return "\u00a0%" if " %" in sample or "\u00a0%" in sample else "%"
