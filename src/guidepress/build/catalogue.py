"""The catalogue site, made: ``index.html`` at the top of the output folder (under a brand's
folder for another brand, ``index.es.html`` for another locale), listing every role with the
first page of its guide, its key facts and a link to each of its built outputs, and the
booklets.

It is made after the build's other outputs, from the folder's manifest (what this build made
and what earlier builds left), so it links only to files that are there. Its files are beside
it in ``index_files/`` (``index.es_files/``, ...): the first-page pictures (drawn from the
PDFs, kept under the PDF's digest so an unchanged PDF is not drawn again) and the fonts, so the
page works from ``file://`` and on any static host without fetching anything.
"""

from __future__ import annotations

import hashlib
import posixpath
import shutil
import time
from collections.abc import Mapping
from pathlib import Path

from guidepress.build.manifest import Entry
from guidepress.build.outputs import Output, defaults
from guidepress.build.regional import look_up
from guidepress.content.audiences import reader
from guidepress.content.booklets import booklets
from guidepress.content.brands import BrandKit
from guidepress.content.models.role import DEMAND_LEVELS
from guidepress.content.project import Project
from guidepress.errors import GuidepressError
from guidepress.files import output_file, write_atomic
from guidepress.paydata import PayFigures
from guidepress.render.context import Options, Subject
from guidepress.render.shelf import Card, Link, Shelf
from guidepress.theme.lookup import Theme

THUMBNAIL_WIDTH = 320  # px: shown at half that, sharp on high-density screens
#: The order of links on a card, by kind.
KIND_ORDER = ("guide", "sheet", "compare")
#: The theme's faces the page uses when the brand sets none: (file in styles/, weight, style).
THEME_FONTS = {
    "body": (
        ("fonts/Inter-Regular.otf", 400, "normal"),
        ("fonts/Inter-SemiBold.otf", 600, "normal"),
        ("fonts/Inter-Bold.otf", 700, "normal"),
    ),
    "heading": (("fonts/NotoSerif-Bold.ttf", 700, "normal"),),
}
THEME_LICENCES = ("fonts/LICENSE-Inter.txt", "fonts/LICENSE-NotoSerif.txt")


def make_catalogue(
    project: Project,
    theme: Theme,
    output: Output,
    output_dir: Path,
    entries: Mapping[str, Entry],
    inputs_hash: str | None = None,
) -> Entry:
    """Write the catalogue ``output`` from the folder's ``entries`` (by path); its manifest
    entry (failed, with the reason, when it could not be made)."""
    started = time.perf_counter()
    entry = output.entry(inputs_hash=inputs_hash)
    try:
        target = output_file(output_dir, output.path)
        folder = posixpath.dirname(output.path)
        assets = posixpath.basename(output.path).removesuffix(".html") + "_files"
        brand = project.brand(output.brand)
        usable = {
            path: e
            for path, e in entries.items()
            if e.status != "failed" and e.kind != output.kind and (output_dir / path).is_file()
        }
        shelf = Shelf(
            cards=tuple(_cards(project, output, output_dir, (folder, assets), usable)),
            booklets=tuple(
                _link(project, e, folder) for e in sorted(usable.values(), key=lambda e: e.path)
                if e.kind == "booklet"
            ),
            fonts=tuple(_fonts(brand, theme, output_dir, (folder, assets))),
            brands={name: project.brand(name).brand.name for name in project.brand_names()},
            audiences={name: a.title for name, a in project.config.audiences.items()},
        )  # fmt: skip
        options = Options(
            locale=output.locale,
            paper=project.config.paper,
            edition=project.build_date(),
            audience=reader(project.config, None),
        )
        subject = Subject(project.config.title, (), catalogue=shelf)
        html = output.record.render(subject, brand, theme, options).html
        _prune(output_dir, (folder, assets), shelf)
        data = html.encode("utf-8")
        write_atomic(target, data)
        entry.bytes, entry.sha256 = len(data), hashlib.sha256(data).hexdigest()
        entry.status = "built"
    except GuidepressError as exc:
        entry.error = str(exc)
    except OSError as exc:
        entry.error = f"cannot write the catalogue: {exc.strerror or exc}"
    entry.seconds = round(time.perf_counter() - started, 3)
    return entry


def official_pay(project: Project) -> dict[str, PayFigures]:
    """Each role's official pay in the project's default region (its guides print it), by
    slug; none when the project builds no regional editions."""
    region = defaults(project.config)["region"]
    if region is None:
        return {}
    regional = look_up(project, (region,), sorted(project.roles))
    return {slug: o.figures for (slug, _), o in regional.official.items()}


