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


def test_a_list_of_six_to_twenty_short_items_takes_two_columns() -> None:
    from guidepress.theme.filters import list_columns

    short = [f"Item {n}" for n in range(9)]
    assert list_columns(short) == [short[:5], short[5:]]  # down then across, the left longer
    assert list_columns(short[:6]) == [short[:3], short[3:6]]  # review 6: six soft skills
    assert list_columns(short[:5]) == [short[:5]]  # too few to gain three lines
    assert list_columns(short * 3) == [short * 3]  # too many to keep whole
    # Review 6: the physical therapist's skills, one of 49 characters (two lines in a column).
    skill = "Manual therapy and soft-tissue mobilization work"
    assert len(list_columns([*short[:7], skill])) == 2
    # Markdown marks are not words: 45 characters of words are one line.
    assert len(list_columns([*short[:5], "**" + "x" * 45 + "**"])) == 2
    # No item on more than two lines of a column (45 characters each) ...
    three = " ".join(["word"] * 19)  # 94 characters: three lines
    assert list_columns([*short[:7], three]) == [[*short[:7], three]]
    # ... and at least half the items on one: sentences read better across the measure.
    two = " ".join(["word"] * 12)  # 59 characters: two lines
    assert len(list_columns([*short[:3], two, two, two])) == 2
    assert list_columns([*short[:2], two, two, two, two]) == [[*short[:2], two, two, two, two]]
    # Kept whole, no column taller than ten items of a line: twenty one-line items take two
    # columns; eighteen with four of two lines (the customer success manager's tools) one.
    twenty = [f"Item {n}" for n in range(20)]
    assert len(list_columns(twenty)) == 2
    assert len(list_columns([*twenty[:14], two, two, two, two])) == 1


def test_two_columns_are_balanced_by_lines_not_items() -> None:
    from guidepress.theme.filters import list_columns

    short = [f"Item {n}" for n in range(6)]
    two = " ".join(["word"] * 12)  # two lines in a column
    # Eight items, the last three on two lines: four beside four leaves the right column four
    # lines taller, six beside two the left one three; five beside three, one (the right).
    items = [*short[:5], two, two, two]
    assert list_columns(items) == [items[:5], items[5:]]
    items = [two, two, two, *short[:5]]
    assert list_columns(items) == [items[:3], items[3:]]


def test_the_cover_s_deck_is_the_summary_s_first_sentence() -> None:
    from guidepress.theme.filters import first_sentence

    summary = "Electricians wire buildings. They read plans! And test circuits."
    assert first_sentence(summary) == "Electricians wire buildings."
    assert first_sentence("One sentence only.") == "One sentence only."
    assert first_sentence("No full stop") == "No full stop"


def test_md_end_keeps_the_last_word_whole() -> None:
    """The last word, outside the tags that close at the end, is never hyphenated (review 7)."""
    from guidepress.theme.filters import md_end

    assert md_end("Within the limits of the insurance.") == (
        'Within the limits of the<span class="last-word"> insurance.</span>'
    )
    assert md_end("Read **the code book**") == (
        'Read <strong>the code<span class="last-word"> book</span></strong>'
    )
    assert md_end("Tom & Jerry") == 'Tom &amp;<span class="last-word"> Jerry</span>'
    assert md_end("Alone") == '<span class="last-word">Alone</span>'
    # The last word with its markup (review 8: the span took the full stop of "*shifts*." alone).
    assert md_end("Work in *shifts*.") == (
        'Work in<span class="last-word"> <em>shifts</em>.</span>'
    )
    assert md_end("Read **[NEC](https://x.org)**, line 2\\\nand *more*!") == (
        'Read <strong><a href="https://x.org">NEC</a></strong>, line 2<br>\nand'
        '<span class="last-word"> <em>more</em>!</span>'
    )
    # A word inside an element opened before it: the span ends where that element does.
    assert md_end("Set *in italics*.") == 'Set <em>in<span class="last-word"> italics</span></em>.'
    assert md_end("") == ""


def test_page_two_goes_on_from_the_cover_s_sentence() -> None:
    """Review 8: page 2 printed the summary from the cover's sentence again. It prints the rest;
    a summary of one sentence whole (the page opens the guide: "The role in brief" with nothing
    under it would read as missing)."""
    from guidepress.theme.filters import summary_rest

    summary = "Electricians wire buildings. They read plans! And test circuits."
    assert summary_rest(summary) == "They read plans! And test circuits."
    assert summary_rest("One sentence only.") == "One sentence only."
    assert summary_rest("No full stop") == "No full stop"
