"""The figures outputs share: key facts, ratings, the charts (pay, growth, demand), the QR code and
the logo. One function per chart, called from one place per output kind.

Charts are SVG shown as images (data URLs) at their printed size, each with alternative text
that states its data, a caption saying what it shows and a source line saying where its figures
come from. No figure is printed twice on one chart; estimates are drawn hollow and said to be
estimates once, in the legend.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from xml.etree import ElementTree

import segno
from babel import Locale
from babel.numbers import get_currency_name

from guidepress.content.brands import BrandKit
from guidepress.content.models.role import DEMAND_LEVELS, Role
from guidepress.i18n.formatting import Formatter
from guidepress.i18n.labels import Labels
from guidepress.paper import PT_PER_MM
from guidepress.render import charts
from guidepress.render.citations import has_source_page
from guidepress.render.pay import Growth, Pay
from guidepress.render.typefaces import face_of
from guidepress.theme.lookup import Theme


@dataclass(frozen=True)
class Chart:
    """An SVG chart as an image printed ``width_mm`` wide: data URL, the alternative text that
    states its data, what it shows (caption) and where its figures come from (source)."""

    src: str
    alt: str
    width_mm: float
    height_mm: float
    caption: str | None = None
    cited: str | None = None  # where its figures come from ("the role's source page; ...")

    @property
    def source(self) -> str | None:
        """The source line printed under the chart."""
        return None if self.cited is None else f"{self._source_word} {self.cited}."

    _source_word: str = "Source:"


@dataclass(frozen=True)
class Rating:
    """A rating as printed: its words in the output's language and, when the words are one the
    catalogue knows, its place on a four-step scale (1 to 4, halves between two steps)."""

    text: str
    level: float | None

    @property
    def dots(self) -> list[str]:
        """The four dots of its scale: "full", "half" or "empty"."""
        if self.level is None:
            return []
        return [
            "full" if self.level >= i else "half" if self.level >= i - 0.5 else "empty"
            for i in range(1, 5)
        ]


#: Rating words the catalogue translates, with their place on a four-step scale.
STRESS: dict[str, float] = {
    "low": 1, "low to moderate": 1.5, "moderate": 2, "moderate to high": 2.5, "high": 3,
    "high to very high": 3.5, "very high": 4,
}  # fmt: skip
BALANCE: dict[str, float] = {
    "poor": 1, "challenging": 1.5, "fair": 2, "moderate": 2, "good": 3, "very good": 3.5,
    "excellent": 4,
}  # fmt: skip
DEMAND: dict[str, float] = {level.lower(): i for i, level in enumerate(DEMAND_LEVELS, start=1)}


def rating(value: str | None, kind: str, labels: Labels) -> Rating | None:
    """``role.stress_level`` (``kind`` "stress"), ``balance_rating`` ("balance") or
    ``market_demand`` ("demand") in the output's language, on its scale when known; a value the
    catalogue does not know is printed as written, without a scale."""
    if value is None:
        return None
    scales: dict[str, dict[str, float]] = {"stress": STRESS, "balance": BALANCE, "demand": DEMAND}
    scale = scales[kind]
    key = " ".join(value.lower().replace("-", " ").split())
    if key not in scale:
        return Rating(value, None)
    return Rating(labels[f"{kind}_{label_key(key)}"], scale[key])


def key_facts(role: Role, labels: Labels, fmt: Formatter) -> list[tuple[str, str]]:
    """The handful of figures a reader looks for first, as (label, value) pairs."""
    facts: list[tuple[str, str]] = []
    if role.salary and role.salary.median is not None:
        facts.append((labels.median_salary, fmt.money(role.salary.median)))
    if role.growth_rate is not None:
        facts.append((labels.growth_rate, fmt.percent(role.growth_rate)))
    demand = rating(role.market_demand, "demand", labels)
    if demand:
        facts.append((labels.market_demand, demand.text))
    if role.remote_friendly is not None:
        facts.append(
            (labels.remote, labels.answer_yes if role.remote_friendly else labels.answer_no)
        )
    return facts


def chart_style(brand: BrandKit, theme: Theme) -> charts.Style:
    """Charts in the brand's colours and body face."""
    return charts.Style(brand.palette, face_of(brand, theme))


