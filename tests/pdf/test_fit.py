"""One-page fitting: content levels predicted from one layout, then type scaled within the floor;
at most three layouts; too long fails saying what to shorten."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from guidepress.content.project import load_project
from guidepress.pdf.engine import layout
from guidepress.pdf.fit import SAFETY, TRUSTED, Box, DoesNotFit, fit_one_page, heights
from guidepress.render.context import Subject
from guidepress.render.sheet import PAGE, levels
from guidepress.theme.lookup import Theme
from tests.helpers import build_sheets, outputs_by_role, render_html, write


@dataclass
class Fake:
    """A laid-out page made of rows; each list's items stack in its row's column."""

    rows: dict[str, float]  # row -> height
    lists: dict[str, tuple[str, str, list[float]]]  # list -> (row, column, item heights)
    room: float
    scale: float = 1.0
    boxes_: dict[str, dict[str, list[Box]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        rows, cols, lists, items = {}, {}, {}, {}
        top = 0.0
        for row, height in self.rows.items():
            rows[row] = [Box(0, 0, top, 100, top + height)]
            top += height
        for name, (row, col, sizes) in self.lists.items():
            left = 0.0 if col == "a" else 50.0
            start = rows[row][0].top
            cols.setdefault(f"{row}-{col}", [Box(0, left, start, left + 50, start)])
            y = start
            for n, size in enumerate(sizes, start=1):
                items[f"{name}-{n}"] = [Box(0, left, y, left + 50, y + size)]
                y += size
            lists[name] = [Box(0, left, start, left + 50, y)]
            box = cols[f"{row}-{col}"][0]
            cols[f"{row}-{col}"] = [Box(0, box.left, box.top, box.right, max(box.bottom, y))]
        self.boxes_ = {"fit-row-": rows, "fit-col-": cols, "fit-list-": lists, "fit-item-": items}

    @property
    def pages(self) -> int:
        return 1 if sum(self.rows.values()) <= self.room else 2

    def boxes(self, prefix: str) -> dict[str, list[Box]]:
        return self.boxes_[prefix]


def test_one_layout_predicts_every_level_by_the_tallest_column() -> None:
    page = Fake(
        rows={"head": 50, "main": 100, "foot": 30},
        lists={"a": ("main", "a", [20] * 5), "b": ("main", "b", [10] * 8)},
        room=1000,
    )
    shown = {"a": 5, "b": 8}
    levels_ = [shown, {"a": 4, "b": 8}, {"a": 3, "b": 8}, {"a": 3, "b": 5}, {"a": 2, "b": 2}]
    # Column a is 100 tall, b 80: cutting a saves only down to b's height, then both count.
    assert heights(page, shown, levels_) == [180, 160, 160, 140, 120]


def test_typical_content_takes_one_layout_long_content_two() -> None:
    laid: list[tuple[int, float]] = []
    room = [700.0]

    def lay_out(level: int, scale: float) -> Fake:
        laid.append((level, scale))
        counts = [5, 4, 3, 2][level]
        main = {"x": ("main", "a", [60.0] * counts)}
        return Fake({"head": 300, "main": 60 * counts}, main, room[0])

    fitted = fit_one_page(lay_out, levels=[{"x": n} for n in (5, 4, 3, 2)], room=700, floor=0.9)
    # 300 + 5 x 60 = 600: fits at once.
    assert (fitted.level, fitted.scale, fitted.layouts) == (0, 1.0, 1)
    laid.clear()
    room[0] = 500
    fitted = fit_one_page(lay_out, levels=[{"x": n} for n in (5, 4, 3, 2)], room=500, floor=0.9)
    # 300 + 3 x 60 = 480 is the first level that fits, and the only other layout.
    assert laid == [(0, 1.0), (2, 1.0)] and fitted.layouts == 2


def test_beyond_the_last_level_type_scales_down_never_below_the_floor() -> None:
    room = [400.0]

    def lay_out(level: int, scale: float) -> Fake:
        height = (300 + 60 * [3, 2][level]) * scale
        return Fake({"all": height}, {"x": ("all", "a", [60 * scale] * [3, 2][level])}, room[0])

    # The fewest items take 420 at full size: type comes down to about 95 %.
    fitted = fit_one_page(lay_out, levels=[{"x": 3}, {"x": 2}], room=400, floor=0.9)
    assert fitted.level == 1 and 0.9 <= fitted.scale < 1.0 and fitted.layouts <= 3
    room[0] = 300
    with pytest.raises(DoesNotFit) as refused:
        fit_one_page(lay_out, levels=[{"x": 3}, {"x": 2}], room=300, floor=0.9)
    # Refused after one layout: even the fewest items at the floor are far too long.
    assert refused.value.layouts == 1 and refused.value.excess > 0.1


def test_a_level_set_smaller_takes_the_largest_type_that_fits_in_the_second_layout() -> None:
    laid: list[tuple[int, float]] = []
    power = [1.0]

    def lay_out(level: int, scale: float) -> Fake:
        laid.append((level, scale))
        items = [4, 2][level]
        grow = scale ** power[0]
        main = {"x": ("main", "a", [100 * grow] * items)}
        return Fake({"head": 500 * grow, "main": 100 * items * grow}, main, room[0])

    # Level 0 (4 items) is 900 tall; level 1 leaves two out and would set type at 95 %, but its
    # 700 at full size, known from the first layout, fit 800: full size at once, no third layout.
    room = [800.0]
    levels_ = [{"x": 4}, {"x": 2}]
    fitted = fit_one_page(lay_out, levels=levels_, scales=[1.0, 0.95], room=800, floor=0.9)
    assert laid == [(0, 1.0), (1, 1.0)]
    assert (fitted.level, fitted.scale, fitted.layouts) == (1, 1.0, 2)
    # 700 at full size in 680: type between 95 % and full size, from the measured height.
    laid.clear()
    room[0] = 680.0
    fitted = fit_one_page(lay_out, levels=levels_, scales=[1.0, 0.95], room=680, floor=0.9)
    assert fitted.layouts == 2 and fitted.laid.pages == 1 and 0.95 < fitted.scale < 0.97
    # Height grows faster than the type (wrapped lines): the second layout leaves room to spare
    # and a third takes the type the two heights predict, still within the page.
    laid.clear()
    power[0] = 2.5
    fitted = fit_one_page(lay_out, levels=levels_, scales=[1.0, 0.95], room=680, floor=0.9)
    assert fitted.layouts == 3 and fitted.laid.pages == 1
    assert laid[1][1] < fitted.scale < 1.0
    # Height falls slower than the type: the second layout runs over by a little; the third
    # sets the same items a little smaller (not fewer items), cautiously, and fits.
    laid.clear()
    power[0] = 0.8
    fitted = fit_one_page(lay_out, levels=levels_, scales=[1.0, 0.95], room=680, floor=0.9)
    assert [lv for lv, _ in laid] == [0, 1, 1] and laid[2][1] < laid[1][1]
    assert (fitted.level, fitted.layouts, fitted.laid.pages) == (1, 3, 1)
    assert 0.95 <= fitted.scale < laid[1][1]


def test_on_a_big_sheet_type_grows_to_fill_it_in_at_most_three_layouts() -> None:
    laid: list[float] = []

    def lay_out(level: int, scale: float, power: float, height: float = 700) -> Fake:
        laid.append(scale)
        return Fake({"all": height * scale**power}, {}, 1000)

    # Height follows the square of the type size: the second layout fills the page.
    fitted = fit_one_page(
        lambda lv, s: lay_out(lv, s, 2.0), levels=[{}], room=1000, floor=0.9, ceiling=1.3
    )
    assert fitted.layouts == 2 and 1.18 < fitted.scale < 1.2 and fitted.laid.pages == 1
    # Up to the ceiling, never past it.
    fitted = fit_one_page(
        lambda lv, s: lay_out(lv, s, 2.0, 500), levels=[{}], room=1000, floor=0.9, ceiling=1.3
    )
    assert fitted.scale == 1.3 and fitted.layouts == 2
    # Height grows faster (a chart grows with the type): the second layout runs over, the
    # third takes the size the two measured heights predict.
    laid.clear()
    fitted = fit_one_page(
        lambda lv, s: lay_out(lv, s, 3.0), levels=[{}], room=1000, floor=0.9, ceiling=1.3
    )
    assert len(laid) == 3 and fitted.layouts == 3 and fitted.laid.pages == 1
    assert 1.1 < fitted.scale < laid[1]


def test_run_in_items_sharing_a_line_save_nothing_until_the_line_empties() -> None:
    """Chips or run-in items: the first left-out item starts mid-line, so that line stays."""
    items = [
        [Box(0, 0, 0, 40, 10)],
        [Box(0, 45, 0, 90, 10)],
        [Box(0, 0, 10, 30, 20)],
        [Box(0, 35, 10, 80, 20)],
    ]
    whole = [Box(0, 0, 0, 100, 20)]
    rows = {"r": [Box(0, 0, 0, 100, 20)]}

    class Page:
        pages = 2

        def boxes(self, prefix: str) -> dict[str, list[Box]]:
            found = {
                "fit-row-": rows,
                "fit-col-": {},
                "fit-list-": {"x": whole},
                "fit-item-": {f"x-{i}": b for i, b in enumerate(items, start=1)},
            }
            return found[prefix]

    predicted = heights(Page(), {"x": 4}, [{"x": 4}, {"x": 3}, {"x": 2}, {"x": 1}])
    assert predicted == [20, 20, 10, 10]


@pytest.mark.pdf
def test_seed_like_content_fits_in_at_most_three_layouts_typical_in_one(project: Path) -> None:
    compact = {
        "title": "Bakery Shift Lead",
        "summary": "Runs the early bake and the team that does it.",
        "salary": {"currency": "USD", "min": 36000, "max": 52000, "median": 43000},
        "responsibilities": ["Plan the bake.", "Train new bakers.", "Check the ovens."],
        "pros": ["Early finish."],
        "cons": ["Early start."],
    }
    write(project, "content/roles/compact.yaml", yaml.safe_dump(compact))
    long = long_role(words=90, items=8)
    long["summary"] = "Coordinates delivery with partners. " + long["summary"]
    write(project, "content/roles/long.yaml", yaml.safe_dump(long))
    loaded, problems = load_project(project)
    assert problems == []
    theme = Theme(project)

    def fit(slug: str) -> Any:
        role = loaded.roles[slug]

        def lay_out(level: int, scale: float) -> Any:
            html = render_html("sheet", role, loaded.brand("default"), theme, locale="en",
                               paper="letter", edition=loaded.build_date(), level=level,
                               scale=scale)  # fmt: skip
            return layout(html.html, html.stylesheets, allowed=[project / "content"])

        return fit_one_page(lay_out, levels=levels(Subject(slug, (role,))),
                            room=PAGE.room_px("letter"), floor=PAGE.floor,
                            scales=PAGE.scales)  # fmt: skip

    typical = fit("compact")
    assert (typical.level, typical.scale, typical.layouts) == (0, 1.0, 1)
    long = fit("long")
    assert long.laid.pages == 1 and long.level > 0 and PAGE.floor <= long.scale <= 1.0
    assert long.layouts <= 3


def long_role(words: int, items: int) -> dict[str, Any]:
    text = " ".join(["Coordinates cross-functional delivery with partners"] * (words // 6))
    return {
        "title": "Very Long Role Title For Testing Purposes",
        "summary": text,
        "salary": {"currency": "USD", "min": 40000, "max": 90000, "median": 60000},
        "growth_rate": 5,
        "market_demand": "High",
        "remote_friendly": True,
        "responsibilities": [f"{text[:160]} ({i})" for i in range(items)],
        "tech_skills": [f"Skill number {i} with a long name" for i in range(items)],
        "tech_stack": [f"Tool {i}" for i in range(items)],
        "pros": [f"{text[:120]} ({i})" for i in range(items)],
        "cons": [f"{text[:120]} ({i})" for i in range(items)],
        "tiers": [
            {"title": f"Tier {i} Specialist", "experience": f"{i}-{i + 2} years"} for i in range(5)
        ],
    }


@pytest.mark.pdf
def test_too_long_even_at_the_floor_fails_saying_what_to_shorten(project: Path) -> None:
    role = long_role(words=700, items=9)
    role["sheet"] = {"summary": role["summary"]}
    write(project, "content/roles/huge.yaml", yaml.safe_dump(role))
    write(project, "content/roles/fine.yaml", "title: Fine\nsummary: Short.\n")
    code, output = build_sheets(project)
    assert code == 1
    duties = sum(len(text) for text in role["responsibilities"][:3])
    message = output.splitlines()[-1]
    excess = re.search(r"\(about (\d+)% too long\)", message)
    assert excess is not None and int(excess.group(1)) > 20
    assert message == (
        "sheets/huge.pdf: role 'huge' does not fit on one page even with the fewest items and "
        f"type at 90% (about {excess.group(1)}% too long): shorten sheet.summary "
        f"({len(role['summary'])} characters) or sheet.responsibilities (3 items, {duties} "
        "characters)"
    )
    assert outputs_by_role(project)["huge"]["status"] == "failed"
    assert outputs_by_role(project)["fine"]["status"] == "built"
    assert not (project / "output" / "sheets" / "huge.pdf").exists()
    assert PdfReader(project / "output" / "sheets" / "fine.pdf").get_num_pages() == 1


def test_a_level_that_fits_with_room_to_spare_gives_way_to_a_fuller_one() -> None:
    """Content before type (review 3: a comparison gave up a pro and a con per role, then left
    the room empty): the first layout's cautious prediction picks level 2 (type a little over
    its own 90 %); measured, it fits with room to spare, the two layouts give the real exponent
    (2 here), and level 1 at its own size is laid out and kept."""
    laid: list[tuple[int, float]] = []

    def lay_out(level: int, scale: float) -> Fake:
        laid.append((level, scale))
        count, grow = [5, 4, 3, 2][level], scale**2
        return Fake(
            rows={"head": 300 * grow, "main": 60 * count * grow},
            lists={"x": ("main", "a", [60 * grow] * count)},
            room=450,
        )

    levels_ = [{"x": n} for n in (5, 4, 3, 2)]
    fitted = fit_one_page(lay_out, levels=levels_, room=450, floor=0.9, scales=[1.0, 0.9, 0.9, 0.9])
    assert laid == [(0, 1.0), (2, 0.9328), (1, 0.9)]
    assert (fitted.level, fitted.scale, fitted.layouts) == (1, 0.9, 3)


def _stack(room: float, head: float = 300.0) -> tuple[list[tuple[int, float]], Any]:
    """A page of a head and one list of 60-px items, 5, 4, 3 or 2 of them by level; and the
    layouts made, in order."""
    laid: list[tuple[int, float]] = []

    def lay_out(level: int, scale: float) -> Fake:
        laid.append((level, scale))
        counts = [5, 4, 3, 2][level]
        main = {"x": ("main", "a", [60.0] * counts)}
        return Fake({"head": head, "main": 60.0 * counts}, main, room)

    return laid, lay_out


STACK = [{"x": n} for n in (5, 4, 3, 2)]


def test_with_an_estimate_the_first_layout_is_the_level_that_fits() -> None:
    laid, lay_out = _stack(room=500)

    def estimate(level: int, scale: float) -> float:
        return 300 + 60 * [5, 4, 3, 2][level]

    fitted = fit_one_page(lay_out, levels=STACK, room=500, floor=0.9, estimate=estimate)
    # 480 fits 500, 540 does not: level 2 at once, nothing laid out at full content first.
    assert laid == [(2, 1.0)] and (fitted.level, fitted.scale, fitted.layouts) == (2, 1.0, 1)
    # Everything fits: level 0, one layout, as without an estimate.
    laid, lay_out = _stack(room=700)
    fitted = fit_one_page(lay_out, levels=STACK, room=700, floor=0.9, estimate=estimate)
    assert laid == [(0, 1.0)] and fitted.layouts == 1


def test_content_first_holds_when_the_estimate_was_too_high() -> None:
    # The head is 280 tall, estimated 320: level 2 (460 laid out) is estimated 500, over the
    # room, so level 3 is laid out first. Its layout measures the error (400 for 440
    # estimated), which brings level 2's estimate under the room: it is laid out and kept.
    laid, lay_out = _stack(room=500, head=280.0)

    def estimate(level: int, scale: float) -> float:
        return 320 + 60 * [5, 4, 3, 2][level]

    fitted = fit_one_page(lay_out, levels=STACK, room=500, floor=0.9, estimate=estimate)
    assert laid == [(3, 1.0), (2, 1.0)]
    assert (fitted.level, fitted.layouts, fitted.laid.pages) == (2, 2, 1)


def test_a_start_the_estimate_got_wrong_is_measured_and_fitted_from() -> None:
    # Estimated 80 short: level 1 (540 laid out) looks like 460 and runs over; measured, the
    # fitter goes on as from a first layout: level 2 fits.
    laid, lay_out = _stack(room=500)

    def estimate(level: int, scale: float) -> float:
        return 220 + 60 * [5, 4, 3, 2][level]

    fitted = fit_one_page(lay_out, levels=STACK, room=500, floor=0.9, estimate=estimate)
    assert laid[0][0] == 1 and (fitted.level, fitted.laid.pages) == (2, 1)
    assert fitted.layouts == 2


def test_a_level_estimated_a_hair_short_of_the_room_is_laid_out_first() -> None:
    # Level 1 (540) estimated at 99.7 % of the room: past SAFETY's 99.5 %, within TRUSTED. It is
    # the first layout and fits: one layout, where starting at level 2 took a second "to see".
    room = 540 / 0.997
    laid, lay_out = _stack(room=room)

    def estimate(level: int, scale: float) -> float:
        return 300 + 60 * [5, 4, 3, 2][level]

    assert SAFETY < 0.997 <= TRUSTED
    fitted = fit_one_page(lay_out, levels=STACK, room=room, floor=0.9, estimate=estimate)
    assert laid == [(1, 1.0)] and (fitted.level, fitted.layouts, fitted.laid.pages) == (1, 1, 1)
