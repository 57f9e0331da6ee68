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


#: A tag; the elements that have no closing tag.
_TAG, _VOID = re.compile(r"<[^>]*>"), {"br", "img", "wbr"}


def _last_word_start(html: str) -> int:
    """Where the last word of ``html`` starts, with the space before it: the last white space
    outside tags (0 when there is none), only its final run of tags and text after it."""
    at = 0
    for match in re.finditer(r"<[^>]*>|\s", html.rstrip()):
        if not match.group().startswith("<"):
            at = match.start()
    return at


def md_end(text: str | None) -> Markup:
    """Inline Markdown whose last word is never hyphenated (CSS's ``hyphenate-limit-last``,
    which WeasyPrint lacks): an item or a paragraph never ends on a fragment alone on its last
    line (review 7: "insur-" / "ance."). The space before it goes inside its span: after the
    span, WeasyPrint 70 could break a line that missed by the last word after its first word
    ("Screen" / "for red flags ... medical care."). The word is taken with its markup
    (``<em>shifts</em>.``, review 8: the span took the full stop alone); the tags that close
    at the end elements opened before the word stay outside the span, which then ends where
    the first of them stands."""
    html = str(render_inline(text)).rstrip()
    start = _last_word_start(html)
    word, opened, end = html[start:], [], len(html)
    for tag in _TAG.finditer(word):
        name = re.match(r"</?([a-z0-9]+)", tag.group())
        if name is None or name.group(1) in _VOID or tag.group().endswith("/>"):
            continue
        if not tag.group().startswith("</"):
            opened.append(name.group(1))
        elif opened and opened[-1] == name.group(1):
            opened.pop()
        else:  # closes an element opened before the word: the span ends before it
            end = start + tag.start()
            break
    if not html[start:end].strip() or opened:
        return Markup(html)
    return Markup(f'{html[:start]}<span class="last-word">{html[start:end]}</span>{html[end:]}')


def plain_text(text: str | None) -> str:
    """Inline Markdown reduced to its words, for metadata and alt text."""
    return render_inline(text).striptags() if text else ""


def first_sentence(text: str) -> str:
    """The summary's first sentence, for the cover's one-line summary."""
    match = re.match(r"(.+?[.!?])(\s|$)", str(text), re.S)
    return match.group(1) if match else str(text)


def summary_rest(text: str) -> str:
    """The summary after its first sentence, which the cover prints as its deck: a guide's page 2
    goes on from there instead of printing it again (review 8: read twice). A summary of one
    sentence is printed whole: page 2 opens the guide and "The role in brief" without a word
    under it would read as missing, so the one sentence is repeated there."""
    rest = str(text)[len(first_sentence(text)) :].strip()
    return rest or str(text)


def no_widow(text: str) -> str:
    """A headline whose last line is never one short word: its last two words joined by a
    no-break space (a three-word or longer headline whose last word is under 12 letters)."""
    words = str(text).split(" ")
    if len(words) < 3 or len(words[-1]) >= 12:
        return str(text)
    return " ".join(words[:-2]) + f" {words[-2]}\u00a0{words[-1]}"


def keep_end(text: str, count: int = 2) -> Markup:
    """Fine print whose last line is never a fragment: its last ``count`` words set unbroken,
    neither between them nor by a hyphen (review 4: the role sheet's sources line ended "ation.",
    the rest of "Association" hyphenated on the line above). Words, not letters, so a long last
    word stays with the one before it. A chart's note keeps three (review 8: "May 2025." alone
    on the pay chart's last line, "role." under the demand scale)."""
    words = str(text).split(" ")
    if len(words) <= count:
        return escape(text)
    head, tail = " ".join(words[:-count]), " ".join(words[-count:])
    return Markup('{} <span class="nobr">{}</span>').format(head, tail)


#: Characters of text a line holds at the body size (render/typeset.py sets the main column at
#: 71): in a column of a two-column list (half the text width less the gap and the bullet's
#: indent: 76.8 mm on A4, 79.8 mm on Letter) 47 to 49 under every example brand (Inter 10 pt,
#: Karla 10.25 pt, Baskervald 10.5 pt); 45 leaves room for text wider than the average.
COLUMN_CHARS, MEASURE_CHARS = 45, 71
#: How many items a two-column list has (at least, at most): from six items a second column
#: saves three lines or more; past twenty the list is too long to keep whole on its page.
SHORT_LIST_ITEMS = (6, 20)
#: The space between two items (1 mm), in lines of body text (about 5 mm).
ITEM_GAP_LINES = 0.2
#: The tallest column, in lines: a two-column list is kept whole, so no taller than a plain
#: list kept whole (ten items of a line). A taller one left a hole before it (review 6: the
#: customer success manager's 18 tools, 14 lines a column, left a part's first page 27 % empty).
TALLEST_COLUMN = 10 * (1 + ITEM_GAP_LINES)


def _lines(text: str, width: int) -> int:
    """The lines ``text`` wraps to at ``width`` characters a line, broken between words."""
    count, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > width:
            count, used = count + 1, len(word)
        else:
            used += (1 if used else 0) + len(word)
    return count


def list_columns(items: list[str]) -> list[list[str]]:
    """A list's items as the columns it is set in: two for a list of short items, else one.

    Two when it has 6 to 20 items, none wrapping to more than two lines in a column and at least
    half of them on one (a list of terms and phrases; a list of sentences reads better across
    the measure), and the columns are shorter than the list across the measure and no taller
    than a plain list kept whole (TALLEST_COLUMN; review 6: the
    physical therapist's skills, 8 items up to 49 characters and 6 of at most 30, printed in one
    column under the former limits of 8 items and 45 characters). The columns read down, then
    across (the order text extraction and screen readers follow) and are balanced by lines, not
    items: the taller as short as it can be, the left one taller where either can be."""
    low, high = SHORT_LIST_ITEMS
    lines = [_lines(plain_text(item), COLUMN_CHARS) for item in items]
    if not low <= len(items) <= high or max(lines) > 2 or 2 * lines.count(1) < len(lines):
        return [list(items)]
    heights = [n + ITEM_GAP_LINES for n in lines]
    across = sum(_lines(plain_text(item), MEASURE_CHARS) + ITEM_GAP_LINES for item in items)
    # The split whose taller column is shortest; of two as short, the one with the left taller.
    split = min(
        range(1, len(items)),
        key=lambda k: (max(sum(heights[:k]), sum(heights[k:])), sum(heights[k:])),
    )
    taller = max(sum(heights[:split]), sum(heights[split:]))
    if taller >= across or taller > TALLEST_COLUMN + 0.01:
        return [list(items)]
    return [list(items[:split]), list(items[split:])]


FILTERS = {
    "list_columns": list_columns,
    "md": render_inline,
    "md_end": md_end,
    "css_string": css_string,
    "css_counters": css_counters,
    "plain": plain_text,
    "first_sentence": first_sentence,
    "summary_rest": summary_rest,
    "no_widow": no_widow,
    "keep_end": keep_end,
    "section_label": field_label,
}
