"""One input (page text or a saved web page) as the page text the importer reads.

Both kinds end the same way: mojibake repaired, control characters removed, tags taken out, so
that a page imported from its HTML and from its copied text gives the same role file.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import PurePath

from guidepress.errors import ContentError, Problem
from guidepress.importer.blocks import Line
from guidepress.importer.charset import decode_html
from guidepress.importer.decode import clean, decode
from guidepress.importer.locate import position
from guidepress.importer.markup import strip_tags
from guidepress.importer.repair import repair
from guidepress.importer.sniff import EXTENSIONS, Kind, kind_of
from guidepress.importer.webpage import page_text


@dataclass
class Page:
    text: str
    kind: Kind
    repaired: int = 0  # characters repaired from mojibake
    warnings: list[str] = field(default_factory=list)
    html: str | None = None  # the decoded web page, to locate problems in
    citation: dict[str, str] = field(default_factory=dict)  # a web page's title, publisher, url


def read_page(data: str | bytes, source: str, kind: Kind | None = None) -> Page:
    """Decode, (for a web page) extract and clean one input; raises ContentError.

    ``kind`` None: a .html or .htm name is a web page, other input is one when it starts like
    an HTML document.
    """
    named = EXTENSIONS.get(PurePath(source).suffix.lower())
    found = kind_of(data, source, kind or named)
    if found == "html":
        html, warnings = decode_html(data, source)
        if (kind or named) is None:
            warnings.insert(0, "the text is an HTML document: read as a web page")
        extracted = page_text(html)
        page = Page(
            extracted.text, found, 0, warnings + extracted.warnings, html, extracted.citation
        )
        if not page.text.strip():
            message = "no page text outside scripts, styles, navigation and site furniture"
            raise ContentError([Problem(source, 0, 0, "", message)])
    else:
        page = Page(decode(data, source), found)
    page.text, page.repaired = repair(page.text)
    page.text, cleaned = clean(page.text)
    page.text, tags = strip_tags(page.text)
    if tags:
        cleaned.append(f"removed {tags} HTML tag(s) from the page text")
    page.warnings += cleaned
    return page


def located(error: ContentError, page: Page, lines: list[Line | None]) -> ContentError:
    """``error`` with its text line numbers turned into places in the HTML file."""
    if page.html is None:
        return error
    texts = [line.text for line in lines if line is not None]
    problems: list[Problem] = []
    for problem in error.problems:
        if problem.line == 0:
            problems.append(problem)
            continue
        after = [line.text for line in lines[problem.line - 1 :] if line is not None][:1]
        where = position(page.html, texts[:1] + after if after != texts[:1] else texts[:1])
        problems.append(replace(problem, line=where[0], col=where[1]))
    return ContentError(problems)
