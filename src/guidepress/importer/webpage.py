"""A saved web page as page text: the guide's lines, without the site around it.

Why selectolax: it wraps Lexbor, a C parser that follows the HTML Standard's tree construction,
so a page is read into the tree a browser builds (implied end tags, misnested markup, character
references, ``<template>`` and foreign content), in milliseconds, with no dependencies of its own.
``boilerplate`` says what is the guide, ``layout`` how its elements become lines; the text starts
at the page's title (its ``<h1>``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from guidepress.importer.boilerplate import Content
from guidepress.importer.layout import Leave, Writer


@dataclass
class WebPage:
    text: str  # page text, as the text path reads it
    warnings: list[str] = field(default_factory=list)
    #: What the page says of itself, for the guide's citation: title, publisher, url.
    citation: dict[str, str] = field(default_factory=dict)


def citation(tree: LexborHTMLParser) -> dict[str, str]:
    """The page's title, publisher and address as its head gives them (Open Graph first, then
    ``<title>`` as "Title | Site" and the canonical link); only what is there."""

    def meta(name: str) -> str | None:
        node = tree.css_first(f'meta[property="{name}"], meta[name="{name}"]')
        value = node.attributes.get("content") if node is not None else None
        return " ".join(value.split()) or None if value else None

    found: dict[str, str] = {}
    head_title = tree.css_first("head title")
    title_text = " ".join((head_title.text() if head_title is not None else "").split())
    page_title, site = title_text, ""
    if " | " in title_text:
        page_title, _, site = title_text.rpartition(" | ")
    if title := meta("og:title") or page_title:
        found["title"] = title
    if publisher := meta("og:site_name") or site.strip():
        found["publisher"] = publisher
    link = tree.css_first('link[rel="canonical"]')
    url = (link.attributes.get("href") if link is not None else None) or meta("og:url")
    if url and url.strip().lower().startswith(("http://", "https://")):
        found["url"] = url.strip()
    return found


def page_text(html: str) -> WebPage:
    """The text of the guide in ``html``, without the site around it."""
    tree = LexborHTMLParser(html)
    content = Content(tree)
    writer = Writer(content.title.mem_id if content.title is not None else None)
    stack: list[tuple[LexborNode, Leave | None]] = [
        (child, None) for child in reversed(list(content.root.iter(include_text=True)))
    ]
    while stack:
        node, leave = stack.pop()
        if leave is not None:
            leave()
            continue
        if node.is_text_node:
            writer.text(node.text_content or "")
            continue
        if not node.is_element_node or content.left_out(node):
            continue
        after = writer.enter(node)
        if after is None:
            continue
        stack.append((node, after))
        stack.extend((child, None) for child in reversed(list(node.iter(include_text=True))))
    writer.end_block()
    blocks, warnings = writer.blocks, []
    if writer.title_block:  # breadcrumbs, a kicker, a date line: not the guide
        skipped = " ".join(blocks[0])
        warnings.append(
            f"text before the page's title left out ({writer.title_block} block(s), "
            f"from '{skipped[:60]}')"
        )
        blocks = blocks[writer.title_block :]
    text = "\n\n".join("\n".join(lines) for lines in blocks) + "\n"
    return WebPage(text, warnings, citation(tree))
