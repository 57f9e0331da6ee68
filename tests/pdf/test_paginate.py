"""The paginator: gaps filled with the document's own fillers (two at most, never on following
pages), parts that end high given one below their end, a figure kept with its heading, front
pages tightened, the page count rounded up."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

import pytest

from guidepress.pdf.engine import Layout, layout
from guidepress.pdf.paginate import END_EMPTY, MOST_EMPTY, gaps, paginate, part_ends

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
section[data-gp-tight] p { margin: 0; }
</style>"""
POOL = """<div hidden data-gp-fillers data-gp-pages-multiple="{multiple}">
<aside class="filler" data-gp-fill="gap" data-gp-for="one"><p>Notes</p></aside>
<aside class="filler" data-gp-fill="notes"><p>Plain</p></aside>
<section class="filler-page" data-gp-fill="page" aria-labelledby="plan">
<h2 id="plan">Plan</h2></section>
</div>"""
WORDS = "<p>" + "Some words to read. " * 30 + "</p>"  # 58 % of a page
LONGER = "<p>" + "Some words to read. " * 45 + "</p>"  # 89 %


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


def test_a_side_note_left_alone_above_a_gap_goes_with_its_section() -> None:
    # Side notes float beside their heading (they come first, so that a heading never ends a
    # page); here the second note does not fit, and takes the heading with it: the first would
    # stay behind, alone at the foot of the page.
    section = (
        '<section><aside style="float: right; clear: right; width: 30mm; height: 8mm">side'
        '</aside><aside style="float: right; clear: right; width: 30mm; height: 40mm">gauge'
        f'</aside><h3 style="break-after: avoid">Head</h3>{WORDS}</section>'
    )
    laid = lay_out(f'<section id="one"><p>{"Some words to read. " * 36}</p>{section}</section>')
    first = page_texts(laid)[0]
    assert "side" in first and "gauge" not in first and "Head" not in first
    [gap] = gaps(laid.document)
    assert gap.before.tag == "section" and gap.before.get("id") is None
    texts = page_texts(paginate(laid))
    assert "Notes" in texts[0] and "side" not in texts[0]
    assert texts[1].startswith("sidegauge") and "Head" in texts[1]


def test_a_part_that_runs_onto_a_page_by_a_few_lines_is_set_tighter() -> None:
    paragraphs = "".join(f"<p>{n}. Some words to read.</p>" for n in range(10, 27))
    laid = lay_out(
        f'<section id="one">{paragraphs}</section><section class="part">{WORDS}</section>'
    )
    assert len(laid.document.pages) == 3 and page_texts(laid)[1].startswith("26.")
    settled = paginate(laid)
    assert part(settled, "one").get("data-gp-tight") == ""
    texts = page_texts(settled)
    assert len(texts) == 2 and "26. Some words" in texts[0]


def test_a_part_with_a_small_gap_is_set_tighter_before_it_gets_a_filler() -> None:
    paragraphs = "".join(f"<p>{n}. Some words to read.</p>" for n in range(10, 24))
    heading = '<h3 style="break-after: avoid; margin: 0">Head</h3>'
    text = f'<p style="orphans: 3">{"Some words to read. " * 20}</p>'
    laid = lay_out(f'<section id="one">{paragraphs}{heading}{text}</section>')
    [gap] = gaps(laid.document)
    assert gap.space < 0.22 * laid.document.pages[0]._page_box.height
    assert "Head" not in page_texts(laid)[0]
    settled = paginate(laid)
    assert part(settled, "one").get("data-gp-tight") == ""
    texts = page_texts(settled)
    assert "Head" in texts[0] and "Notes" not in "".join(texts)


def test_a_document_has_two_notes_at_most_never_on_following_pages() -> None:
    # Three gaps on pages 1, 2 and 3: the first and the third get a panel; the part asks its
    # question in the first, the second is plain.
    short = "<p>" + "Some words to read. " * 4 + "</p>"
    diagrams = "".join(f'<div class="keep">d{n}</div>{short}' for n in (1, 2, 3))
    laid = lay_out(f'<section id="one">{WORDS}{diagrams}<p>End.</p></section>')
    assert [gap.page for gap in gaps(laid.document)] == [0, 1, 2]
    texts = page_texts(paginate(laid))
    panels = [n for n, t in enumerate(texts) if t.endswith(("Notes", "Plain"))]
    assert panels == [0, 2]
    assert texts[0].endswith("Notes") and texts[2].endswith("Plain")


