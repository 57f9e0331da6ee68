"""No markup ever reaches a role file, from page text or a web page (markup.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guidepress.errors import ContentError
from guidepress.importer import import_text
from guidepress.importer.markup import strip_tags

from .conftest import check_round_trip, markup_in, pages


@pytest.mark.parametrize(
    ("text", "expected", "count"),
    [
        ("a <b>bold</b> c", "a bold c", 2),
        ("x<br/>y<BR >z", "xyz", 2),
        ("Word<o:p></o:p> pasted", "Word pasted", 2),
        ("<x-card a=1>k</x-card>", "k", 2),
        ("<div\nclass='x'>t</div>\nnext", "\nt\nnext", 2),  # line numbers kept
        ("<script>if (a<b) {}</script>ok<style>p{}</style>", "ok", 2),
        ("a<!-- note -->b<!-- open", "ab", 2),
        ("<!DOCTYPE html><?xml version='1.0'?>t", "t", 2),
        ("<<b>b>", "", 2),
        ("<" * 9 + "b>" * 9, "b>" * 5, 5),  # built to nest: what is left is no tag
        # not tags: comparisons, numbers, words in angle brackets, autolinks
        ("a < b and c > d", "a < b and c > d", 0),
        ("<5 years, >10 staff", "<5 years, >10 staff", 0),
        ("prefer <explicit> columns", "prefer <explicit> columns", 0),
        ("<https://example.com> <me@example.com>", "<https://example.com> <me@example.com>", 0),
        ("x<y and z>w", "x<y and z>w", 0),
    ],
)
def test_tags_are_taken_out_of_text(text: str, expected: str, count: int) -> None:
    assert strip_tags(text) == (expected, count)


def test_tags_in_page_text_are_removed_with_a_warning() -> None:
    page = (
        "Chef Career Path Guide\n\nChefs <b>cook</b> food.<o:p></o:p>\n\nKey Responsibilities\n\n"
        "  • Plan <em>menus</em>\n  • Order <span class='x'>stock</span>\n"
    )
    result = import_text(page, "chef.txt")
    check_round_trip(result)
    assert result.role["summary"] == "Chefs cook food."
    assert result.role["responsibilities"] == ["Plan menus", "Order stock"]
    assert result.warnings == ["removed 8 HTML tag(s) from the page text"]


def test_tags_a_web_page_shows_as_text_are_removed_too() -> None:
    """``&lt;div&gt;`` on a page copies as ``<div>``: both ways of importing agree."""
    html = "<h1>Web Developer Career Path Guide</h1><p>Knows &lt;div&gt; and a &lt; b.</p>"
    text = "Web Developer Career Path Guide\n\nKnows <div> and a < b.\n"
    from_html, from_text = import_text(html, "w.html"), import_text(text, "w.txt")
    assert from_html.role["summary"] == from_text.role["summary"] == "Knows  and a < b."
    assert from_html.warnings == from_text.warnings == ["removed 1 HTML tag(s) from the page text"]


_NAMES = st.sampled_from(
    ["p", "b", "i", "em", "span", "div", "a", "h2", "h3", "li", "ul", "td", "tr", "table",
     "section", "o:p", "x-card", "font", "center", "blink", "B", "DIV"]
)  # fmt: skip
_ATTRS = st.sampled_from(
    ["", ' class="x"', " id=y", ' href="https://e.com/?a=1&b=2"', " hidden", ' title="a > b"',
     " style='display:none'", ' data-x="<b>"', " aria-hidden=true", ' role="navigation"']
)  # fmt: skip
_TEXT = st.sampled_from(
    ["Plan menus", "a < b", "x > y", "&lt;b&gt;", "&lt;p class=x&gt;", "&amp;", "<5 years",
     "&#60;i&#62;", "Tom &amp; Jerry", "—", "’", "<https://e.com>", "*star*", "`code`", " ",
     "\n", "<!--", "-->", "<", ">", "</", "/>", "&lt;!-- c --&gt;", "<![CDATA[x]]>", "&nbsp;"]
)  # fmt: skip


@st.composite
def _element(draw: st.DrawFn, children: st.SearchStrategy[str]) -> str:
    name = draw(_NAMES)
    inner = "".join(draw(st.lists(children, max_size=3)))
    close = draw(st.sampled_from([f"</{name}>", ""]))  # unclosed elements too
    return f"<{name}{draw(_ATTRS)}>{inner}{close}"


_SPECIAL = st.sampled_from(
    ["<br>", "<br/>", "<img src=x alt='A'>", "<script>var s='<p>x</p>';</script>",
     "<style>p::before{content:'<b>'}</style>", "<!-- comment <p>x</p> -->", "<!DOCTYPE html>",
     "<template><p>t</p></template>", "<svg><text>s</text></svg>", "<?php echo 1 ?>"]
)  # fmt: skip
FRAGMENTS = st.recursive(
    st.one_of(_TEXT, _SPECIAL), lambda children: _element(children), max_leaves=12
)
_OPENING_HTML = "<h1>Any Role Career Path Guide</h1><p>A summary.</p><h2>Key Responsibilities</h2>"
_OPENING_TEXT = "Any Role Career Path Guide\n\nA summary.\n\nKey Responsibilities\n\n"


@pages
@given(st.lists(FRAGMENTS, max_size=6))
def test_no_markup_from_a_web_page(fragments: list[str]) -> None:
    page = _OPENING_HTML + "".join(fragments)
    try:
        result = import_text(page.encode(), "any.html")
    except ContentError as exc:
        assert exc.problems and all(p.file == "any.html" for p in exc.problems)
        return
    assert markup_in(result.role) == []  # (import_text validated the role)


@pages
@given(st.lists(FRAGMENTS, max_size=6))
def test_no_markup_from_page_text(fragments: list[str]) -> None:
    page = _OPENING_TEXT + "\n".join(f"  • {fragment}" for fragment in fragments)
    try:
        result = import_text(page, "any.txt")
    except ContentError as exc:
        assert exc.problems and all(p.file == "any.txt" for p in exc.problems)
        return
    assert markup_in(result.role) == []  # (import_text validated the role)