def _cards(
    project: Project,
    output: Output,
    output_dir: Path,
    place: tuple[str, str],
    entries: dict[str, Entry],
) -> list[Card]:
    folder = place[0]
    official = official_pay(project)
    cards = []
    for slug in sorted(project.roles, key=lambda s: project.roles[s].title.casefold()):
        role = project.localized(slug, output.locale)
        mine = [e for e in entries.values() if slug in e.roles and e.kind in KIND_ORDER]
        mine.sort(key=lambda e: (KIND_ORDER.index(e.kind), e.path))
        growth = role.outlook.growth_rate if role.outlook else None
        growth = role.growth_rate if growth is None else growth
        skills = [*role.tech_skills, *role.soft_skills, *(t.name for t in role.tech_stack)]
        words = " ".join([role.title, *role.alt_titles, role.summary, *skills]).casefold()
        cover = _cover(project, output, mine)
        pay = official.get(slug)  # the figures the guides print, where they are official
        cards.append(
            Card(
                slug=slug,
                title=role.title,
                summary=role.summary,
                alt_titles=tuple(role.alt_titles),
                median=pay.median if pay else role.salary.median if role.salary else None,
                currency=pay.currency if pay else role.salary.currency if role.salary else None,
                area=pay.area_name if pay else None,
                growth=growth,
                demand=DEMAND_LEVELS.index(role.market_demand) if role.market_demand else None,
                remote=role.remote_friendly,
                words=" ".join(words.split()),
                thumbnail=_thumbnail(output_dir, place, cover) if cover else None,
                links=tuple(_link(project, e, folder) for e in mine),
            )
        )
    return cards


def _cover(project: Project, output: Output, entries: list[Entry]) -> Entry | None:
    """The PDF whose first page stands for the role: its guide as the catalogue's brand and
    locale print it, for the default audience on the default paper, else the nearest."""
    default = defaults(project.config)
    pdfs = [e for e in entries if e.format == "pdf" and e.kind in ("guide", "sheet")]

    def distance(e: Entry) -> tuple[object, ...]:
        return (
            e.kind != "guide",
            e.brand != output.brand,
            e.locale != output.locale,
            e.audience != default["audience"],
            e.paper != default["paper"],
            bool(e.print_marks),
            e.pdf_variant != default["pdf_variant"],
            e.path,
        )

    return min(pdfs, key=distance, default=None)


def _thumbnail(output_dir: Path, place: tuple[str, str], entry: Entry) -> str:
    """The picture of ``entry``'s first page, drawn unless one of the same PDF is there."""
    from guidepress.pdf.images import thumbnail

    folder, assets = place
    rel = posixpath.join(folder, assets, "thumbs", f"{(entry.sha256 or '')[:20]}.png")
    target = output_file(output_dir, rel)
    if not target.is_file():
        write_atomic(target, thumbnail((output_dir / entry.path).read_bytes(), THUMBNAIL_WIDTH))
    return posixpath.relpath(rel, folder or ".")


def _title(project: Project, entry: Entry) -> str | None:
    """A comparison's or booklet's own title (a guide or sheet is its role's)."""
    name = posixpath.basename(entry.path).split(".")[0]
    if entry.kind == "compare":
        comparison = project.comparisons.get(name)
        if comparison is not None:
            return comparison.title
        return " · ".join(project.roles[s].title if s in project.roles else s for s in entry.roles)
    if entry.kind == "booklet":
        settings = booklets(project.config).get(name)
        return (settings.title if settings else None) or project.config.title
    return None


def _link(project: Project, entry: Entry, folder: str) -> Link:
    default = defaults(project.config)
    values = {
        "brand": entry.brand,
        "locale": entry.locale,
        "audience": entry.audience,
        "paper": entry.paper,
        "pdf_variant": entry.pdf_variant,
        "region": entry.region,
        "print_marks": entry.print_marks or None,
    }
    return Link(
        href=posixpath.relpath(entry.path, folder or "."),
        kind=entry.kind,
        options=tuple(
            (name, str(value))
            for name, value in values.items()
            if value is not None and value != default[name]
        ),
        format=entry.format,
        pages=entry.pages,
        bytes=entry.bytes,
        title=_title(project, entry),
        brand=entry.brand,
        audience=entry.audience,
        imposed=posixpath.relpath(entry.imposed, folder or ".") if entry.imposed else None,
    )


def _fonts(
    brand: BrandKit, theme: Theme, output_dir: Path, place: tuple[str, str]
) -> list[tuple[str, str, int, str]]:
    """Copy the page's fonts beside it: (family, href, weight, style) of each face."""
    folder, assets = place
    found = []
    for slot, family in (("body", "Catalogue Body"), ("heading", "Catalogue Heading")):
        font = getattr(brand.brand.fonts, slot)
        if font is not None and font.files and brand.folder is not None:
            faces = [(brand.folder / f, *font.face(f)) for f in font.files]
            extras = sorted({p for f, *_ in faces for p in f.parent.glob("*.txt")})
        else:
            faces = [
                (theme.style(name), weight, style) for name, weight, style in THEME_FONTS[slot]
            ]
            extras = [theme.style(name) for name in THEME_LICENCES]
        for source in [f for f, *_ in faces] + extras:
            rel = posixpath.join(folder, assets, "fonts", source.name)
            target = output_file(output_dir, rel)
            if not target.is_file() or target.stat().st_size != source.stat().st_size:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
        for source, weight, style in faces:
            href = posixpath.join(assets, "fonts", source.name)
            found.append((family, href, weight, style))
    return found


def _prune(output_dir: Path, place: tuple[str, str], shelf: Shelf) -> None:
    """Remove first-page pictures no card shows any more."""
    thumbs = output_dir / place[0] / place[1] / "thumbs"
    used = {posixpath.basename(card.thumbnail) for card in shelf.cards if card.thumbnail}
    if thumbs.is_dir():
        for picture in thumbs.glob("*.png"):
            if picture.name not in used:
                picture.unlink(missing_ok=True)
