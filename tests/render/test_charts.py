"""SVG charts: the zero-based money axis, every figure printed once and clear of the others,
estimates hollow, the brand's face and colours."""

from __future__ import annotations

import itertools
from itertools import combinations
from pathlib import Path
from xml.etree import ElementTree

from hypothesis import given, settings
from hypothesis import strategies as st

from guidepress.content.contrast import palette
from guidepress.content.models.brand import Colors
from guidepress.render import charts
from guidepress.render.typefaces import Face
from tests.helpers import REPO

SVG = "{http://www.w3.org/2000/svg}"
INTER = REPO / "styles" / "fonts"
FACE = Face(
    ("Karla brightpath", "GP Body"),
    ((400, (INTER / "Inter-Regular.otf",)), (700, (INTER / "Inter-Bold.otf",))),
)
STYLE = charts.Style(palette(Colors(primary="#4a1fc7", accent="#ff6b4a")), FACE)
WORDS = charts.PayWords(
    median="Median",
    range="Usual range",
    middle=None,
    estimated="Estimated from the range",
    benchmark="All occupations, United States",
    top="Top 10 % from",
)


def money(value: float) -> str:
    return f"${value:,.0f}"


def short(value: float) -> str:
    return f"${value / 1000:.0f}K" if value else "$0"


def texts(svg: str) -> list[ElementTree.Element]:
    return list(ElementTree.fromstring(svg).iter(f"{SVG}text"))


def words_of(svg: str) -> list[str]:
    return [t.text or "" for t in texts(svg)]


def label_boxes(svg: str) -> list[tuple[float, float, float, float]]:
    """Each label's box, measured as the chart measured it (baseline, size, anchor, weight)."""
    found = []
    for node in texts(svg):
        size = float(node.get("font-size", "0"))
        x, y = float(node.get("x", "0")), float(node.get("y", "0"))
        width = FACE.width(node.text or "", size, int(node.get("font-weight", "400")))
        anchor = node.get("text-anchor")
        left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
        found.append((left, y - size * 0.72, left + width, y + size * 0.2))
    return found


def overlapping(boxes: list[tuple[float, float, float, float]]) -> list[tuple[int, int]]:
    return [
        (i, j)
        for (i, a), (j, b) in combinations(enumerate(boxes), 2)
        if a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5
    ]


def role_chart(**overrides: object) -> str:
    values: dict[str, object] = {
        "low": 70000, "high": 140000, "median": 105000, "middle": None,
        "marks": [
            charts.Mark("Entry", 80500, True, "$80,500"),
            charts.Mark("Mid", 105000, True, None),
            charts.Mark("Senior", 129500, True, "$129,500"),
        ],
        "top": None, "benchmark": 50980, "money": money, "short": short, "words": WORDS,
        "style": STYLE, "width": 330.0, "title": "Salary",
    }  # fmt: skip
    values |= overrides
    return charts.pay_chart(**values)[0]  # type: ignore[arg-type]


@given(st.lists(st.floats(1, 5_000_000), min_size=1, max_size=6))
def test_money_axes_start_at_zero_and_end_at_the_first_round_step(values: list[float]) -> None:
    step, top = charts.money_axis(values)
    assert top >= max(values) * (1 - 1e-9) and max(values) > top - step
    assert str(step / 10 ** len(str(int(step)))).rstrip("0")[-1] in "1255" or step in (1, 2, 5)
    assert 2 <= top / step <= 10


def test_each_figure_is_printed_once_and_the_benchmark_named() -> None:
    words = words_of(role_chart())
    for figure in ("$70,000", "$140,000", "$105,000", "$80,500", "$129,500"):
        assert words.count(figure) == 1, figure
    # The mid level equals the median: named on the chart, its figure not repeated.
    assert "Mid" in words
    # The benchmark is named below the axis, in the legend, figure and all.
    assert words.count("All occupations, United States: $50,980") == 1
    assert sum("$50,980" in w for w in words) == 1
    assert "Estimated from the range" in words and "Usual range" in words


