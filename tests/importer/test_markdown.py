"""Markdown escaping of prose fields (markdown.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from guidepress.importer import import_text
from guidepress.importer.markdown import escape, unescape
from guidepress.theme.markdown import render_inline

from .conftest import (
    CASES,
    check_round_trip,
    fast,
)


def test_markdown_characters_are_escaped_only_where_misread() -> None:
    result = import_text((CASES / "markdown-text.txt").read_bytes(), "markdown-text.txt")
    check_round_trip(result)
    items = result.role["responsibilities"]
    assert items[0] == "1\\. Design schemas for the warehouse"
    assert items[3] == "Keep snake_case names and 2 * 3 = 6 style arithmetic readable"
    assert "\\*reliable\\*" in result.role["summary"]
    page = (CASES / "markdown-text.txt").read_text(encoding="utf-8")
    assert all(unescape(t) in page for t in [result.role["summary"], *items])


def test_markdown_escapes_render_as_the_page_text() -> None:
    render = render_inline
    from markdown_it.common.utils import escapeHtml

    for line in (CASES / "markdown-text.txt").read_text(encoding="utf-8").splitlines():
        text = line.strip().removeprefix("• ")
        assert str(render(escape(text))) == escapeHtml(text).strip()


@fast
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"])))
def test_escape_round_trips(text: str) -> None:
    assert unescape(escape(text)) == text


@fast
@given(st.text(alphabet=st.sampled_from('ab1 *_`[]()<>&#;~\\-+.!:/x=|@"'), max_size=30))
def test_escaped_text_renders_as_plain_text(text: str) -> None:
    render = render_inline
    from markdown_it.common.utils import escapeHtml

    text = " ".join(text.split())
    assert str(render(escape(text))) == escapeHtml(text).strip()
