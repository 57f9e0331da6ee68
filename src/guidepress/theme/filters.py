"""Jinja filters the theme's templates use; registered once, when the environment is made."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from guidepress.i18n.labels import field_label
from guidepress.theme.markdown import render_inline


def css_string(text: str) -> Markup:
    """Quote text for use in CSS ``content`` (escaped for CSS, and safe inside HTML <style>)."""
    escaped = "".join(
        ch if ch.isalnum() or ch in " .,:;!?()-'" else f"\\{ord(ch):x} " for ch in str(text)
    )
    return Markup(f'"{escaped}"')


def css_counters(text: str) -> Markup:
    """``Page {page} of {pages}`` -> ``"Page " counter(page) " of " counter(pages)``."""
    out: list[str] = []
    for part in re.split(r"(\{page\}|\{pages\})", str(text)):
        if part == "{page}":
            out.append("counter(page)")
        elif part == "{pages}":
            out.append("counter(pages)")
        elif part:
            out.append(str(css_string(part)))
    return Markup(" ".join(out))


def plain_text(text: str | None) -> str:
    """Inline Markdown reduced to its words, for metadata and alt text."""
    return render_inline(text).striptags() if text else ""


def first_sentence(text: str) -> str:
    """The summary's first sentence, for the cover's one-line summary."""
    match = re.match(r"(.+?[.!?])(\s|$)", str(text), re.S)
    return match.group(1) if match else str(text)


def no_widow(text: str) -> str:
    """A headline whose last line is never one short word: its last two words joined by a
    no-break space (a three-word or longer headline whose last word is under 12 letters)."""
    words = str(text).split(" ")
    if len(words) < 3 or len(words[-1]) >= 12:
        return str(text)
    return " ".join(words[:-2]) + f" {words[-2]}\u00a0{words[-1]}"


def keep_end(text: str) -> Markup:
    """Fine print whose last line is never a fragment: its last two words set unbroken, neither
    between them nor by a hyphen (review 4: the role sheet's sources line ended "ation.", the
    rest of "Association" hyphenated on the line above). Words, not letters, so a long last
    word stays with the one before it."""
    words = str(text).split(" ")
    if len(words) < 3:
        return escape(text)
    head, tail = " ".join(words[:-2]), " ".join(words[-2:])
    return Markup('{} <span class="nobr">{}</span>').format(head, tail)


#: A list is set in two columns when it has this many items (at least, at most), none longer
#: than SHORT_ITEM_CHARS (characters of its words: one line in half the text width).
SHORT_LIST_ITEMS = (8, 20)
SHORT_ITEM_CHARS = 45


def list_columns(items: list[str]) -> list[list[str]]:
    """A list's items as the columns it is set in: two for a list of short items (8 to 20 items
    of at most 45 characters, issue 14), else one. The columns read down, then across (the order
    text extraction and screen readers follow), the first taking the odd item: balanced, the
    left one never the shorter."""
    low, high = SHORT_LIST_ITEMS
    if not low <= len(items) <= high or any(
        len(plain_text(item)) > SHORT_ITEM_CHARS for item in items
    ):
        return [list(items)]
    half = (len(items) + 1) // 2
    return [list(items[:half]), list(items[half:])]


FILTERS = {
    "list_columns": list_columns,
    "md": render_inline,
    "css_string": css_string,
    "css_counters": css_counters,
    "plain": plain_text,
    "first_sentence": first_sentence,
    "no_widow": no_widow,
    "keep_end": keep_end,
    "section_label": field_label,
}
