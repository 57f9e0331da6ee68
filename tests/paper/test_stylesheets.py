"""Every kind's stylesheets as WeasyPrint reads them: nothing ignored and no resource missing,
under every example brand. WeasyPrint drops a declaration it cannot parse and says so only in
its log."""

from __future__ import annotations

from datetime import date

import pytest

from guidepress.build.outputs import Output
from guidepress.build.rendering import subject_of
from guidepress.content.project import load_project
from guidepress.pdf.engine import Layout, layout, relayout
from guidepress.render.context import Options
from guidepress.render.kinds import KINDS
from guidepress.theme.lookup import Theme
from tests.helpers import REPO

pytestmark = pytest.mark.pdf


#: Kinds laid out whole from one role or comparison. A booklet is laid out piece by piece with
#: the guide's stylesheets and its own (tests/paper/test_booklet.py, under the conftest guard
#: that fails a test on any WeasyPrint warning); the catalogue is a web page, not laid out.
WHOLE = [name for name, kind in KINDS.items() if kind.subject in ("role", "comparison")]


@pytest.mark.parametrize("kind", WHOLE)
@pytest.mark.parametrize("brand", ["default", "northfield", "brightpath"])
def test_no_declaration_is_ignored(kind: str, brand: str) -> None:
    project, problems = load_project(REPO)
    assert problems == []
    theme = Theme(REPO)
    roles = tuple(project.comparisons["account-vs-success"].roles)
    subject = "account-vs-success" if kind == "compare" else roles[0]
    output = Output(
        kind, subject, roles if kind == "compare" else roles[:1], "x.pdf",
        brand=brand, locale="de", paper="letter", format="pdf",
    )  # fmt: skip
    rendered = output.record.render(
        subject_of(project, output),
        project.brand(brand),
        theme,
        Options("de", "letter", date(2026, 11, 21), config=project.config, level=2, scale=0.95),
    )
    # The stylesheets are parsed once per process; their warnings come with every layout.
    laid = layout(rendered.html, rendered.stylesheets, allowed=[REPO / "content"])
    assert laid.warnings == []
    assert laid.messages == []


def test_a_tight_part_s_first_section_sits_under_its_band() -> None:
    """A part set tighter (the paginator's ``data-gp-tight``, ``"more"``) takes space from
    between its blocks, never adds any: its first section sits under its band as in a part
    not set tighter. The tight parts' section padding (0,3,0) took over ``.part-head +
    .section`` and set the first section 6 mm lower: a booklet's run-on part missed its page by
    2.7 mm and left the page before it 58 % empty."""
    project, _ = load_project(REPO)
    role = project.comparisons["account-vs-success"].roles[0]
    output = Output(
        "guide", role, (role,), "x.pdf", brand="default", locale="en", paper="a4", format="pdf"
    )
    rendered = output.record.render(
        subject_of(project, output),
        project.brand("default"),
        Theme(REPO),
        Options("en", "a4", date(2026, 11, 21), config=project.config),
    )
    laid = layout(rendered.html, rendered.stylesheets, allowed=[REPO / "content"])
    plain = _band_to_title(laid)
    assert len(plain) == 5
    parts = [e for e in laid.source.etree_element.iter() if e.get("id") in plain]
    for mark in ("", "more"):
        for part in parts:
            part.set("data-gp-tight", mark)
        assert _band_to_title(relayout(laid)) == pytest.approx(plain, abs=0.01), mark


def _band_to_title(laid: Layout) -> dict[str, float]:
    """Each part's space (CSS px) between its band's foot and its first section's title."""
    root = laid.source.etree_element
    parents = {child: parent for parent in root.iter() for child in parent}
    firsts = {}
    for part in root.iter("section"):
        if "part" in (part.get("class") or "").split():
            first = next(c for c in part if "section" in (c.get("class") or "").split())
            firsts[id(first.find("h3"))] = part
    feet: dict[str, float] = {}
    tops: dict[str, float] = {}
    for page in laid.document.pages:
        stack = [page._page_box]
        while stack:
            box = stack.pop()
            stack.extend(getattr(box, "children", ()))
            element = box.element
            if element is None or type(box).__name__ != "BlockBox":
                continue
            if element.tag == "header" and "part-head" in (element.get("class") or ""):
                feet.setdefault(parents[element].get("id", ""), box.position_y + box.height)
            elif id(element) in firsts:
                tops.setdefault(firsts[id(element)].get("id", ""), box.position_y)
    return {part: tops[part] - foot for part, foot in feet.items()}