def test_a_top_decile_equal_to_nothing_new_is_left_to_the_caller_and_a_higher_one_shown() -> None:
    words = words_of(role_chart(top=160000))
    assert "Top 10 % from" in words and words.count("$160,000") == 1


def test_estimates_are_hollow_and_surveyed_levels_filled() -> None:
    def circles(svg: str) -> list[str | None]:
        # The dots on the bar (the legend's sample dot sits in a group of its own).
        return [c.get("fill") for c in ElementTree.fromstring(svg).findall(f"{SVG}circle")]

    background = STYLE.palette.background
    estimated = role_chart()
    assert circles(estimated) == [background] * 3
    surveyed = role_chart(marks=[charts.Mark("Entry", 80500, False, "$80,500")])
    assert circles(surveyed) == [STYLE.palette.accent_text]
    assert "Estimated from the range" not in words_of(surveyed)


def test_text_is_set_in_the_brand_face_and_palette() -> None:
    svg = role_chart()
    assert {t.get("font-family") for t in texts(svg)} == {"Karla brightpath,GP Body"}
    allowed = {STYLE.palette.text, STYLE.palette.muted, STYLE.palette.primary}
    assert {t.get("fill") for t in texts(svg)} <= allowed
    assert min(float(t.get("font-size", "0")) for t in texts(svg)) >= 7.5


@settings(max_examples=150, deadline=None)
@given(
    st.floats(20_000, 200_000),
    st.floats(0.1, 1.5),
    st.floats(0.05, 0.95),
    st.booleans(),
    st.floats(15_000, 120_000),
    st.floats(250, 520),
)
def test_labels_never_collide_nor_leave_the_chart(
    low: float, spread: float, at: float, levels: bool, benchmark: float, width: float
) -> None:
    high = low * (1 + spread)
    median = low + (high - low) * at
    marks = []
    if levels:
        marks = [
            charts.Mark(name, low + (high - low) * f, True, money(low + (high - low) * f))
            for name, f in (("Entry", 0.15), ("Mid", 0.5), ("Senior", 0.85))
        ]
    svg = role_chart(
        low=low, high=high, median=median, marks=marks, benchmark=benchmark, width=width
    )
    boxes = label_boxes(svg)
    assert overlapping(boxes) == []
    assert all(left >= -0.5 and right <= width + 0.5 for left, _, right, _ in boxes)
    # The low end left of its bar, on its centre line, whatever the benchmark (review 5); no
    # label crossed by the benchmark line or the median tick.
    [node] = low_end_nodes(svg, [money(low)])
    [(bar, centre)] = bar_lefts(svg)[:1]
    assert node.get("text-anchor") == "end" and bar - 5 < float(node.get("x", "0")) < bar
    assert abs(float(node.get("y", "0")) - 3 - centre) < 0.01
    assert crossing_the_line(svg) == [] and crossed(svg, ticks(svg), pad=0.3) == []
    # Every figure is printed, levels crowded off the bar in a line of their own.
    words = " ".join(words_of(svg))
    for figure in (low, high, median, *(m.value for m in marks)):
        assert money(figure) in words


def test_roles_on_one_axis_print_every_median_and_range_end() -> None:
    rows = [
        charts.PayRow("Strategic Account Manager", 70000, 140000, 105000, "$70,000", "$140,000"),
        charts.PayRow("Customer Success Manager", 60000, 120000, 90000, "$60,000", "$120,000"),
        charts.PayRow("Pastry Chef", 30000, 52000, None, "$30,000", "$52,000"),
    ]
    svg, height = charts.pay_rows(
        rows, benchmark=50980, money=money, short=short, words=WORDS, style=STYLE, width=520,
        label_width=120, title="Salary",
    )  # fmt: skip
    words = words_of(svg)
    for row in rows:
        assert row.label in words or any(part in words for part in row.label.split())
        assert words.count(row.low_text) == 1 and words.count(row.high_text) == 1
    assert words.count("$105,000") == 1 and words.count("$90,000") == 1
    assert "All occupations, United States: $50,980" in words
    assert "$0" in words  # one axis rule: from zero
    assert overlapping(label_boxes(svg)) == []
    assert height > 3 * 19


