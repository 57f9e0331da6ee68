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
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

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
from guidepress.pdf.paginate import paginate
from guidepress.render.context import Official, Options, Subject
from guidepress.render.kinds import KINDS
from guidepress.render.pieces import Chapter, Piece, Term
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
            found = Made(data, laid.pages, items)
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
    tools, skills = index(chapters, pieces, roles)
    whole = replace(base, chapters=tuple(chapters), index_page=page if tools or skills else 0)
    groups_of: list[str | None] = [chapter.group for chapter in chapters]
    if tools or skills:
        pieces.append(made(replace(whole, part="index", tools=tools, skills=skills, start=page)))
        groups_of.append(None)
        page += pieces[-1].pages
    # Designed pages before the back cover round the count: the end is laid out without them
    # to count its own pages (its layout is kept, so a rebuild reads it back).
    end = replace(whole, part="end", start=page)
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


def index(
    chapters: list[Chapter], made: list[Made], roles: dict[str, Role]
) -> tuple[tuple[Term, ...], tuple[Term, ...]]:
    """The index: every tool and skill the chapters list, with the pages it is on, tools (a
    role's ``tech_stack``) apart from skills. Entries that differ only in case, punctuation,
    "e.g." or the word naming the kind of the examples in brackets ("tools", "software") are
    one; a skill is printed in sentence case (a source's Title Case is not the index's)."""
    found: dict[str, dict[str, tuple[list[str], set[int]]]] = {"tools": {}, "skills": {}}
    proper = {
        word
        for role in roles.values()
        for tool in role.tech_stack
        for word in _WORD.findall(tool.name)
        if word[:1].isupper()
    }
    for chapter, piece in zip(chapters, made, strict=True):
        names = {_key(tool.name) for tool in roles[chapter.slug].tech_stack}
        for text, page in piece.items:
            key = _key(text)
            if not key:
                continue
            kind = "tools" if key in names else "skills"
            texts, pages = found[kind].setdefault(key, ([], set()))
            texts.append(text)
            pages.add(chapter.page + page)
    tools = ((_printed(texts), pages) for texts, pages in found["tools"].values())
    skills = ((_sentence(_printed(t), proper), pages) for t, pages in found["skills"].values())
    return _terms(tools), _terms(skills)


#: What an entry's key leaves out: abbreviations that only introduce examples, and the word
#: naming the kind of the examples that follow in brackets ("BI tools (e.g., Tableau)").
_EXAMPLES = re.compile(r"\b(?:e\.\s?g|i\.\s?e|etc)\.,?", re.IGNORECASE)
_KIND = re.compile(
    r"\b(?:tools?|software|platforms?|systems?|applications?|apps|suites?)\s*(?=\()", re.IGNORECASE
)
_WORD = re.compile(r"[^\W\d_]+")


def _key(text: str) -> str:
    text = _KIND.sub("", _EXAMPLES.sub(" ", unicodedata.normalize("NFKC", text)))
    return " ".join(re.findall(r"[\w+#]+", text.casefold()))


def _printed(texts: list[str]) -> str:
    """Of the ways an entry is written, the one to print: without "e.g.", not in Title Case,
    the shortest."""
    return min(texts, key=lambda t: (bool(_EXAMPLES.search(t)), _title_case(t), len(t), t))


def _title_case(text: str) -> bool:
    """Whether ``text`` (outside brackets) capitalises every word of four letters or more."""
    words = _WORD.findall(re.sub(r"\([^)]*\)", "", text))
    long = [w for w in words[1:] if len(w) >= 4]
    return bool(long) and all(w[0].isupper() for w in long)


def _sentence(text: str, proper: set[str]) -> str:
    """``text`` in sentence case when it is in Title Case: capitalised words after the first
    set in lower case, except in brackets, acronyms ("CRM") and names of tools (``proper``)."""
    if not _title_case(text):
        return text
    out, depth, first = [], 0, True
    for token in re.split(r"([^\W\d_]+)", text):
        if _WORD.fullmatch(token):
            lower = token[0].isupper() and token[1:].islower() and token not in proper
            out.append(token.lower() if lower and depth == 0 and not first else token)
            first = False
        else:
            depth += token.count("(") - token.count(")")
            out.append(token)
    return "".join(out)


def _terms(entries: Iterable[tuple[str, set[int]]]) -> tuple[Term, ...]:
    return tuple(
        Term(text, tuple(sorted(pages)))
        for text, pages in sorted(entries, key=lambda e: _sort(e[0]))
    )


def _sort(text: str) -> str:
    # Accents sort with their letter (é with e), case does not count.
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


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
