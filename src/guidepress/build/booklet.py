"""A booklet, made: its pieces laid out one by one and joined into one PDF.

The front (cover, contents) is laid out first to count its pages; then each chapter, numbered on
from the pages before it; then the index of skills and tools; then the end (designed pages up to
a multiple of ``pages_multiple``, the back cover); then the front again with the chapters'
pages. The pieces' PDFs are joined with their structure, links and bookmarks (pdf/merge.py).

Every piece goes through the chapter cache (``<output>/.cache/chapters``): its PDF is kept under
the digest of everything its layout depends on (its HTML, which holds the role, the labels, the
brand's colours and its first page number; the stylesheets and theme files; the brand's files;
WeasyPrint's and guidepress's versions), so a piece is laid out again only when one of these
changed. A changed role lays out its chapter, and the chapters after it if its page count
changed (their page numbers moved), the index if a page of it changed, the front if a chapter
moved.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from guidepress.build.book_index import index
from guidepress.build.chapters import Made, keep, kept, record_use
from guidepress.build.inputs import package_hash
from guidepress.build.outputs import Output
from guidepress.content.audiences import for_audience, reader
from guidepress.content.booklets import booklets, groups
from guidepress.content.brands import BrandKit
from guidepress.content.models import Role
from guidepress.content.project import Project
from guidepress.errors import RenderError
from guidepress.pdf.engine import ENGINE, layout, write_pdf
from guidepress.pdf.locate import items_on_pages
from guidepress.pdf.merge import join
from guidepress.pdf.paginate import end_panels, paginate
from guidepress.render.context import Official, Options, Subject
from guidepress.render.kinds import KINDS
from guidepress.render.pieces import Chapter, Piece
from guidepress.theme.lookup import Theme

#: The widest page number a contents entry is laid out with before the real ones are known.
_PLACEHOLDER = 888


def _median(role: Role, official: Official | None) -> tuple[float | None, str | None]:
    """The median pay the role's chapter prints, for the cover's range: a regional edition's
    official annual median (an hourly or top-coded one is left out), else the role's own."""
    if official is not None:
        figures = official.figures
        printable = figures.period == "annual" and "median" not in figures.top_coded
        return (figures.median, figures.currency) if printable else (None, None)
    salary = role.salary
    return (salary.median, salary.currency) if salary and salary.median else (None, None)