def test_a_four_step_scale_names_every_step_and_marks_the_value() -> None:
    svg, _ = charts.step_scale(
        ["Low", "Moderate", "High", "Very High"], 2, style=STYLE, width=180, title="Demand"
    )
    nodes = texts(svg)
    assert [t.text for t in nodes] == ["Low", "Moderate", "High", "Very High"]
    assert [t.get("font-weight") for t in nodes] == ["400", "400", "700", "400"]
    rects = list(ElementTree.fromstring(svg).iter(f"{SVG}rect"))
    assert [r.get("fill") for r in rects][:3] == [STYLE.palette.primary] * 3
    assert rects[3].get("fill") == STYLE.palette.track


def test_a_four_step_scale_sets_each_label_on_one_line_in_the_side_column() -> None:
    """Review 8: "Very High" wrapped onto two lines under the side column's scale (121 pt wide
    in the narrowest guide, a segment 29 pt against the label's 35 pt). Whatever the value,
    every label stands on one line within the scale, apart from the next by two word spaces,
    the end ones flush with its ends; a scale too narrow for that wraps them as before."""
    steps = ["Low", "Moderate", "High", "Very High"]
    for value in range(4):
        svg, height = charts.step_scale(steps, value, style=STYLE, width=121, title="Demand")
        assert words_of(svg) == steps and height == 22
        boxes = label_boxes(svg)
        assert boxes[0][0] >= -0.01 and boxes[-1][2] <= 121.01
        gaps = [b[0] - a[2] for a, b in itertools.pairwise(boxes)]
        assert min(gaps) >= charts.SCALE_LABEL_GAP - 0.01, (value, gaps)
    svg, height = charts.step_scale(steps, 2, style=STYLE, width=80, title="Demand")
    assert words_of(svg) == ["Low", "Moderate", "High", "Very", "High"] and height > 22


def test_growth_bars_print_each_value_and_grey_the_benchmark() -> None:
    svg, _ = charts.growth_bars(
        [("This role", 8, "8%", False), ("All occupations", 3, "3%", True)],
        style=STYLE,
        width=180,
        title="Growth",
    )
    assert words_of(svg) == ["This role", "8%", "All occupations", "3%"]
    bars = [r for r in ElementTree.fromstring(svg).iter(f"{SVG}rect")]
    assert [b.get("fill") for b in bars] == [STYLE.palette.primary, STYLE.palette.track]
    assert float(bars[0].get("width", "0")) > 2 * float(bars[1].get("width", "0"))


def test_face_widths_come_from_the_font_files() -> None:
    narrow = FACE.width("iiii", 10)
    wide = FACE.width("WWWW", 10)
    assert wide > 2.5 * narrow  # a real font's advances, not an average
    assert FACE.width("Salary", 10, 700) > FACE.width("Salary", 10, 400)
    missing = Face(("X",), ((400, (Path("/nonexistent.otf"),)),))
    assert missing.width("abcd", 10) == 4 * 10 * 0.56


def benchmark_segments(svg: str) -> list[tuple[float, float, float]]:
    """(x, top, bottom) of each drawn piece of the chart's dashed benchmark line (the legend's
    sample, in a group of its own, aside)."""
    root = ElementTree.fromstring(svg)
    return [
        (float(node.get("x1", "0")), float(node.get("y1", "0")), float(node.get("y2", "0")))
        for node in root.findall(f"{SVG}line")
        if node.get("stroke-dasharray") == "2.5 2"
    ]


def ticks(svg: str) -> list[tuple[float, float, float]]:
    """(x, top, bottom) of each median tick (the legend's sample aside)."""
    root = ElementTree.fromstring(svg)
    return [
        (float(node.get("x1", "0")), float(node.get("y1", "0")), float(node.get("y2", "0")))
        for node in root.findall(f"{SVG}line")
        if node.get("stroke-width") == "2.5"
    ]


