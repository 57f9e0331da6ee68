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
    return WebPage("\n\n".join("\n".join(lines) for lines in blocks) + "\n", warnings)
