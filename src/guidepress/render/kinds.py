"""The output kinds, one record each: adding a kind is one record here, its context module and
its template.

A record says everything the rest of guidepress needs to know of a kind: its name (``--kind``, the
manifest's ``kind``), the folder its outputs go to, its top template and stylesheets, whether its
subject is a role or a comparison, how to build its template context, and for one-page kinds how
they are fitted and what to say when they do not fit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, get_args

from guidepress.content.brands import BrandKit
from guidepress.content.models.config import KindName
from guidepress.render import compare, guide, sheet
from guidepress.render.context import OnePage, Options, PageContext, RenderedHtml, Subject
from guidepress.render.template import render_template
from guidepress.theme.lookup import Theme

ContextBuilder = Callable[[Subject, BrandKit, Theme, Options], PageContext]


@dataclass(frozen=True)
class Kind:
    name: str  # --kind, config ``kinds``, the manifest's ``kind``
    folder: str  # outputs go to <output>/<folder>/
    template: str  # the top template in templates/
    stylesheets: tuple[str, ...]  # in styles/, in cascade order
    subject: Literal["role", "comparison"]  # one output per role, or per comparison
    context: ContextBuilder
    cost: float = 1.0  # rough relative build time, to start the longest outputs first
    one_page: OnePage | None = None  # fitted on exactly one page when set
    too_long: Callable[[Subject, float, str], str] | None = None  # (subject, excess, paper)
    landscape: Callable[[Subject, str], bool] = lambda subject, paper: False  # turned sideways
    papers: tuple[str, ...] = ("a4", "letter")  # what it prints on

    def render(
        self, subject: Subject, brand: BrandKit, theme: Theme, options: Options
    ) -> RenderedHtml:
        """The HTML of one output of this kind and the stylesheets that lay it out."""
        html = render_template(theme, self.template, self.context(subject, brand, theme, options))
        return RenderedHtml(html, [theme.style(name) for name in self.stylesheets])


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            name="guide",
            folder="guides",
            template="guide.html.j2",
            stylesheets=("base.css", "guide.css"),
            subject="role",
            context=guide.guide_context,
            cost=4.0,
        ),
        Kind(
            name="sheet",
            folder="sheets",
            template="sheet.html.j2",
            stylesheets=("base.css", "one-page.css", "sheet.css"),
            subject="role",
            context=sheet.sheet_context,
            one_page=sheet.PAGE,
            too_long=sheet.too_long,
        ),
        Kind(
            name="compare",
            folder="comparisons",
            template="compare.html.j2",
            stylesheets=("base.css", "one-page.css", "compare.css"),
            subject="comparison",
            context=compare.compare_context,
            one_page=compare.PAGE,
            too_long=compare.too_long,
            landscape=compare.is_landscape,
            papers=("a4", "letter", "a3", "tabloid"),
        ),
    )
}

# guidepress.yaml accepts a kind by name (content/models/config.py): a kind added here is named
# there too, or guidepress refuses to start.
if set(KINDS) != set(get_args(KindName)):
    raise RuntimeError(f"render.kinds.KINDS {sorted(KINDS)} differ from config.KindName")
