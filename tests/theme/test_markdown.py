"""Inline Markdown in prose."""

from __future__ import annotations

from guidepress.theme.markdown import render_inline


def test_markdown_is_inline_only_and_never_raw_html() -> None:
    assert render_inline("**a** _b_ `c`") == "<strong>a</strong> <em>b</em> <code>c</code>"
    assert render_inline("<script>x</script>") == "&lt;script&gt;x&lt;/script&gt;"
    assert render_inline("[x](file:///etc/passwd)") == "[x](file:///etc/passwd)"
    assert render_inline("# not a heading") == "# not a heading"