def _pt(mm: float) -> float:
    return mm * PT_PER_MM


def _chart(
    svg: str,
    height_pt: float,
    alt: str,
    width_mm: float,
    labels: Labels,
    caption: str | None = None,
    cited: str | None = None,
) -> Chart:
    return Chart(
        data_url(svg),
        alt,
        width_mm,
        round(height_pt / PT_PER_MM, 2),
        caption=caption,
        cited=cited,
        _source_word=labels.source_word,
    )


def pay_caption(pay: Pay, labels: Labels, locale: str) -> str:
    """What a pay chart shows: "Annual pay in US dollars, United States"."""
    currency = get_currency_name(pay.currency, count=2, locale=locale)
    period = labels["salary_period_" + pay.period]
    if pay.area:
        area = area_name(pay.area, locale)
        return labels.format("pay_caption", period=period, currency=currency, area=area)
    return labels.format("pay_caption_no_area", period=period, currency=currency)


def area_name(area: str, locale: str) -> str:
    """A region as written in a role file, a country code ("US", "DE") named in the locale."""
    if re.fullmatch(r"[A-Z]{2}", area):
        name = Locale.parse(locale).territories.get(area)
        if name:
            return str(name)
    return area


def pay_source(pay: Pay, labels: Labels, fmt: Formatter) -> str:
    """Where a pay chart's figures come from, the benchmark's included."""
    if pay.source:
        text = pay.source
    elif pay.retrieved:
        text = labels.format("source_page_retrieved", date=fmt.date(pay.retrieved))
    else:
        text = labels.source_page
    benchmark = pay.benchmark
    if benchmark is not None and benchmark.source and benchmark.source != pay.source:
        text += "; " + labels.format("benchmark_source", source=benchmark.source)
    return text


def _pay_words(pay: Pay, labels: Labels, fmt: Formatter) -> charts.PayWords:
    benchmark = None
    if pay.benchmark is not None:
        benchmark = (
            labels.format("benchmark_pay", area=area_name(pay.benchmark.area, fmt.locale))
            if pay.benchmark.area
            else labels.all_occupations
        )
    percentiles = pay.ends == "percentiles"
    return charts.PayWords(
        median=labels.median,
        range=labels.pay_percentiles if percentiles else labels.pay_range,
        middle=labels.pay_middle if percentiles else None,
        estimated=labels.levels_estimated,
        benchmark=benchmark,
        top=labels.top_10_short,
    )


def _money(pay: Pay, fmt: Formatter, labels: Labels, field: str, value: float) -> str:
    text = fmt.money(value)
    return labels.format("or_more", amount=text) if field in pay.top_coded else text


def _value(pay: Pay, field: str) -> float | None:
    """The figure of one of ``pay``'s fields, the benchmark's included."""
    if field == "benchmark":
        return pay.benchmark.value if pay.benchmark else None
    value: float | None = getattr(pay, field)
    return value


