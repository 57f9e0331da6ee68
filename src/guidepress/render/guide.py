"""The career guide's context: every section of one role, with its charts and key facts."""

from __future__ import annotations

from dataclasses import dataclass, field

from guidepress.content.brands import BrandKit
from guidepress.content.models import Role
from guidepress.paper import page_mm
from guidepress.render.context import Options, PageContext, Subject, page_context, shared
from guidepress.render.figures import (
    Chart,
    Rating,
    chart_style,
    demand_chart,
    growth_chart,
    key_facts,
    rating,
    salary_chart,
)
from guidepress.render.pay import growth_of_role, pay_of_role
from guidepress.render.regional import Regional, regional
from guidepress.render.regional import key_facts as regional_facts
from guidepress.render.sections import Section, guide_sections
from guidepress.render.translation import foreign_sections, guide_groups, notice
from guidepress.theme.lookup import Theme

#: The guide's side margins (styles/guide.css @page): charts print as wide as the text.
SIDE_MARGIN_MM = 18.0
#: The small charts beside text on the at-a-glance page.
SMALL_CHART_MM = 62.0


@dataclass(frozen=True, kw_only=True)
class GuideContext(PageContext):
    """Everything guide templates may use; templates and code agree on these names."""

    role: Role
    sections: list[Section]
    salary_chart: Chart | None
    growth_chart: Chart | None
    demand_chart: Chart | None
    stress: Rating | None
    balance: Rating | None
    facts: list[tuple[str, str]] = field(default_factory=list)
    foreign: dict[str, str] = field(default_factory=dict)  # section anchor -> its language tag
    regional: Regional | None = None  # a regional edition's official pay


def guide_context(
    subject: Subject, brand: BrandKit, theme: Theme, options: Options
) -> GuideContext:
    role = subject.role
    page = page_context(brand, theme, options, role.salary.currency if role.salary else "USD")
    labels, fmt = page.L, page.fmt
    style = chart_style(brand, theme)
    benchmarks = options.config.benchmarks
    text_mm = page_mm(options.paper)[0] - 2 * SIDE_MARGIN_MM
    facts = key_facts(role, labels, fmt)
    local = None
    if subject.official:
        local = regional(subject.official[0], role, labels, options.locale, style, text_mm)
    return GuideContext(
        **shared(page, untranslated=notice(role, labels, guide_groups())),
        role=role,
        sections=guide_sections(role, labels),
        salary_chart=local.chart
        if local
        else salary_chart(pay_of_role(role, benchmarks), labels, fmt, style, text_mm),
        growth_chart=growth_chart(
            growth_of_role(role, benchmarks), labels, fmt, style, SMALL_CHART_MM
        ),
        demand_chart=demand_chart(role, labels, style, SMALL_CHART_MM),
        stress=rating(role.stress_level, "stress", labels),
        balance=rating(role.balance_rating, "balance", labels),
        facts=regional_facts(facts, local, labels) if local else facts,
        foreign=foreign_sections(role),
        regional=local,
    )
