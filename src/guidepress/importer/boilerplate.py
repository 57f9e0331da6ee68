"""What of a saved web page is the career guide, and what is the site around it.

The guide is the page's ``<main>`` (or its one ``<article>``), widened to hold the page's title
(its ``<h1>``). Left out: elements that are never text (scripts, styles, SVG, forms, media),
landmarks of the site (navigation, asides, dialogs, the page-wide header and footer, by tag or
ARIA role), hidden elements, and site furniture named by class or id (cookie banners,
breadcrumbs, share buttons, newsletter boxes, related articles, ads). Two guards keep a lax class
name from eating the guide: the element holding the title is never left out, nor one holding
more than half of the guide's text.
"""

from __future__ import annotations

import re
from itertools import pairwise

from selectolax.lexbor import LexborHTMLParser, LexborNode

#: Elements whose content is never page text.
NEVER_TEXT = frozenset(
    {
        "applet", "area", "audio", "base", "button", "canvas", "datalist", "dialog", "embed",
        "form", "frame", "frameset", "head", "iframe", "input", "link", "map", "math", "meta",
        "meter", "nav", "noembed", "noframes", "noscript", "object", "option", "optgroup",
        "output", "param", "picture", "progress", "script", "search", "select", "source",
        "style", "svg", "template", "textarea", "title", "track", "video", "aside",
    }
)  # fmt: skip
_ROLES = frozenset(
    {
        "alertdialog", "banner", "complementary", "contentinfo", "dialog", "form", "menu",
        "menubar", "navigation", "search", "toolbar", "tooltip",
    }
)  # fmt: skip
#: Containers inside which a <header> or <footer> belongs to that content, not to the site.
_SECTIONING = frozenset({"article", "aside", "main", "nav", "section"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: Class / id words of site furniture (whole words of the name: ``share-bar`` has ``share``).
#: Words a guide's own sections could be named by (``social-skills``, ``trends``) are not here.
_WORDS = frozenset(
    {
        "ad", "ads", "adsense", "advert", "advertisement", "breadcrumb", "breadcrumbs", "ccpa",
        "comments", "consent", "cookie", "cookies", "disqus", "gdpr", "navbar", "newsletter",
        "pagination", "paywall", "popup", "promo", "share", "sharebar", "sharing", "sidebar",
        "sponsored", "subscribe", "subscription", "toc", "topbar",
    }
)  # fmt: skip
#: Two-word names (``related-articles``, ``sr-only``): the first word, then the second.
_PAIRS = frozenset(
    {
        ("related", "articles"), ("related", "posts"), ("related", "stories"),
        ("related", "content"), ("related", "links"), ("related", "reading"),
        ("related", "news"), ("related", "guides"), ("recommended", "articles"),
        ("recommended", "posts"), ("recommended", "reading"), ("more", "stories"),
        ("read", "next"), ("popular", "posts"), ("author", "bio"), ("author", "box"),
        ("social", "share"), ("social", "links"), ("social", "icons"), ("social", "buttons"),
        ("skip", "link"), ("skip", "to"), ("sr", "only"), ("visually", "hidden"),
        ("screen", "reader"), ("back", "to"), ("site", "header"), ("site", "footer"),
        ("table", "of"),
    }
)  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+")


def _names(node: LexborNode) -> list[str]:
    attrs = node.attributes
    text = " ".join(attrs.get(key) or "" for key in ("class", "id"))
    return _WORD.findall(text.lower())


def furniture(node: LexborNode) -> bool:
    """Whether the class or id of ``node`` names it as site furniture."""
    words = _names(node)
    return any(w in _WORDS for w in words) or any(p in _PAIRS for p in pairwise(words))


def hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    if "hidden" in attrs and (attrs["hidden"] or "").lower() != "until-found":
        return True
    if (attrs.get("aria-hidden") or "").strip().lower() == "true":
        return True
    return bool(_HIDDEN_STYLE.search(attrs.get("style") or ""))


def _inside(node: LexborNode, tags: frozenset[str]) -> bool:
    parent = node.parent
    while parent is not None and parent.tag != "-document":
        if parent.tag in tags or (parent.attributes.get("role") or "") == "main":
            return True
        parent = parent.parent
    return False


def site_part(node: LexborNode, landmarks: bool = True) -> bool:
    """Whether ``node`` is never text, hidden, or (``landmarks``) a landmark of the site."""
    tag = node.tag or ""
    if tag in NEVER_TEXT or hidden(node):
        return True
    if not landmarks:
        return False
    role = (node.attributes.get("role") or "").strip().lower()
    if role in _ROLES:
        return True
    return tag in ("header", "footer") and not _inside(node, _SECTIONING)


def _ancestors(node: LexborNode) -> list[LexborNode]:
    """``node`` and its ancestors, nearest first."""
    out: list[LexborNode] = []
    current: LexborNode | None = node
    while current is not None and current.tag != "-document":
        out.append(current)
        current = current.parent
    return out


def _within(node: LexborNode, container: LexborNode) -> bool:
    return container.mem_id in {n.mem_id for n in _ancestors(node)}


def _visible(node: LexborNode, landmarks: bool = True) -> bool:
    return not any(site_part(n, landmarks) for n in _ancestors(node))


class Content:
    """The guide inside a parsed page: its root element, its title and what to leave out."""

    def __init__(self, tree: LexborHTMLParser) -> None:
        body = tree.body or tree.root
        assert body is not None  # the parser always makes <html> and <body>
        mains = [n for n in tree.css("main, [role=main]") if _visible(n)]
        every_h1 = tree.css("h1")
        h1s = [n for n in every_h1 if _visible(n)]
        root = mains[0] if mains else self._article(tree, h1s) or body
        inside = [h for h in h1s if _within(h, root)]
        # A page-wide <header> holding the <h1> is the guide's own header, when nothing better
        headed = [h for h in every_h1 if _visible(h, landmarks=False)]
        titles = inside or h1s or headed
        self.title = titles[0] if titles else None
        if self.title is not None and not _within(self.title, root):
            root = self._common(root, self.title)
        self.root = root
        self._keep = {n.mem_id for n in _ancestors(self.title)} if self.title else set()
        self._half = len(root.text(separator=" ")) / 2

    @staticmethod
    def _article(tree: LexborHTMLParser, h1s: list[LexborNode]) -> LexborNode | None:
        articles = [n for n in tree.css("article") if _visible(n)]
        for article in articles:
            if any(_within(h, article) for h in h1s):
                return article
        return max(articles, key=lambda a: len(a.text()), default=None)

    @staticmethod
    def _common(one: LexborNode, other: LexborNode) -> LexborNode:
        mine = {n.mem_id for n in _ancestors(one)}
        return next(n for n in _ancestors(other) if n.mem_id in mine)

    def left_out(self, node: LexborNode) -> bool:
        """Whether to leave ``node`` (and all inside it) out of the guide's text."""
        if node.mem_id in self._keep:
            return False
        if site_part(node):
            return True
        return furniture(node) and len(node.text(separator=" ")) <= self._half