def salary_chart(
    pay: Pay | None,
    labels: Labels,
    fmt: Formatter,
    style: charts.Style,
    width_mm: float,
    median_figure: bool = True,
) -> Chart | None:
    """One role's pay: range (or percentiles), median, levels, top decile and benchmark, each
    figure printed once (the median marked and named only, without ``median_figure``)."""
    if pay is None:
        return None
    shown = {pay.low, pay.high} | ({pay.median} if pay.median is not None else set())
    marks = [
        charts.Mark(
            labels["level_" + level.name],
            level.value,
            level.estimated,
            None if level.value in shown else fmt.money(level.value),
        )
        for level in pay.levels
    ]
    top = pay.top_10_percent
    if top is not None and top <= pay.high:
        top = None  # "the top 10 % earn from the maximum" says nothing the bar does not
    middle = (pay.p25, pay.p75) if pay.p25 is not None and pay.p75 is not None else None
    words = _pay_words(pay, labels, fmt)
    coded = {_value(pay, name) for name in pay.top_coded}

    def money(value: float) -> str:  # in the chart: "≥ $239,200" for a top-coded figure
        text = fmt.money(value)
        return labels.format("top_coded_short", amount=text) if value in coded else text

    svg, height = charts.pay_chart(
        low=pay.low,
        high=pay.high,
        median=pay.median,
        middle=middle,
        marks=marks,
        top=top,
        benchmark=pay.benchmark.value if pay.benchmark else None,
        money=money,
        short=fmt.money_short,
        words=words,
        style=style,
        width=_pt(width_mm),
        title=labels.salary_band,
        median_figure=median_figure,
    )
    low, high = _money(pay, fmt, labels, "low", pay.low), _money(pay, fmt, labels, "high", pay.high)
    if pay.ends == "percentiles":
        area = area_name(pay.area, fmt.locale) if pay.area else ""
        parts = [labels.format("official_chart_alt", area=area, low=low, high=high)]
    else:
        parts = [f"{words.range}: {labels.format('range_short', low=low, high=high)}"]
    if pay.median is not None:
        parts.append(f"{labels.median}: {_money(pay, fmt, labels, 'median', pay.median)}")
    parts += [
        f"{m.name}{labels.estimated_suffix if m.estimated else ''}: {fmt.money(m.value)}"
        for m in marks
    ]
    if top is not None:
        parts.append(f"{labels.top_10_short}: {fmt.money(top)}")
    if words.benchmark and pay.benchmark is not None:
        value = _money(pay, fmt, labels, "benchmark", pay.benchmark.value)
        parts.append(f"{words.benchmark}: {value}")
    return _chart(
        svg,
        height,
        ". ".join(parts) + ".",
        width_mm,
        labels,
        caption=pay_caption(pay, labels, fmt.locale),
        cited=pay_source(pay, labels, fmt),
    )


def growth_chart(
    growth: Growth | None,
    labels: Labels,
    fmt: Formatter,
    style: charts.Style,
    width_mm: float,
) -> Chart | None:
    """The role's projected growth as a bar beside the all-occupations bar."""
    if growth is None:
        return None
    bars = [(labels.this_role, growth.rate, fmt.percent(growth.rate), False)]
    benchmark = growth.benchmark
    if benchmark is not None:
        bars.append((labels.all_occupations, benchmark.value, fmt.percent(benchmark.value), True))
    svg, height = charts.growth_bars(
        bars, style=style, width=_pt(width_mm), title=labels.growth_rate
    )
    alt = ". ".join(f"{label}: {text}" for label, _, text, _ in bars) + "."
    return _chart(
        svg,
        height,
        alt,
        width_mm,
        labels,
        caption=growth_caption(growth, labels),
        cited=growth_source(growth, labels),
    )


def growth_caption(growth: Growth, labels: Labels) -> str:
    if growth.period:
        return labels.format("growth_caption", period=growth.period)
    return labels.growth_caption_no_period


def growth_source(growth: Growth, labels: Labels) -> str:
    """Where a growth chart's figures come from, the benchmark's included."""
    text = labels.source_page
    if growth.sources:
        text = labels.format("source_page_citing", sources=", ".join(growth.sources))
    benchmark = growth.benchmark
    if benchmark is not None and benchmark.source:
        where = benchmark.source
        if benchmark.period and benchmark.period not in where:
            where = f"{where}, {benchmark.period}"
        text += "; " + labels.format("benchmark_source", source=where)
    return text


def demand_chart(role: Role, labels: Labels, style: charts.Style, width_mm: float) -> Chart | None:
    """Market demand on a labelled four-step scale."""
    demand = rating(role.market_demand, "demand", labels)
    if demand is None or demand.level is None:
        return None
    steps = [labels["demand_" + label_key(level)] for level in DEMAND_LEVELS]
    svg, height = charts.step_scale(
        steps, int(demand.level) - 1, style=style, width=_pt(width_mm), title=labels.market_demand
    )
    return _chart(
        svg,
        height,
        labels.format("demand_chart_alt", value=demand.text),
        width_mm,
        labels,
        cited=labels.source_page,
    )


