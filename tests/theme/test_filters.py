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


def test_fine_print_keeps_its_last_two_words_unbroken_and_escaped() -> None:
    from guidepress.theme.filters import keep_end

    assert keep_end("citing LinkedIn Workforce Reports, Customer Success Association.") == (
        'citing LinkedIn Workforce Reports, Customer <span class="nobr">Success Association.</span>'
    )
    assert keep_end("A & B <c> d") == 'A &amp; B <span class="nobr">&lt;c&gt; d</span>'
    assert keep_end("Two words") == "Two words"
