"""Where a line of a web page's text stands in the HTML file, for located error messages.

The parser gives no source positions, so on the way to an error (only then) the standard
library's tokenizer walks the file and the line's text is found in its text runs, in order.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SPACE = re.compile(r"\s+")
_RAW = frozenset({"script", "style", "template", "noscript", "title", "textarea"})


class _Runs(HTMLParser):
    """Text runs of a page (outside scripts and styles) with their line and column."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[tuple[int, int, str]] = []
        self._raw = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._raw += tag in _RAW

    def handle_endtag(self, tag: str) -> None:
        self._raw -= tag in _RAW and self._raw > 0

    def handle_data(self, data: str) -> None:
        if self._raw or not data.strip():
            return
        line, col = self.getpos()
        lead = data[: len(data) - len(data.lstrip())]
        breaks = lead.count("\n")
        col = len(lead) - lead.rfind("\n") - 1 if breaks else col + len(lead)
        self.runs.append((line + breaks, col + 1, _SPACE.sub(" ", data).strip()))


def position(html: str, texts: list[str]) -> tuple[int, int]:
    """Line and column (1-based) of the first of ``texts`` found in ``html``, found in order:
    each text after the one before it; (0, 0) when none is found."""
    parser = _Runs()
    parser.feed(html)
    parser.close()
    start, found = 0, (0, 0)
    for text in texts:
        words = _SPACE.sub(" ", text).strip()
        if not words:
            continue
        for i in range(start, len(parser.runs)):
            line, col, run = parser.runs[i]
            if words.startswith(run[:40]) or run.startswith(words[:40]):
                start, found = i + 1, (line, col)
                break
        else:
            return found
    return found
