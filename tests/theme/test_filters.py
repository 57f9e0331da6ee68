"""Template filters."""

from __future__ import annotations

from guidepress.theme.filters import css_counters, css_string


def test_css_helpers_quote_for_css() -> None:
    assert css_string('Say "hi"') == '"Say \\22 hi\\22 "'
    assert css_counters("Page {page} of {pages}") == '"Page " counter(page) " of " counter(pages)'


def test_a_headline_never_ends_on_one_short_word() -> None:
    from guidepress.theme.filters import no_widow

    assert no_widow("Account management or customer success?") == (
        "Account management or customer\u00a0success?"
    )
    assert no_widow("Data Analyst") == "Data Analyst"  # two words may break where they must
    assert no_widow("Head of Partnerships and Relationships") == (
        "Head of Partnerships and Relationships"  # a long last word fills its line
    )
