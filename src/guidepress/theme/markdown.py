"""Inline Markdown for prose fields: emphasis, code and links; raw HTML is never passed through."""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_SCHEMES = ("http://", "https://", "mailto:")


def _safe_link(url: str) -> bool:
    return url.strip().lower().startswith(ALLOWED_SCHEMES)


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False})
    md.enable(["emphasis", "link", "backticks", "escape", "entity", "strikethrough"])
    md.validateLink = _safe_link  # type: ignore[method-assign]
    return md


def render_inline(text: str | None) -> Markup:
    """Render one paragraph or item of inline Markdown to safe HTML."""
    if not text:
        return Markup("")
    return Markup(_parser().renderInline(text).strip())
