"""The catalogue's context: one web page listing every role with its first page, its key facts
and a link to each of its built outputs, in the brand's colours and fonts (the page's files are
beside it: nothing is fetched from elsewhere)."""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale
from markupsafe import Markup

from guidepress.content.brands import BrandKit
from guidepress.render.context import Options, PageContext, Subject, page_context, shared
from guidepress.render.shelf import Card, Link, Shelf
from guidepress.theme.lookup import Theme

#: Each kind's name on the page (a label key).
KIND_LABELS = {"guide": "career_guide", "sheet": "role_sheet", "compare": "comparison_sheet",
               "booklet": "booklet"}  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class CatalogueContext(PageContext):
    """What catalogue templates may use."""

    title: str
    shelf: Shelf
    facts: dict[str, list[tuple[str, str]]]  # each card's key facts, by slug
    css: Markup  # the theme's catalogue.css, set in the page

    @property
    def editions(self) -> list[str]:
        """The audiences the linked outputs are for, in their order on the page."""
        return self._values("audience")

    def _values(self, name: str) -> list[str]:
        links = [link for card in self.shelf.cards for link in card.links]
        found = (getattr(link, name) for link in [*links, *self.shelf.booklets])
        return list(dict.fromkeys(value for value in found if value))

    def kind(self, link: Link) -> str:
        """What a link leads to, e.g. "Career guide"."""
        return self.L[KIND_LABELS.get(link.kind, "career_guide")]

    def detail(self, link: Link) -> str:
        """What tells a link's output from the others, e.g. "Spanish · Employers · PDF · 4
        pages"."""
        words = [self._option(name, value) for name, value in link.options]
        # Where the page offers several brands or editions, the default ones are named too.
        named = dict(link.options)
        for name, value in (("audience", link.audience), ("brand", link.brand)):
            if value and name not in named and len(self._values(name)) > 1:
                words.insert(0, self._option(name, value))
        words.append(link.format.upper())
        if link.pages:
            pages = (
                self.L.page_one
                if link.pages == 1
                else self.L.format("pages_count", count=link.pages)
            )
            words.append(pages)
        return " · ".join(word for word in words if word)

    def audience(self, name: str) -> str:
        """An audience's name for readers."""
        own = self.shelf.audiences.get(name)
        if own:
            return own
        return self.L.get(f"audience_{name}", name)

    def _option(self, name: str, value: str) -> str:
        if name == "brand":
            return self.shelf.brands.get(value, value)
        if name == "locale":
            return language(value, self.locale)
        if name == "audience":
            return self.audience(value)
        if name == "paper":
            return self.L[f"paper_{value}"]
        if name == "print_marks":
            return self.L.print_version
        if name == "region":
            return self.L.format("regional_edition", area=value)
        return value.upper()  # a PDF variant: PDF/A-3U


def catalogue_context(
    subject: Subject, brand: BrandKit, theme: Theme, options: Options
) -> CatalogueContext:
    shelf = subject.catalogue
    if shelf is None:
        raise ValueError("the catalogue is made from the manifest: the subject carries its shelf")
    page = page_context(brand, theme, options, "USD")
    return CatalogueContext(
        **shared(page),
        title=subject.name,
        shelf=shelf,
        facts={card.slug: facts(card, page) for card in shelf.cards},
        css=Markup(theme.style("catalogue.css").read_text(encoding="utf-8")),
    )


def facts(card: Card, page: PageContext) -> list[tuple[str, str]]:
    """A card's key facts as the guide's cover prints them."""
    labels, found = page.L, []
    if card.median is not None:
        money = page.fmt.money(card.median, card.currency) if card.currency else str(card.median)
        label = labels.median_salary
        if card.area:  # official pay, as a regional edition's guide prints it
            label = labels.format("median_in_area", area=card.area)
        found.append((label, money))
    if card.growth is not None:
        found.append((labels.growth_rate, page.fmt.percent(card.growth)))
    if card.demand is not None:
        names = ("low", "moderate", "high", "very_high")
        found.append((labels.market_demand, labels[f"demand_{names[card.demand]}"]))
    if card.remote is not None:
        found.append((labels.remote, labels.answer_yes if card.remote else labels.answer_no))
    return found


def language(code: str, locale: str) -> str:
    """A locale's name in the catalogue's language, e.g. ``es`` -> Spanish."""
    try:
        return Locale.parse(code).get_display_name(Locale.parse(locale)) or code
    except (ValueError, LookupError):
        return code
