"""SVG logos: DTDs, external references and stylesheets refused at the logo's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import LINK_LOCAL, evil_brand, run_err

SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'


@pytest.mark.parametrize(
    ("svg", "message"),
    [
        (
            '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY xxe SYSTEM "{secret}">]>\n'
            + SVG_OPEN
            + "<text>&xxe;</text></svg>",
            "line 2: has a DOCTYPE declaration (DTDs and entities are not allowed)",
        ),
        (
            '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            + SVG_OPEN
            + "<text>&b;</text></svg>",
            "line 1: has a DOCTYPE declaration (DTDs and entities are not allowed)",
        ),
        (
            SVG_OPEN + '\n<image xlink:href="{link_local}" width="5" height="5"/></svg>',
            "line 2: external reference '{link_local}' (only #id and data: references are allowed)",
        ),
        (
            SVG_OPEN + '<use href="{secret}#a"/></svg>',
            "line 1: external reference '{secret}#a' (only #id and data: references are allowed)",
        ),
        (
            SVG_OPEN + "<style>rect {{ fill: url(<!-- -->{secret}) }}</style></svg>",
            "line 1: external reference '{secret}' (only #id and data: references are allowed)",
        ),
        (
            SVG_OPEN + '<rect style="filter: url(logo2.svg#f)"/></svg>',
            "line 1: external reference 'logo2.svg#f' (only #id and data: references are allowed)",
        ),
        (
            '<?xml-stylesheet href="{link_local}"?>' + SVG_OPEN + "</svg>",
            "line 1: links a stylesheet (<?xml-stylesheet?> is not allowed)",
        ),
        ("<svg><g></svg>", "not a well-formed SVG file (line 1: mismatched tag)"),
    ],
    ids=["xxe", "entity-bomb", "xlink-href", "use-href", "style-url", "attr-url", "pi", "broken"],
)
def test_svg_logo_refused_at_its_logo_line(
    project: Path, secret: Path, svg: str, message: str
) -> None:
    names = {"secret": secret.as_uri(), "link_local": LINK_LOCAL}
    evil_brand(project, "logo.svg", svg.format(**names))
    assert run_err(project, "validate") == (
        1,
        f"content/brands/evil/brand.yaml:2:1: logo: logo.svg: {message.format(**names)}\n",
    )


def test_svg_logo_with_fragments_and_data_urls_is_fine(project: Path) -> None:
    evil_brand(
        project,
        "logo.svg",
        SVG_OPEN + '<defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="4"/>'
        '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/></svg>',
    )
    assert run_err(project, "validate") == (0, "")
