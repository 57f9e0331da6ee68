"""How a page's elements lay out as lines of page text (layout.py)."""

from __future__ import annotations

import pytest

from guidepress.importer.webpage import page_text


def blocks_of(body: str) -> str:
    return page_text(f"<!doctype html><body><h1>T</h1>{body}</body>").text.removeprefix("T\n\n")


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("<p>a\n  b<br>c</p><p>d</p>", "a b\nc\n\nd\n"),
        ("<div>a<div>b</div>c</div>", "a\n\nb\n\nc\n"),
        ("<p>x<b>y</b>z <i>w</i></p>", "xyz w\n"),
        ("<ul><li>a<li><p>b</p><p>c</p><ul><li>d</ul></ul>", "  • a\n  • b c\n    • d\n"),
        ("<ol><li>one<br>two</li></ol>", "  • one two\n"),
        ("<dl><dt>Status</dt><dd>Good</dd><dt>Level:</dt><dd>A</dd><dd>B</dd></dl>",
         "Status: Good\nLevel: A; B\n"),
        ("<dl><dt>Why?</dt><dd>Because.</dd></dl>", "Why?\n\nBecause.\n"),
        ("<table><tr><th>Entry-Level</th><td>$1</td></tr><tr><td>a</td><td>b</td><td>c</td>"
         "</tr></table>", "Entry-Level: $1\n\na | b | c\n"),
        ("<table><caption>Pay</caption><tr><td>Long sentence.</td><td>x</td></tr></table>",
         "Pay\n\nLong sentence. | x\n"),
        ("<pre>a\n  b</pre>", "a\nb\n"),
        ("<h2>Skills <small>and</small><br>tools</h2>", "Skills and tools\n"),
        ('<h2><img class="emoji" alt="📈" src="e"> Demand</h2><img alt="Chart">', "📈 Demand\n"),
        ("<blockquote><p>q</p></blockquote><hr><p>after</p>", "q\n\nafter\n"),
        ("<details><summary>Q?</summary><p>A.</p></details>", "Q?\n\nA.\n"),
        ("<p>a&nbsp;&nbsp;b &lt;b&gt; &amp;amp;</p>", "a b <b> &amp;\n"),
        ('<article><header><p>by</p></header><footer><p>end</p></footer></article>', "by\n\nend\n"),
        ("<p hidden>h</p><p aria-hidden=true>a</p><p style='display: none'>s</p><p>v</p>", "v\n"),
        ('<p hidden="until-found">found</p>', "found\n"),
        ("<x-card><p>custom</p></x-card>", "custom\n"),
    ],
)  # fmt: skip
def test_blocks_become_lines(body: str, text: str) -> None:
    assert blocks_of(body) == text
