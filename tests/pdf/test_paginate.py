"""The paginator: gaps filled with the document's own fillers, a deferrable figure moved below
the text after it, front pages tightened, the page count rounded up."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidepress.pdf.engine import Layout, layout
from guidepress.pdf.paginate import MOST_EMPTY, gaps, paginate

pytestmark = pytest.mark.pdf

#: A6 pages: text area 128 mm high. A "keep" block is 80 mm of unbreakable content.
STYLE = """<style>
@page { size: A6; margin: 10mm; }
body { margin: 0; font: 10pt/1.4 sans-serif; }
p { margin: 0 0 3mm; }
.keep { height: 80mm; break-inside: avoid; background: #ccc; }
.part { break-before: page; }
.filler { break-inside: avoid; overflow: hidden; border: 0.5mm solid; }
.filler-page { break-before: page; }
</style>"""
POOL = """<div hidden data-gp-fillers data-gp-pages-multiple="{multiple}">
<aside class="filler" data-gp-fill="gap" data-gp-for="one"><p>Notes</p></aside>
<section class="filler-page" data-gp-fill="page" aria-labelledby="plan">
<h2 id="plan">Plan</h2></section>
</div>"""
WORDS = "<p>" + "Some words to read. " * 30 + "</p>"


def lay_out(body: str, multiple: int = 1, pool: bool = True) -> Layout:
    html = f"<html><head>{STYLE}</head><body>{body}{POOL.format(multiple=multiple) if pool else ''}"
    return layout(html + "</body></html>", [], allowed=[Path.cwd()])


def page_texts(laid: Layout) -> list[str]:
    def text(box: object) -> str:
        own = getattr(box, "text", "") or ""
        return own + "".join(text(c) for c in getattr(box, "children", ()))

    return [text(page._page_box) for page in laid.document.pages]


def test_a_gap_gets_the_filler_of_its_part_sized_to_it() -> None:
    laid = lay_out(f'<section id="one">{WORDS}<div class="keep">diagram</div>{WORDS}</section>')
    [gap] = gaps(laid.document)
    assert gap.space > MOST_EMPTY * laid.document.pages[0]._page_box.height
    filled = paginate(laid)
    assert filled is not laid and gaps(filled.document) == []
    assert len(filled.document.pages) == len(laid.document.pages)
    texts = page_texts(filled)
    assert "Notes" in texts[0] and texts[1].startswith("diagram")  # the diagram stays next


def test_a_gap_before_a_forced_break_is_left_and_nothing_is_laid_out_again() -> None:
    laid = lay_out(f'<section id="one">{WORDS}</section><section class="part">{WORDS}</section>')
    assert gaps(laid.document) == []
    assert paginate(laid) is laid


def test_a_document_without_fillers_is_left_as_it_is() -> None:
    laid = lay_out(f'{WORDS}<div class="keep">diagram</div>', pool=False)
    assert len(gaps(laid.document)) == 1
    assert paginate(laid) is laid


def test_a_deferrable_figure_moves_below_the_text_after_it() -> None:
    body = (
        f'<section id="one">{WORDS}<section><h3 style="break-after: avoid">Ladder</h3>'
        f'<div class="keep" data-gp-defer>chart</div>{WORDS}{WORDS}</section></section>'
    )
    laid = lay_out(body)
    assert gaps(laid.document)
    settled = paginate(laid)
    assert gaps(settled.document) == []
    texts = page_texts(settled)
    first = next(i for i, t in enumerate(texts) if "Ladder" in t)
    assert "chart" not in texts[first] and "Some words" in texts[first].split("Ladder")[1]


def test_the_page_count_is_rounded_up_with_designed_pages() -> None:
    laid = lay_out(
        f'<section id="one">{WORDS * 3}</section><section class="part" data-gp-end>Back</section>',
        multiple=4,
    )
    assert len(laid.document.pages) % 4 != 0
    rounded = paginate(laid)
    pages = page_texts(rounded)
    assert len(pages) % 4 == 0 and pages[-1].strip() == "Back"
    added = len(pages) - len(laid.document.pages)
    assert [p.strip() for p in pages[-1 - added : -1]] == ["Plan"] * added
    ids = [e.get("id") for e in rounded.source.etree_element.iter() if e.get("id")]
    assert len(ids) == len(set(ids))  # a page used twice has its ids renamed


def test_a_page_that_must_be_one_page_is_tightened() -> None:
    laid = lay_out(f'<section id="one" data-gp-one-page>{WORDS * 4}</section>')
    assert len(laid.document.pages) > 1
    paginate(laid)
    [marked] = [e for e in laid.source.etree_element.iter() if e.get("data-gp-tight") is not None]
    assert marked.get("id") == "one"
