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


def test_a_list_of_eight_to_twenty_short_items_takes_two_columns() -> None:
    from guidepress.theme.filters import list_columns

    short = [f"Item {n}" for n in range(9)]
    assert list_columns(short) == [short[:5], short[5:]]  # down then across, the left longer
    assert list_columns(short[:8]) == [short[:4], short[4:8]]
    assert list_columns(short[:7]) == [short[:7]]  # too few to gain a line
    assert list_columns(short * 3) == [short * 3]  # too many to keep whole
    # 45 characters of words at most; Markdown marks are not words.
    assert len(list_columns([*short[:7], "**" + "x" * 45 + "**"])) == 2
    assert list_columns([*short[:7], "x" * 46]) == [[*short[:7], "x" * 46]]