def test_a_median_printed_elsewhere_is_marked_and_named_without_its_figure() -> None:
    """The glance page prints the median in its quick facts: its pay band marks the median with
    its tick, named above it and in the legend, and does not print the figure again (review 7:
    the band had no median mark)."""
    svg = role_chart(median_figure=False, marks=[])
    words = words_of(svg)
    assert "$105,000" not in words and words.count("Median") == 2  # above the tick, the legend
    (tick,) = ticks(svg)
    (named,) = [n for n in texts(svg) if n.text == "Median" and float(n.get("y", "0")) < tick[1]]
    x, y = float(named.get("x", "0")), float(named.get("y", "0"))
    assert abs(x - tick[0]) < 1 and tick[1] - y < 5  # centred just above it
    assert crossed(svg, [tick]) == []


def crossed(svg: str, lines: list[tuple[float, float, float]], pad: float = 1.0) -> list[str]:
    """Labels whose box one of ``lines`` runs through (or passes within ``pad`` pt of)."""
    return [
        node.text or ""
        for node, (left, upper, right, lower) in zip(texts(svg), label_boxes(svg), strict=True)
        for x, top, bottom in lines
        if upper < bottom and lower > top and left - pad < x < right + pad
    ]


def crossing_the_line(svg: str) -> list[str]:
    """Labels the benchmark line runs through (or passes within 1 pt of)."""
    return crossed(svg, benchmark_segments(svg))


def bar_lefts(svg: str) -> list[tuple[float, float]]:
    """(x, vertical centre) of each pay bar's left end (the legend's samples aside)."""
    root = ElementTree.fromstring(svg)
    return [
        (float(r.get("x", "0")), float(r.get("y", "0")) + float(r.get("height", "0")) / 2)
        for r in root.findall(f"{SVG}rect")
        if r.get("stroke")
    ]


def low_end_nodes(svg: str, lows: list[str]) -> list[ElementTree.Element]:
    """Each bar's low-end figure: the node of that text nearest the bar's left end."""
    nodes = texts(svg)
    return [
        min(
            (node for node in nodes if node.text == text),
            key=lambda node: (
                abs(float(node.get("x", "0")) - bar) + abs(float(node.get("y", "0")) - centre)
            ),
        )
        for text, (bar, centre) in zip(lows, bar_lefts(svg), strict=True)
    ]


def test_labels_keep_clear_of_the_benchmark_line() -> None:
    # A low end just above the benchmark (the review's sheet: $52,600 against $50,980): it
    # stays left of its bar, and the line breaks around it rather than run through it.
    svg = role_chart(low=52600, high=200440, median=104920, marks=[], benchmark=50980)
    assert crossing_the_line(svg) == []
    [low] = low_end_nodes(svg, ["$52,600"])
    assert low.get("text-anchor") == "end"
    [(bar, _)] = bar_lefts(svg)
    assert bar - 5 < float(low.get("x", "0")) < bar
    # The line still runs above and below it, down to the axis.
    assert len(benchmark_segments(svg)) >= 2
    # Four roles on one axis (the review's A3 comparison): nothing across the line.
    rows = [
        charts.PayRow("Business Intelligence and Reporting Data Analyst", 67240, 199130, 120230,
                      "$67,240", "$199,130"),
        charts.PayRow("User Experience (UX) Designer and Researcher", 55940, 188470, 116580,
                      "$55,940", "$188,470"),
        charts.PayRow("Customer Success Manager", 47880, 150010, 83050, "$47,880", "$150,010"),
        charts.PayRow("Strategic Account Manager", 52600, 200440, 104920, "$52,600", "$200,440"),
    ]  # fmt: skip
    for width in (500.0, 760.0):
        svg, _ = charts.pay_rows(
            rows, benchmark=50980, money=money, short=short, words=WORDS, style=STYLE,
            width=width, label_width=150.0, title="Salary",
        )  # fmt: skip
        assert crossing_the_line(svg) == [], width
        assert all(row.low_text in words_of(svg) for row in rows)


