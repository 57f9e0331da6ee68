"""Minimal reproduction for docs/upstream.md: a page holding a ``target-counter()`` to a later
page is laid out three times by WeasyPrint 70, where two would do (once before the target's page
is known, once after): the second pass lays the page out again with the same unresolved values
as the first, and only the third prints the page numbers. Counts ``make_page`` calls per page and
pass, and prints what the first page's counters read after each of its layouts.
Usage: .venv/bin/python bench/upstream_target_counter.py
"""

from __future__ import annotations

import time
from typing import Any

import weasyprint
from weasyprint import layout as layout_package
from weasyprint.layout import page as page_layout

CSS = "a::after { content: target-counter(attr(href), page); }"


def document(links: int, counters: bool) -> str:
    toc = "".join(f'<li><a href="#s{i}">Section {i}</a></li>' for i in range(links))
    body = "".join(
        f'<h2 id="s{i}" style="break-before: page">Section {i}</h2><p>Text.</p>'
        for i in range(links)
    )
    return f"<style>{CSS if counters else ''}</style><ol>{toc}</ol>{body}"


def main() -> None:
    made: list[str] = []
    printed: list[str] = []
    make_page, make_all_pages = page_layout.make_page, page_layout.make_all_pages

    def counted(context: Any, root: Any, page_type: Any, resume: Any, number: int,
                *args: Any) -> Any:  # fmt: skip
        made.append(f"p{number}")
        page = make_page(context, root, page_type, resume, number, *args)
        if number == 1:
            printed.append("".join(text for text in _texts(page[0]) if text.isdigit()))
        return page

    def passes(context: Any, root: Any, html: Any, pages: Any) -> Any:
        made.append("|")
        yield from make_all_pages(context, root, html, pages)

    page_layout.make_page = counted
    layout_package.make_all_pages = passes
    print(f"WeasyPrint {weasyprint.__version__}")
    for links in (1, 10):
        for counters in (False, True):
            made.clear()
            printed.clear()
            started = time.process_time()
            weasyprint.HTML(string=document(links, counters)).render()
            cpu = (time.process_time() - started) * 1000
            name = "target-counter()" if counters else "plain links"
            print(f"{links:>2} links, {name:<16}: {' '.join(made)}   ({cpu:.0f} ms)")
            if counters:
                print(f"    page 1's counters after each of its layouts: {printed}")


def _texts(box: Any) -> list[str]:
    found = [box.text] if getattr(box, "text", None) else []
    for child in getattr(box, "children", None) or []:
        found += _texts(child)
    return found


if __name__ == "__main__":
    main()
