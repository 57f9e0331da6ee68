"""The role sheet's context: a recruiter one-pager of one role, at the scale fitting tries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from guidepress.content.brands import BrandKit
from guidepress.content.models import Role
from guidepress.paper import page_mm
from guidepress.render.context import (
    OnePage,
    OnePageContext,
    Options,
    Subject,
    page_context,
    shared,
)
from guidepress.render.figures import Chart, key_facts, qr_chart, salary_chart
from guidepress.render.pay import pay_of_role
from guidepress.render.regional import Regional, regional
from guidepress.render.regional import key_facts as regional_facts
from guidepress.render.translation import SHEET_GROUPS, notice
from guidepress.theme.lookup import Theme

#: The bottom band holds the footer with the QR code.
PAGE = OnePage(footer_mm=30.0, first_scale=0.85)
DEFAULT_PICKS = {
    "responsibilities": 5, "tech_skills": 5, "soft_skills": 4, "tech_stack": 8, "pros": 3,
    "cons": 3,
}  # fmt: skip

T = TypeVar("T")


@dataclass(frozen=True, kw_only=True)
class SheetContext(OnePageContext):
    """What sheet templates may use."""

    role: Role
    summary: str
    facts: list[tuple[str, str]]
    salary_chart: Chart | None
    picks: dict[str, list[object]]
    qr: Chart | None
    qr_url: str | None
    regional: Regional | None = None  # a regional edition's official pay


def picked(items: list[T], positions: list[int] | None, default: int) -> list[T]:
    """The items a sheet shows: the chosen 1-based positions, else the first ``default``."""
    if positions is None:
        return items[:default]
    return [items[p - 1] for p in positions if 0 < p <= len(items)]


def sheet_context(
    subject: Subject, brand: BrandKit, theme: Theme, options: Options
) -> SheetContext:
    role = subject.role
    page = page_context(brand, theme, options, role.salary.currency if role.salary else "USD")
    labels, fmt = page.L, page.fmt
    url = role.url or brand.brand.url
    facts = key_facts(role, labels, fmt)
    local = None
    if subject.official:
        local = regional(subject.official[0], role, labels, options.locale, brand, chart_width=440)
    return SheetContext(
        **shared(page, untranslated=notice(role, labels, SHEET_GROUPS)),
        scale=round(options.scale, 4),
        measure=options.measure,
        page_mm=page_mm(options.paper),
        margin_mm=PAGE.margin_mm,
        footer_mm=PAGE.footer_mm,
        role=role,
        summary=role.sheet.summary or role.summary,
        facts=regional_facts(facts, local, labels) if local else facts,
        salary_chart=local.chart
        if local
        else salary_chart(pay_of_role(role), labels, fmt, brand, width=440),
        picks={
            name: picked(getattr(role, name), getattr(role.sheet, name), count)
            for name, count in DEFAULT_PICKS.items()
        },
        qr=qr_chart(url, brand.brand.colors.text, labels) if url else None,
        qr_url=url,
        regional=local,
    )


def too_long(subject: Subject, excess: float, floor: float) -> str:
    """Say which of the sheet's texts to shorten, longest first, and roughly by how much."""
    role = subject.role
    sizes: dict[str, tuple[int, int]] = {}
    summary = role.sheet.summary or role.summary
    sizes["sheet.summary" if role.sheet.summary else "summary"] = (len(summary), 1)
    for name, default in DEFAULT_PICKS.items():
        items = picked(getattr(role, name), getattr(role.sheet, name), default)
        texts = [getattr(item, "name", item) for item in items]
        sizes[f"sheet.{name}"] = (sum(len(str(t)) for t in texts), len(texts))
    sizes["tiers"] = (sum(len(t.title) for t in role.tiers), len(role.tiers))
    longest = sorted(sizes.items(), key=lambda kv: -kv[1][0])[:2]
    advice = " or ".join(
        f"{name} ({chars} characters)"
        if name.endswith("summary")
        else f"{name} ({count} items, {chars} characters)"
        for name, (chars, count) in longest
    )
    return (
        f"role '{role.slug}' does not fit on one page even at {floor:.0%} type size "
        f"(about {excess:.0%} too long): shorten {advice}"
    )
