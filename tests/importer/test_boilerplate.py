"""What of a saved page is the guide and what is the site around it (boilerplate.py)."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from guidepress.importer.boilerplate import Content, furniture
from guidepress.importer.webpage import page_text

SUMMARY = "Chefs cook for a living in restaurants, hotels, hospitals and schools, and plan menus."


def guide(body: str) -> str:
    html = f"<body><main><h1>Chef</h1><p>{SUMMARY}</p>{body}<p>End.</p></main></body>"
    text = page_text(html).text
    assert text.startswith(f"Chef\n\n{SUMMARY}\n\n")
    return text.removeprefix(f"Chef\n\n{SUMMARY}\n\n")


@pytest.mark.parametrize(
    "furniture_html",
    [
        '<div class="cookie-banner">We use cookies</div>',
        '<div id="gdpr-consent">Accept?</div>',
        '<div class="share-buttons"><a>Share on X</a></div>',
        '<ul class="breadcrumbs"><li>Home</li></ul>',
        '<section class="related-articles"><h2>Read next</h2></section>',
        '<div class="newsletter-signup"><p>Sign up</p></div>',
        '<div class="ad-slot">Advert</div>',
        '<div class="post-sidebar">Side</div>',
        '<span class="sr-only">(opens in a new tab)</span>',
        "<nav><a>Menu</a></nav>",
        "<aside>Aside</aside>",
        '<div role="navigation">Nav</div>',
        '<div role="complementary">More</div>',
        '<div role="dialog">Modal</div>',
        "<form><label>Email</label><input></form>",
        "<button>Click</button>",
        "<script>var x = '<p>x</p>';</script><style>p{}</style><noscript>No JS</noscript>",
        "<template><p>Later</p></template><svg><text>Logo</text></svg>",
        '<iframe src="x">Frame</iframe><video>Video</video>',
        "<p hidden>Hidden</p>",
        '<p aria-hidden="true">Icon</p>',
        '<p style="display:none">None</p>',
    ],
)
def test_site_furniture_is_left_out(furniture_html: str) -> None:
    assert guide(furniture_html) == "End.\n"


@pytest.mark.parametrize(
    "content",
    [
        '<section id="social-skills"><p>Kept.</p></section>',  # names a guide could use
        '<section class="related-roles"><p>Kept.</p></section>',
        '<section id="industry-trends"><p>Kept.</p></section>',
        '<section class="recommended-certifications"><p>Kept.</p></section>',
        "<section><header><p>Kept.</p></header></section>",  # a section's own header
        '<p hidden="until-found">Kept.</p>',
    ],
)
def test_guide_sections_are_kept(content: str) -> None:
    assert guide(content) == "Kept.\n\nEnd.\n"


def test_a_lax_class_name_cannot_drop_the_guide() -> None:
    """Furniture names on an element holding the title, or most of the guide, are ignored."""
    page = page_text(
        '<body><div class="share-wrapper"><h1>Chef</h1><p>Cooks.</p></div>'
        '<div class="toc-layout"><h2>Key Responsibilities</h2><p>A long paragraph that is '
        "most of the guide, far longer than the title and the summary.</p></div></body>"
    )
    assert page.text.startswith("Chef\n\nCooks.\n\nKey Responsibilities\n\nA long paragraph")


def test_the_guide_root_prefers_main_then_the_article_with_the_title() -> None:
    tree = LexborHTMLParser(
        "<body><article><h2>Teaser</h2></article><article><h1>Chef</h1></article></body>"
    )
    content = Content(tree)
    assert content.root.tag == "article" and content.root.text() == "Chef"
    tree = LexborHTMLParser("<body><main><p>x</p></main><article><h1>Chef</h1></article></body>")
    assert Content(tree).root.tag == "body"  # <main> widened to hold the title


def test_site_header_and_footer_go_unless_inside_the_content() -> None:
    page = page_text(
        "<body><header>Site</header><article><header><h1>Chef</h1></header><p>Cooks.</p>"
        "<footer><p>Updated June.</p></footer></article><footer>(c) Site</footer></body>"
    )
    assert page.text == "Chef\n\nCooks.\n\nUpdated June.\n"


def test_furniture_names_are_whole_words() -> None:
    def node(attrs: str) -> bool:
        found = LexborHTMLParser(f"<div {attrs}>x</div>").css_first("div")
        assert found is not None
        return furniture(found)

    assert node('class="share-bar"') and node('id="cookieConsent cookie"')
    assert node('class="x related-posts"') and node('class="adsbygoogle ad"')
    assert not node('class="shared-services"') and not node('class="header"')
    assert not node('class="related-roles"') and not node('id="adverb"')