class SourceNamed(Labels):
    """The catalogue with the words for "the role's source page" replaced: by the page's
    publisher and title ("Jobicy, Strategic Account Manager Career Path Guide") when the role
    names one, by the editors' own profile of the role when it has no source page at all (a
    figure then cites the outlook's sources themselves where it has them)."""

    def __init__(self, base: Labels, name: str | None) -> None:
        super().__init__(base.locale, {})
        self._base, self._name = base, name

    def __getitem__(self, key: str) -> str:
        if self._name is None:  # no source page: the editors' profile, or what it cites
            if key in ("source_page", "source_page_retrieved"):
                return self._base["source_profile"]
            if key == "source_page_citing":
                return "{sources}"
            return self._base[key]
        if key == "source_page":
            return self._name
        if key in ("source_page_retrieved", "source_page_citing"):
            escaped = self._name.replace("{", "{{").replace("}", "}}")
            return self._base[key.replace("page", "named")].replace("{name}", escaped)
        return self._base[key]

    def __contains__(self, key: object) -> bool:
        return key in self._base

    def get(self, key: str, default: str) -> str:
        return self[key] if key in self._base else default


def source_labels(labels: Labels, role: Role) -> Labels:
    """The catalogue a role's charts cite with: its source page named by publisher and title,
    left as "the role's source page" when only its address or file is known (the sources list
    cites it), and never claimed when the role has no source page."""
    p = role.provenance
    name = ", ".join(part for part in (p.publisher, p.title) if part)
    if name:
        return SourceNamed(labels, name)
    return labels if has_source_page(role) else SourceNamed(labels, None)


def qr_chart(url: str, color: str, labels: Labels, size_mm: float) -> Chart:
    """A vector QR code (segno) as an image whose alternative text names its target."""
    code = segno.make(url, error="m", micro=False)
    src = code.svg_data_uri(scale=4, border=0, dark=color, light=None, xmldecl=False)
    return Chart(src, labels.format("qr_alt", url=url), size_mm, size_mm)


def logo_data_url(brand: BrandKit) -> str | None:
    # Inlined so that HTML output is self-contained and the renderer fetches nothing for it.
    if brand.brand.logo is None or brand.folder is None:
        return None
    path = brand.folder / brand.brand.logo
    mime = "image/svg+xml" if path.suffix.lower() == ".svg" else "image/png"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def logo_min_height_mm(brand: BrandKit, smallest_pt: float) -> float:
    """How tall the brand's logo must print for the smallest text drawn in it (an SVG logo's
    <text>, like a subtitle under the name, or outlined words whose group declares the size
    they were set at: ``<g font-size="21.5">``) to reach ``smallest_pt``; 0 for a logo without
    text. A logo's words are words on the page: they keep to the type floor like any label."""
    if brand.brand.logo is None or brand.folder is None:
        return 0.0
    path = brand.folder / brand.brand.logo
    if path.suffix.lower() != ".svg":
        return 0.0
    try:
        root = ElementTree.fromstring(path.read_bytes())
    except ElementTree.ParseError:
        return 0.0
    box = (root.get("viewBox") or "").replace(",", " ").split()
    height = _number(box[3]) if len(box) == 4 else _number(root.get("height"))
    sizes = [
        _number(node.get("font-size"))
        for node in root.iter()
        if node.tag.rsplit("}", 1)[-1] in ("text", "tspan", "g") and node.get("font-size")
    ]
    sizes = [size for size in sizes if size > 0]
    if not height or not sizes:
        return 0.0
    return smallest_pt * height / min(sizes) / PT_PER_MM


def _number(text: str | None) -> float:
    match = re.match(r"\s*([0-9.]+)", text or "")
    return float(match.group(1)) if match else 0.0


def data_url(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def label_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
