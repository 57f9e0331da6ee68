"""Stage 3: models in, HTML text out (Jinja2 with the theme, labels and charts)."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from guidepress import __version__, charts, overlays
from guidepress.errors import TemplateProblem
from guidepress.formatting import Formatter
from guidepress.inline_markdown import render_inline
from guidepress.labels import Labels, catalogue
from guidepress.models.role import DEMAND_LEVELS, Role
from guidepress.print_marks import BLEED_MM, SLUG_MM
from guidepress.project import BrandKit
from guidepress.sections import Section, guide_sections
from guidepress.theme import Theme

GUIDE_STYLES = ("base.css", "guide.css")

#: Role fields whose label key differs from the field name.
SECTION_LABEL_KEYS = {
    "education": "education_level",
    "tiers": "career_ladder",
    "salary": "salary_band",
    "remote_friendly": "remote",
}


@dataclass(frozen=True)
class Chart:
    """An SVG chart as an image: data URL plus the alternative text that states its data."""

    src: str
    alt: str


@dataclass(frozen=True)
class GuideContext:
    """Everything guide templates may use; templates and code agree on these names."""

    role: Role
    brand: BrandKit
    L: Labels
    fmt: Formatter
    locale: str
    paper: str
    edition: date
    sections: list[Section]
    logo: str | None
    salary_chart: Chart | None
    demand_chart: Chart | None
    print_marks: bool = False
    generator: str = f"guidepress {__version__}"
    facts: list[tuple[str, str]] = field(default_factory=list)
    untranslated: str | None = None  # the notice naming sections still in the source language
    foreign: dict[str, str] = field(default_factory=dict)  # section anchor -> its language tag


@dataclass(frozen=True)
class RenderedHtml:
    """The HTML of one output and the stylesheets that lay it out (in cascade order)."""

    html: str
    stylesheets: list[Path]


def render_guide(
    role: Role,
    brand: BrandKit,
    theme: Theme,
    *,
    locale: str,
    paper: str,
    edition: date,
    print_marks: bool = False,
) -> RenderedHtml:
    labels = catalogue(locale, theme.project_root)
    fmt = Formatter(locale, role.salary.currency if role.salary else "USD")
    context = GuideContext(
        role=role,
        brand=brand,
        L=labels,
        fmt=fmt,
        locale=locale,
        paper=paper,
        edition=edition,
        sections=guide_sections(role, labels),
        logo=logo_data_url(brand),
        salary_chart=salary_chart(role, labels, fmt, brand),
        demand_chart=demand_chart(role, labels, brand),
        facts=key_facts(role, labels, fmt),
        print_marks=print_marks,
        untranslated=overlays.notice(role, labels, "guide"),
        foreign=overlays.foreign_sections(role),
    )
    html = render_template(theme, "guide.html.j2", context)
    return RenderedHtml(html, [theme.style(name) for name in GUIDE_STYLES])


def render_template(theme: Theme, name: str, context: Any) -> str:
    """Render theme template ``name`` with ``context`` as ``ctx`` (and L, fmt, role)."""
    filters = theme.env.filters
    filters.update(
        md=render_inline,
        css_string=css_string,
        css_counters=css_counters,
        plain=plain_text,
        tint=tint,
        first_sentence=first_sentence,
        section_label=section_label,
    )
    theme.env.globals.update(bleed_mm=BLEED_MM, slug_mm=SLUG_MM)
    template = theme.template(name)
    try:
        role = getattr(context, "role", None)
        return template.render(ctx=context, L=context.L, fmt=context.fmt, role=role)
    except TemplateProblem:
        raise
    except jinja2.TemplateError as exc:
        raise TemplateProblem(f"templates/{name}: {exc}") from None


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
    role: Role, labels: Labels, fmt: Formatter, brand: BrandKit, width: int = 640
) -> Chart | None:
    salary = role.salary
    if salary is None or salary.min is None or salary.max is None:
        return None
    estimated = labels.estimated_suffix if salary.levels_estimated else ""
    marks = []
    if salary.levels is not None:
        for name in ("entry", "mid", "senior"):
            value = getattr(salary.levels, name)
            if value is not None:
                marks.append(charts.Mark(labels["level_" + name] + estimated, value))
    top = None
    if salary.top_10_percent is not None and salary.top_10_percent > salary.max:
        top = (labels.top_10_short, salary.top_10_percent)
    svg = charts.salary_band(
        salary.min,
        salary.max,
        salary.median,
        marks,
        fmt.money,
        fmt.money_short,
        labels.median,
        top,
        palette_of(brand),
        width,
    )
    parts = [
        labels.format("salary_chart_alt", low=fmt.money(salary.min), high=fmt.money(salary.max))
    ]
    if salary.median is not None:
        parts.append(f"{labels.median}: {fmt.money(salary.median)}")
    parts += [f"{m.label}: {fmt.money(m.value)}" for m in marks]
    return Chart(data_url(svg), ". ".join(parts) + ".")


def demand_chart(role: Role, labels: Labels, brand: BrandKit) -> Chart | None:
    if role.market_demand is None:
        return None
    names = [labels["demand_" + label_key(level)] for level in DEMAND_LEVELS]
    value = labels["demand_" + label_key(role.market_demand)]
    svg = charts.demand_gauge(names, value, palette_of(brand))
    return Chart(data_url(svg), labels.format("demand_chart_alt", value=value))


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


def css_string(text: str) -> Markup:
    """Quote text for use in CSS ``content`` (escaped for CSS, and safe inside HTML <style>)."""
    escaped = "".join(
        ch if ch.isalnum() or ch in " .,:;!?()-'" else f"\\{ord(ch):x} " for ch in str(text)
    )
    return Markup(f'"{escaped}"')


def css_counters(text: str) -> Markup:
    """``Page {page} of {pages}`` -> ``"Page " counter(page) " of " counter(pages)``."""
    out: list[str] = []
    for part in re.split(r"(\{page\}|\{pages\})", str(text)):
        if part == "{page}":
            out.append("counter(page)")
        elif part == "{pages}":
            out.append("counter(pages)")
        elif part:
            out.append(str(css_string(part)))
    return Markup(" ".join(out))


def plain_text(text: str | None) -> str:
    """Inline Markdown reduced to its words, for metadata and alt text."""
    return render_inline(text).striptags() if text else ""


def tint(color: str, amount: float) -> str:
    """Mix a #rrggbb colour with white; ``amount`` 0 keeps it, 1 gives white."""
    value = color.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    channels = [int(value[i : i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in channels)


def first_sentence(text: str) -> str:
    """The summary's first sentence, for the cover's one-line summary."""
    match = re.match(r"(.+?[.!?])(\s|$)", str(text), re.S)
    return match.group(1) if match else str(text)


def section_label(name: str, labels: Labels) -> str:
    """A role field name (as in provenance.missing_sections) as the heading readers know."""
    key = SECTION_LABEL_KEYS.get(name, name)
    try:
        return labels[key]
    except TemplateProblem:
        return name.replace("_", " ").capitalize()
