"""Template filters."""

from __future__ import annotations

from guidepress.theme.filters import css_counters, css_string


def test_css_helpers_quote_for_css() -> None:
    assert css_string('Say "hi"') == '"Say \\22 hi\\22 "'
    assert css_counters("Page {page} of {pages}") == '"Page " counter(page) " of " counter(pages)'