def test_the_german_sheets_low_end_stays_left_of_its_bar_clear_of_the_median_tick() -> None:
    """Review 5: "77.140 US$" went under its bar, on the axis rule, touching the median tick,
    as the benchmark line (50.980 US$) ran close to its place beside the bar."""

    def euro(value: float) -> str:
        return f"{value:,.0f} US$".replace(",", ".")

    svg = role_chart(low=77140, high=135140, median=102760, marks=[], benchmark=50980,
                     money=euro, middle=(86160, 121160), width=330.0)  # fmt: skip
    [low] = low_end_nodes(svg, ["77.140 US$"])
    [(bar, centre)] = bar_lefts(svg)[:1]
    assert low.get("text-anchor") == "end" and float(low.get("x", "0")) < bar
    assert abs(float(low.get("y", "0")) - 3 - centre) < 0.01  # on the bar's centre line
    assert crossed(svg, ticks(svg), pad=0.5) == [] and crossing_the_line(svg) == []


@settings(max_examples=120, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(8_000, 150_000), st.floats(0.2, 2.5), st.floats(0.05, 0.95)),
        min_size=2,
        max_size=4,
    ),
    st.floats(15_000, 120_000),
    st.floats(380, 900),
    st.floats(60, 160),
)
def test_pay_rows_low_ends_always_left_of_their_bars_and_nothing_crossed(
    spans: list[tuple[float, float, float]], benchmark: float, width: float, label_width: float
) -> None:
    """One place for every low end a reader sees (left of its bar, on its centre line); no
    label crossed by the benchmark line or a median tick, none touching another; a bar starting
    near zero moves the axis's zero right rather than its figure elsewhere."""
    rows = [
        charts.PayRow(f"Role {n}", low, low * (1 + spread), low + low * spread * at,
                      money(low), money(low * (1 + spread)))
        for n, (low, spread, at) in enumerate(spans)
    ]  # fmt: skip
    svg, _ = charts.pay_rows(
        rows, benchmark=benchmark, money=money, short=short, words=WORDS, style=STYLE,
        width=width, label_width=label_width, title="Salary",
    )  # fmt: skip
    lefts = bar_lefts(svg)
    for row, node, (bar, centre) in zip(
        rows, low_end_nodes(svg, [r.low_text for r in rows]), lefts, strict=True
    ):
        assert node.get("text-anchor") == "end", row
        assert bar - 4 < float(node.get("x", "0")) < bar, row
        assert abs(float(node.get("y", "0")) - 2.7 - centre) < 0.01, row
        assert (
            FACE.width(row.low_text, charts.SMALL)
            <= float(node.get("x", "0")) - (label_width - charts.NAME_GAP) + 0.01
        ), row  # clear of the role names
    assert crossing_the_line(svg) == []
    assert crossed(svg, ticks(svg), pad=0.3) == []
    boxes = label_boxes(svg)
    assert overlapping(boxes) == []


def test_every_rows_low_end_sits_in_the_same_place() -> None:
    """Review 4: "$52,600" inside its bar (the benchmark line ran just left of the bar) beside
    "$47,880" outside its own. Every row's low end takes one place, the same distance from its
    median figure's baseline and on the same side of its bar's left end, never crossed by the
    line."""
    rows = [
        charts.PayRow("Strategic Account Manager", 52600, 200440, 104920, "$52,600", "$200,440"),
        charts.PayRow("Customer Success Manager", 47880, 150010, 83050, "$47,880", "$150,010"),
        charts.PayRow("Electrician", 42640, 108510, 63190, "$42,640", "$108,510"),
    ]
    for width, benchmark in ((380.0, 50980.0), (500.0, 50980.0), (760.0, 50980.0),
                             (500.0, 20000.0)):  # fmt: skip
        svg, _ = charts.pay_rows(
            rows, benchmark=benchmark, money=money, short=short, words=WORDS, style=STYLE,
            width=width, label_width=120.0, title="Salary",
        )  # fmt: skip
        nodes = {node.text: node for node in texts(svg)}
        lows = [nodes[row.low_text] for row in rows]
        medians = [nodes[money(row.median or 0)] for row in rows]
        assert {node.get("text-anchor") for node in lows} == {"end"}, width
        drops = {round(float(low.get("y", "0")) - float(median.get("y", "0")), 2)
                 for low, median in zip(lows, medians, strict=True)}  # fmt: skip
        assert len(drops) == 1, (width, drops)
        assert not set(crossing_the_line(svg)) & {row.low_text for row in rows}, width
