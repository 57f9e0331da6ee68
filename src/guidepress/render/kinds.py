"""The output kinds, one record each: adding a kind is one record here, its context module and
its template.

A record says everything the rest of guidepress needs to know of a kind: its name (``--kind``, the
manifest's ``kind``), the folder its outputs go to, its top template and stylesheets, whether its
subject is a role or a comparison, how to build its template context, and for one-page kinds how
they are fitted and what to say when they do not fit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal, get_args

from guidepress.content.brands import BrandKit
from guidepress.content.models.config import KindName
from guidepress.render import booklet, catalogue, compare, guide, sheet
from guidepress.render.compare_estimate import compare_estimate
from guidepress.render.context import OnePage, Options, PageContext, RenderedHtml, Subject
from guidepress.render.estimate import Estimator, sheet_estimate
from guidepress.render.template import render_template
from guidepress.theme.lookup import Theme

ContextBuilder = Callable[[Subject, BrandKit, Theme, Options], PageContext]


@dataclass(frozen=True)
class Kind:
    name: str  # --kind, config ``kinds``, the manifest's ``kind``
    folder: str  # outputs go to <output>/<folder>/
    template: str  # the top template in templates/
    stylesheets: tuple[str, ...]  # in styles/, in cascade order
    #: One output per role, per comparison, per booklet (guidepress.yaml's ``booklets``) or one
    #: for the whole project.
    subject: Literal["role", "comparison", "booklet", "project"]
    context: ContextBuilder
    cost: float = 1.0  # rough relative build time, to start the longest outputs first
    #: The formats it is made in; asked for another, it is made in the first.
    formats: tuple[str, ...] = ("pdf", "html", "png")
    #: Options (build/outputs.py's AXES) that do not change this kind: its outputs have None
    #: there, and one output stands for every value.
    ignores: frozenset[str] = frozenset()
    #: Made after every other output of the build, from their manifest entries (a catalogue).
    after_documents: bool = False
    one_page: OnePage | None = None  # fitted on exactly one page when set
    #: (subject, excess, paper, heights of the last layout's fit rows and columns in mm)
    too_long: Callable[[Subject, float, str, Mapping[str, float]], str] | None = None
    landscape: Callable[[Subject, str], bool] = lambda subject, paper: False  # turned sideways
    papers: tuple[str, ...] = ("a4", "letter")  # what it prints on
    #: One-page kinds: the content height at each (level, scale) before any layout, so that
    #: fitting's first layout is the one predicted to fit (render/estimate.py and
    #: compare_estimate.py).
    estimate: Callable[[Subject, BrandKit, Theme, Options], Estimator] | None = None

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
            estimate=sheet_estimate,
        ),
        Kind(
            name="compare",
            folder="comparisons",
            template="compare.html.j2",
            stylesheets=("base.css", "one-page.css", "compare.css"),
            subject="comparison",
            context=compare.compare_context,
            ignores=frozenset({"audience"}),
            one_page=compare.PAGE,
            too_long=compare.too_long,
            landscape=compare.is_landscape,
            papers=("a4", "letter", "a3", "tabloid"),
            estimate=compare_estimate,
        ),
        Kind(
            name="booklet",
            folder="booklets",
            template="booklet.html.j2",
            stylesheets=("base.css", "guide.css", "booklet.css"),
            subject="booklet",
            context=booklet.booklet_context,
            cost=20.0,
            # Laid out piece by piece and joined page by page: a PDF, or its pages drawn.
            formats=("pdf", "png"),
        ),
        Kind(
            name="catalogue",
            folder="",  # index.html at the top of the output folder
            template="catalogue.html.j2",
            stylesheets=("catalogue.css",),
            subject="project",
            context=catalogue.catalogue_context,
            cost=0.1,
            # A web page for browsers, written as it is (build/catalogue.py): no paper, no PDF.
            formats=("html",),
            ignores=frozenset({"audience", "paper", "pdf_variant", "print_marks", "region"}),
            after_documents=True,
        ),
    )
}

# guidepress.yaml accepts a kind by name (content/models/config.py): a kind added here is named
# there too, or guidepress refuses to start.
if set(KINDS) != set(get_args(KindName)):
    raise RuntimeError(f"render.kinds.KINDS {sorted(KINDS)} differ from config.KindName")