def test_a_gap_before_a_forced_break_is_left_and_nothing_is_laid_out_again() -> None:
    # The part ends low enough (less than END_EMPTY of its page empty) to read as its end.
    laid = lay_out(f'<section id="one">{LONGER}</section><section class="part">{WORDS}</section>')
    assert gaps(laid.document) == []
    assert part_ends(laid.document, [part(laid, "one")]) == []
    assert paginate(laid) is laid


def part(laid: Layout, name: str) -> Element:
    return next(e for e in laid.source.etree_element.iter() if e.get("id") == name)


def test_a_part_that_ends_high_gets_its_filler_below_its_end() -> None:
    laid = lay_out(f'<section id="one">{WORDS}</section><section class="part">{WORDS}</section>')
    [end] = part_ends(laid.document, [part(laid, "one")])
    assert end.page == 0 and end.space > END_EMPTY * laid.document.pages[0]._page_box.height
    filled = paginate(laid)
    texts = page_texts(filled)
    assert len(texts) == 2 and texts[0].endswith("Notes") and texts[1].startswith("Some words")
    assert list(part(filled, "one"))[-1].get("data-gp-fill") == "gap"


def test_a_part_that_has_its_panel_ends_on_the_plain_one() -> None:
    laid = lay_out(
        f'<section id="one">{WORDS}<div class="keep">diagram</div>{WORDS}</section>'
        f'<section class="part">{WORDS}</section>'
    )
    texts = page_texts(paginate(laid))
    assert len(texts) == 4
    assert "Notes" in texts[0] and texts[1].startswith("diagram") and texts[2].endswith("Plain")


def test_a_panel_that_would_run_onto_a_page_of_its_own_is_taken_out() -> None:
    # The part ends in a box whose padding shows nothing: the page looks emptier than it is,
    # and the panel sized to what it shows runs over.
    body = (
        f'<section id="one"><div style="padding-bottom: 50mm">{WORDS}</div></section>'
        f'<section class="part">{WORDS}</section>'
    )
    laid = lay_out(body)
    assert part_ends(laid.document, [part(laid, "one")])
    settled = paginate(laid)
    assert len(settled.document.pages) == 2
    assert "Notes" not in page_texts(settled)[0]


def test_a_document_without_fillers_is_left_as_it_is() -> None:
    laid = lay_out(f'{WORDS}<div class="keep">diagram</div>', pool=False)
    assert len(gaps(laid.document)) == 1
    assert paginate(laid) is laid


def test_a_figure_that_does_not_fit_takes_its_heading_to_the_next_page() -> None:
    body = (
        f'<section id="one">{WORDS}<section><h3 style="break-after: avoid">Ladder</h3>'
        f'<div class="keep">chart</div>{WORDS}</section></section>'
    )
    laid = lay_out(body)
    texts = page_texts(paginate(laid))
    assert "Ladder" not in texts[0] and texts[0].endswith("Notes")
    assert texts[1].startswith("Ladderchart")


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


def test_a_tightened_part_is_measured_alone_with_the_same_pages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A part that forced breaks open and close is laid out alone when tightened (the rest
    hidden): the pages, and the panel put below its end, are those of the whole document laid
    out again."""
    import guidepress.pdf.paginate as paginator

    paragraphs = "".join(f"<p>{n}. Some words to read.</p>" for n in range(10, 27))
    body = (
        f'<section id="one" class="part">{WORDS}</section>'
        f'<section id="two" class="part">{paragraphs}</section>'
        f'<section class="part">{WORDS}</section>'
    )
    pool = POOL.replace('data-gp-for="one"', 'data-gp-for="two"')
    html = f"<html><head>{STYLE}</head><body>{body}{pool.format(multiple=1)}</body></html>"

    def settled(alone: bool) -> tuple[list[str], list[bool]]:
        laid = layout(html, [], allowed=[Path.cwd()])
        measure = paginator._alone if alone else (lambda *args: None)
        used: list[bool] = []

        def measured(*args: object) -> object:
            used.append((found := measure(*args)) is not None)
            return found

        monkeypatch.setattr(paginator, "_alone", measured)
        texts = page_texts(paginate(laid))
        monkeypatch.undo()
        return texts, used

    whole, _ = settled(alone=False)
    alone, used = settled(alone=True)
    assert used == [True]
    assert alone == whole and "26. Some words" in whole[1]
