"""The figures outputs share: key facts, the salary and demand charts, the QR code, the logo.

Charts are SVG shown as images (data URLs), each with alternative text that states its data.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass

import segno

from guidepress.content.brands import BrandKit
from guidepress.content.models.role import DEMAND_LEVELS, Role
from guidepress.i18n.formatting import Formatter
from guidepress.i18n.labels import Labels
from guidepress.render import charts
from guidepress.render.pay import Level, Pay


@dataclass(frozen=True)
class Chart:
    """An SVG chart as an image: data URL plus the alternative text that states its data."""

    src: str
    alt: str


def key_facts(role: Role, labels: Labels, fmt: Formatter) -> list[tuple[str, str]]:
    """The handful of figures a reader looks for first, as (label, value) pairs."""
    facts: list[tuple[str, str]] = []
    if role.salary and role.salary.median is not None:
        facts.append((labels.median_salary, fmt.money(role.salary.median)))
    if role.growth_rate is not None:
        facts.append((labels.growth_rate, fmt.percent(role.growth_rate)))
    if role.market_demand:
        facts.append((labels.market_demand, labels["demand_" + label_key(role.market_demand)]))
    if role.remote_friendly is not None:
        facts.append(
            (labels.remote, labels.answer_yes if role.remote_friendly else labels.answer_no)
        )
    return facts


def salary_chart(
    pay: Pay | None, labels: Labels, fmt: Formatter, brand: BrandKit, width: int = 640
) -> Chart | None:
    if pay is None:
        return None
    marks = [
        charts.Mark(
            labels["level_" + level.name] + (labels.estimated_suffix if level.estimated else ""),
            level.value,
        )
        for level in pay.levels
    ]
    if pay.benchmark is not None:
        marks.append(charts.Mark(labels.benchmark_short, pay.benchmark))
    coded = {getattr(pay, name) for name in pay.top_coded}

    def money(value: float) -> str:
        text = fmt.money(value)
        return labels.format("top_coded_short", amount=text) if value in coded else text

    top = None
    if pay.top_10_percent is not None and pay.top_10_percent > pay.high:
        top = (labels.top_10_short, pay.top_10_percent)
    svg = charts.salary_band(
        pay.low,
        pay.high,
        pay.median,
        marks,
        money,
        fmt.money_short,
        labels.median,
        top,
        palette_of(brand),
        width,
    )
    if pay.ends == "percentiles":
        alt = labels.format(
            "official_chart_alt", area=pay.area or "", low=money(pay.low), high=money(pay.high)
        )
    else:
        alt = labels.format("salary_chart_alt", low=fmt.money(pay.low), high=fmt.money(pay.high))
    parts = [alt]
    if pay.median is not None:
        parts.append(f"{labels.median}: {money(pay.median)}")
    parts += [f"{m.label}: {money(m.value)}" for m in marks]
    return Chart(data_url(svg), ". ".join(parts) + ".")


def _estimated(level: Level, labels: Labels) -> str:
    return labels.estimated_suffix if level.estimated else ""


def demand_chart(role: Role, labels: Labels, brand: BrandKit) -> Chart | None:
    if role.market_demand is None:
        return None
    names = [labels["demand_" + label_key(level)] for level in DEMAND_LEVELS]
    value = labels["demand_" + label_key(role.market_demand)]
    svg = charts.demand_gauge(names, value, palette_of(brand))
    return Chart(data_url(svg), labels.format("demand_chart_alt", value=value))


def qr_chart(url: str, color: str, labels: Labels) -> Chart:
    """A vector QR code (segno) as an image whose alternative text names its target."""
    code = segno.make(url, error="m", micro=False)
    src = code.svg_data_uri(scale=4, border=0, dark=color, light=None, xmldecl=False)
    return Chart(src, labels.format("qr_alt", url=url))


def logo_data_url(brand: BrandKit) -> str | None:
    # Inlined so that HTML output is self-contained and the renderer fetches nothing for it.
    if brand.brand.logo is None or brand.folder is None:
        return None
    path = brand.folder / brand.brand.logo
    mime = "image/svg+xml" if path.suffix.lower() == ".svg" else "image/png"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def palette_of(brand: BrandKit) -> charts.Palette:
    colors = brand.brand.colors
    return charts.Palette(colors.primary, colors.accent, colors.text, colors.muted)


def data_url(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def label_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
