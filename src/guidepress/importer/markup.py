"""No markup reaches a role file: HTML tags left in page text are taken out.

Page text that *is* an HTML document goes to the web-page reader (see ``sniff``); this catches
the rest: a tag or two pasted into text (``<b>``, ``<o:p></o:p>`` from a word processor), and
tags a web page shows as text (``&lt;div&gt;``), so both ways of importing a page agree. A tag
is ``<name ...>`` or ``</name>`` with the name of an HTML element, a comment, a doctype or a
processing instruction; ``<script>`` and ``<style>`` go with their content. ``a < b``, ``<5
years``, ``<explicit>`` and autolinks (``<https://...>``) are not tags and stay. Line breaks
inside a tag are kept, so the lines after it keep their numbers.
"""

from __future__ import annotations

import re

#: HTML's elements, current and obsolete (``<explicit>`` or ``<name>`` in text is not a tag).
ELEMENTS = frozenset(
    {
        "a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio", "b",
        "base", "basefont", "bdi", "bdo", "bgsound", "big", "blink", "blockquote", "body", "br",
        "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "data",
        "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em",
        "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "frame", "frameset",
        "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i",
        "iframe", "image", "img", "input", "ins", "isindex", "kbd", "keygen", "label", "legend",
        "li", "link", "listing", "main", "map", "mark", "marquee", "math", "menu", "menuitem",
        "meta", "meter", "multicol", "nav", "nextid", "nobr", "noembed", "noframes", "noscript",
        "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "plaintext",
        "pre", "progress", "q", "rb", "rp", "rt", "rtc", "ruby", "s", "samp", "script", "search",
        "section", "select", "slot", "small", "source", "spacer", "span", "strike", "strong",
        "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea",
        "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var", "video",
        "wbr", "xmp",
    }
)  # fmt: skip
#: A tag: an element's name, a namespaced one (``o:p``) or a custom element's (``x-card``).
_NAME = rf"(?:{'|'.join(sorted(ELEMENTS, key=len, reverse=True))}|[a-z][\w.]*[:-][\w.:-]*)"
TAG = re.compile(
    rf"<(?:/?{_NAME}(?=[\s/>])(?:\s[^<>]*)?/?|![A-Za-z][^<>]*|\?[^<>]*)>|<!\[CDATA\[|\]\]>",
    re.IGNORECASE,
)
_RAW = re.compile(r"<(script|style)\b[^<>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
#: What is left of a tag that only appeared once an inner one was removed (``<<b>b>``).
_OPENER = re.compile(rf"<+(?=/?{_NAME}(?=[\s/>])|[!?])", re.IGNORECASE)
_ROUNDS = 4


def _blank(match: re.Match[str]) -> str:
    return "\n" * match.group().count("\n")


def strip_tags(text: str) -> tuple[str, int]:
    """``text`` without tags, and how many were removed."""
    if "<" not in text:
        return text, 0
    count = 0
    for pattern in (_RAW, _COMMENT):
        text, n = pattern.subn(_blank, text)
        count += n
    for _ in range(_ROUNDS):
        text, n = TAG.subn(_blank, text)
        count += n
        if not n:
            return text, count
    text, n = _OPENER.subn("", text)  # only for text built to nest tags in tags
    return text, count + n