def produce_booklet(
    project: Project,
    theme: Theme,
    output: Output,
    options: Options,
    allowed: list[Path],
    cache: Path | None,
    official: tuple[Official, ...] = (),
) -> tuple[bytes, int]:
    """The booklet ``output``'s PDF and its page count; ``cache``: the chapter cache's folder
    (None: none); ``official``: a regional booklet's official pay, per role of ``output``."""
    config = project.config
    settings = booklets(config)[output.subject]
    name = reader(config, output.audience).name
    roles = {
        slug: for_audience(project.localized(slug, output.locale), name)
        for slug in output.roles
        if slug in project.roles
    }
    brand = project.brand(output.brand)
    kind = KINDS[output.kind]
    pay = dict(zip(output.roles, official, strict=False))
    number = 0
    chapters = []
    for group in groups(settings, roles):
        for slug in group.roles:
            number += 1
            role = roles[slug]
            median = _median(role, pay.get(slug))
            chapters.append(
                Chapter(slug, number, role.title, role.summary, group.title, 0, *median)
            )
    if not chapters:
        raise RenderError(f"booklet '{output.subject}' has no roles to print")
    base = Piece(
        "front",
        settings.title or config.title,
        settings.subtitle,
        settings.intro,
        tuple(replace(c, page=_PLACEHOLDER) for c in chapters),
        index_page=_PLACEHOLDER,
        onet=any(found.onet for found in pay.values()),
    )
    environment = _environment(theme, kind.stylesheets, brand, output)
    keys: list[str] = []

    def made(piece: Piece, subject_roles: tuple[Role, ...] = ()) -> Made:
        """The piece laid out, or as kept from a build that laid out the same HTML."""
        own = tuple(pay[role.slug] for role in subject_roles if role.slug in pay)
        subject = Subject(output.subject, subject_roles, official=own, booklet=piece)
        rendered = kind.render(subject, brand, theme, options)
        # Where the project lies is no part of the key: a copy of the folder (a CI checkout
        # elsewhere) finds its pieces (the HTML names brand fonts by their file URLs).
        where = rendered.html.replace(project.root.resolve().as_uri(), "project:")
        key = hashlib.sha256(f"{environment}\n{where}".encode()).hexdigest()
        keys.append(key)
        found = kept(cache, key)
        if found is None:
            laid = layout(rendered.html, rendered.stylesheets, allowed=allowed)
            if piece.part == "chapter":  # a chapter is paginated like a guide
                laid = paginate(laid)
            items = tuple(items_on_pages(laid, "skills")) if piece.part == "chapter" else ()
            # Identified by its key: the same piece kept for another booklet is the same file.
            data = write_pdf(laid, identifier=key, pdf_variant=output.pdf_variant,
                             print_marks=bool(output.print_marks))  # fmt: skip
            found = Made(data, laid.pages, items, panels=end_panels(laid))
            keep(cache, key, found)
        return found

    front_pages = made(base).pages
    page = front_pages + 1
    pieces: list[Made] = []
    for chapter in chapters:
        chapter = replace(chapter, page=page)
        piece = replace(base, part="chapter", chapter=chapter, start=page, chapters=())
        pieces.append(made(piece, (roles[chapter.slug],)))
        chapters[chapter.number - 1] = chapter
        page += pieces[-1].pages
    tools, skills = index(chapters, pieces, roles, output.locale)
    whole = replace(base, chapters=tuple(chapters), index_page=page if tools or skills else 0)
    groups_of: list[str | None] = [chapter.group for chapter in chapters]
    if tools or skills:
        pieces.append(made(replace(whole, part="index", tools=tools, skills=skills, start=page)))
        groups_of.append(None)
        page += pieces[-1].pages
    # Designed pages before the back cover round the count: the end is laid out without them
    # to count its own pages (its layout is kept, so a rebuild reads it back).
    # A chapter that printed the questions to ask below its end leaves them out of the end.
    asked = any("questions" in piece.panels for piece in pieces)
    end = replace(whole, part="end", start=page, asked=asked)
    pads = -(page - 1 + made(end).pages) % settings.pages_multiple
    pieces.append(made(replace(end, pads=pads)) if pads else made(end))
    groups_of.append(None)
    front = made(replace(whole, part="front", start=1))
    if front.pages != front_pages:
        raise RenderError(
            f"booklet '{output.subject}': its contents took {front.pages} pages with the "
            f"page numbers in, {front_pages} without"
        )
    joined = join([front.pdf, *(piece.pdf for piece in pieces)], [None, *groups_of])
    record_use(cache, output.path, keys)
    return joined, front.pages + sum(piece.pages for piece in pieces)


def _environment(
    theme: Theme, stylesheets: tuple[str, ...], brand: BrandKit, output: Output
) -> str:
    """A digest of what a chapter's layout depends on besides its HTML."""
    digest = hashlib.sha256()
    digest.update(f"{ENGINE}\n{package_hash()}\n".encode())
    digest.update(f"{output.pdf_variant}\n{output.print_marks}\n".encode())
    # Files by their names in their folders, not where the folders are.
    files = [(name, theme.style(name)) for name in stylesheets]
    folders = [*theme.style_dirs, *([brand.folder] if brand.folder is not None else [])]
    for folder in folders:
        found = sorted(p for p in folder.rglob("*") if p.is_file())
        files += [(path.relative_to(folder).as_posix(), path) for path in found]
    for name, path in files:
        digest.update(name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
