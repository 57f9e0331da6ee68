"""The paginator: gaps filled with the document's own fillers, parts that end high given one
below their end, a deferrable figure moved below the text after it, front pages tightened, the
page count rounded up."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

import pytest

from guidepress.pdf import paginate as paginate_module
from guidepress.pdf.engine import Layout, layout, write_pdf
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
    fillers = POOL.format(multiple=multiple) if pool else ""
    html = f"<html lang='en'><head><title>Paginated</title>{STYLE}</head><body>{body}{fillers}"
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


def test_a_part_asks_its_question_once_and_has_plain_notes_after() -> None:
    short = "<p>" + "Some words to read. " * 4 + "</p>"
    diagrams = f'<div class="keep">d1</div>{short}<div class="keep">d2</div><p>End.</p>'
    laid = lay_out(f'<section id="one">{WORDS}{diagrams}</section>')
    assert len(gaps(laid.document)) == 2
    texts = page_texts(paginate(laid))
    assert [t.endswith(("Notes", "Plain")) for t in texts] == [True, True, True]
    assert "".join(texts).count("Notes") == 1 and texts[0].endswith("Notes")


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
        f'<section id="one">{WORDS}<div class="keep">diagram</div></section>'
        f'<section class="part">{WORDS}</section>'
    )
    texts = page_texts(paginate(laid))
    assert len(texts) == 3
    assert "Notes" in texts[0] and texts[1].startswith("diagram") and texts[1].endswith("Plain")


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
    # It ends its section: below all of the text, not between two of its paragraphs.
    last = next(i for i, t in enumerate(texts) if "chart" in t)
    assert "Some words" not in "".join(texts[last:]).split("chart")[1]


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


def _paginated_both_ways(monkeypatch: pytest.MonkeyPatch, body: str) -> tuple[Layout, Layout]:
    """``body`` paginated as it is (a tightened part measured alone where it can be) and with
    every tightened part measured in the whole document laid out again."""
    alone = paginate(lay_out(body))
    with monkeypatch.context() as patched:
        patched.setattr(paginate_module, "_measure_alone", lambda *args: None)
        whole = paginate(lay_out(body))
    return alone, whole


def test_a_tightened_part_between_forced_breaks_is_measured_alone_with_the_same_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paragraphs = "".join(f"<p>{n}. Some words to read.</p>" for n in range(10, 27))
    body = (
        f'<section class="part">{LONGER}{LONGER}</section>'
        f'<section id="one" class="part">{paragraphs}</section>'
        f'<section class="part">{WORDS}</section>'
    )
    measured: list[int] = []
    original = paginate_module._measure_alone

    def recorded(*args: object) -> object:
        found = original(*args)  # type: ignore[arg-type]
        measured.append(len(found.document.pages) if found is not None else -1)
        return found

    monkeypatch.setattr(paginate_module, "_measure_alone", recorded)
    alone, whole = _paginated_both_ways(monkeypatch, body)
    assert measured == [1]  # part one alone: one page, tightened (it took two)
    assert part(alone, "one").get("data-gp-tight") == ""
    assert page_texts(alone) == page_texts(whole) and len(page_texts(alone)) == 4
    assert write_pdf(alone, identifier="x") == write_pdf(whole, identifier="x")


def test_a_tightened_part_that_runs_on_from_the_page_before_is_measured_in_the_whole() -> None:
    paragraphs = "".join(f"<p>{n}. Some words to read.</p>" for n in range(10, 26))
    laid = lay_out(f'<p>Before.</p><section id="one">{paragraphs}</section>')
    assert len(laid.document.pages) == 2
    parents = {c: p for p in laid.source.etree_element.iter() for c in p}
    [tight] = paginate_module._tighten_parts(laid.document, [part(laid, "one")], parents)
    assert paginate_module._measure_alone(laid, [tight], parents) is None
