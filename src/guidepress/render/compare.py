"""The comparison sheet's context: 2 to 4 roles side by side on one page, on shared scales.

A headline band (the comparison's title, else the catalogue's pattern over the role titles), pay
as one chart on one zero-based axis, then a table: growth against the all-occupations benchmark,
demand, stress and balance on four-step scales, remote work, education as one structured line,
years to the senior level, skills and
tools (two roles: side by side, the shared ones marked; three or four that share three or more:
a dot matrix of what they share, then each role's own), pros and cons, and an empty "Fits me?"
row to score each role. What fitting gives up first: a third pro and con (a big sheet's
room), skills and tools, then 5 % of the type
size, the intro, then type down to the floor (body 9 pt), the matrix
(folded into the columns); two skills, two tools, two pros and two cons of each role always
stay (where the role has them).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import get_args

from babel.lists import format_list

from guidepress.content.brands import BrandKit
from guidepress.content.ladder import senior_tier
from guidepress.content.models import Role
from guidepress.content.models.role import EducationLevel
from guidepress.i18n.formatting import Formatter
from guidepress.i18n.labels import Labels
from guidepress.paper import PAPER_NAMES, page_mm
from guidepress.render import charts
from guidepress.render.citations import has_source_page
from guidepress.render.context import (
    ONE_PAGE_ROOT_PT,
    OnePage,
    OnePageContext,
    Options,
    Subject,
    one_page_logo_mm,
    page_context,
    shared,
)
from guidepress.render.figures import (
    Chart,
    Rating,
    area_name,
    chart_style,
    data_url,
    pay_caption,
    pay_source,
    rating,
    source_labels,
)
from guidepress.render.overlap import MATRIX_MIN, MatrixRow, chosen, in_common, own, use_matrix
from guidepress.render.pay import (
    Benchmark,
    Growth,
    Pay,
    growth_benchmark,
    growth_of_role,
    pay_of_figures,
    pay_of_role,
    unbroken_period,
)
from guidepress.render.regional import Regional, money_format, regional
from guidepress.render.translation import COMPARE_GROUPS, compare_notice, foreign_groups
from guidepress.render.typefaces import Face
from guidepress.theme.filters import first_sentence
from guidepress.theme.lookup import Theme

#: Width of the row labels' column, by (landscape, three or more roles): beside three or four
#: columns, whose pros and cons need the width more than the labels, the column is as narrow as
#: the one-line rows' labels allow (LABEL_ROWS, measured: a label that wraps makes its row of
#: one-line values taller), from the first figure up to the second.
LABEL_MM = {(False, False): 42.0, (False, True): 30.0, (True, False): 54.0, (True, True): 40.0}
NARROW_MAX_MM = 40.0
LABEL_ROWS = ("growth_rate", "market_demand", "stress_level", "balance_rating", "remote",
              "row_senior")  # fmt: skip
LABEL_REM = 0.86  # styles/compare.css: row labels, bold
#: Width of the pay chart's role names beside two roles: the titles in full on two lines. For
#: three or four, the chart's names and the table's row labels share one column (ALIGN_NAMES):
#: as wide as the wider of the two needs, so the chart's axis starts where the first role's
#: column does.
CHART_LABEL_MM = {False: 42.0, True: 54.0}
ALIGN_NAMES = True
#: Items per list, level by level: what fitting leaves out, in order. "matrix": rows of the dot
#: matrix of the skills and tools three or four roles share; "skills", "tools": each column's
#: own (two roles: all of its items, the shared ones marked); "intro": the comparison's intro
#: under the headline. (The sources line names only the sources of printed figures, review 5:
#: the roles' reading lists are the guide's.)
COLUMNS = ("matrix", "skills", "tools", "pros", "cons", "intro")
ALL = 99
LEVELS: tuple[dict[str, int], ...] = tuple(
    dict(zip(COLUMNS, counts, strict=True))
    for counts in (
        (8, 5, 5, 3, 3, 1),  # four roles (on A3, the room a big sheet leaves): a third pro
        # and con; fewer roles start at the next level (levels_of: their first layout, all
        # items but the third pro and con, mostly fits A4 and Letter as it is)
        (8, 5, 5, 2, 2, 1),
        (6, 4, 4, 2, 2, 1),
        (5, 3, 3, 2, 2, 1),
        (4, 3, 2, 2, 2, 1),
        (4, 2, 2, 2, 2, 1),  # type at 95 %
        (3, 2, 2, 2, 2, 0),  # the intro goes
        (3, 2, 2, 2, 2, 0),  # type at the floor (body 9 pt)
        (0, 2, 2, 2, 2, 0),  # the matrix folds into the columns, shared items marked there
    )  # two skills, two tools, two pros and two cons each, always: a list of one compares little
)
#: The type scale of each level. What a reader compares most is the roles' pros and cons: the
#: first two of each always print (a page that cannot hold them is refused, naming the cell to
#: shorten), skills and tools give way first.
SCALES = (1.0,) * 5 + (0.95,) * 2 + (0.9,) * 2


@dataclass(frozen=True)
class Bar:
    """A growth bar on the comparison's shared scale, in percent of the cell's width."""

    text: str
    left: float
    width: float


@dataclass(frozen=True)
class Column:
    """One role's column: every value already formatted for the locale."""

    role: Role
    growth: Bar | None
    demand: Rating | None
    stress: Rating | None
    balance: Rating | None
    remote: str
    education: str
    senior_years: str
    skills: list[tuple[str, bool]]  # (name, shared with another role): two roles
    tools: list[tuple[str, bool]]
    pros: list[str]
    cons: list[str]
    foreign: dict[str, str]  # row (COMPARE_GROUPS key) -> the language its text is in
    regional: Regional | None = None  # a regional edition's official pay for this role


@dataclass(frozen=True, kw_only=True)
class CompareContext(OnePageContext):
    """What comparison templates may use."""

    headline: str
    intro: str | None
    notes: str | None
    columns: list[Column]
    chart: Chart | None
    matrix: bool  # skills as a dot matrix (three or four roles that share skills)
    skills: list[MatrixRow]
    growth_benchmark: Bar | None  # where the all-occupations line falls on the growth scale
    growth_note: str | None
    landscape: bool
    label_mm: float
    sources: list[str]  # the sources of the figures printed, one entry per publisher's work
    #: A regional edition's occupations counted, one per role: "Title: Occupation (SOC ...)."
    #: (The role files' advertised ranges are the guide's and the sheet's: no room here.)
    occupations: list[str] = field(default_factory=list)
    #: A regional edition's notes on its figures: hourly only, top code, not published.
    official_notes: list[str] = field(default_factory=list)

    @property
    def marked(self) -> bool:
        """Whether any printed skill or tool is marked shared (the legend then explains it)."""
        lists = [c.tools for c in self.columns] + [
            c.skills for c in self.columns if not self.matrix
        ]
        return any(shared for items in lists for _, shared in items)

    @property
    def gaps(self) -> bool:
        """Whether a matrix row leaves a role out: its cell says so with a dash the legend
        names (review 4: blank cells in two of four columns read as a layout fault)."""
        return self.matrix and any(not has for row in self.skills for has in row.has)


def is_landscape(subject: Subject, paper: str) -> bool:
    """Portrait for two or three roles, and for four on A3 or Tabloid, where four columns are
    wide enough; landscape for four on A4 or Letter; unless the comparison says. A comparison's
    rows (ratings, lists, the "Fits me?" row) need height more than width."""
    orientation = subject.comparison.orientation if subject.comparison else None
    if orientation:
        return orientation == "landscape"
    return len(subject.roles) > 3 and paper in ("a4", "letter")


def senior_years(role: Role, labels: Labels) -> str:
    """Years to the ladder's senior level (content/ladder.py::senior_tier): "5+ years"."""
    tier = senior_tier(role)
    if tier is None:
        return "—"
    if tier.years_min is None:
        return tier.experience or "—"
    return labels.format("years_plus", low=tier.years_min)


#: Degree levels, highest first, as role texts name them, with their catalogue keys.
DEGREES = (
    ("edu_doctorate", r"\b(ph\.?\s?d|doctora(te|l)|doctor\s+of)\b"),
    ("edu_master", r"\b(master[’']?s|m\.?b\.?a)\b"),
    (
        "edu_bachelor",
        r"\b(bachelor[’']?s?\b|four-year degree|undergraduate degree|university degree)",
    ),
    ("edu_associate", r"\bassociate[’']?s?\s+degree"),
    ("edu_vocational", r"\b(diploma|apprenticeship|vocational|trade school)\b"),
    ("edu_high_school", r"\b(high[\s-]school|secondary school|ged)\b"),
)
#: The role file's entry_education as the DEGREES key its sentences name.
LEVEL_KEYS = {
    "doctoral": "edu_doctorate",
    "master": "edu_master",
    "bachelor": "edu_bachelor",
    "associate": "edu_associate",
    "postsecondary": "edu_vocational",
    "high_school": "edu_high_school",
}
#: Where a list of fields ends: a verb, a modal ("human-computer interaction can help"), a
#: clause ("with prerequisite courses in ...", "while ...") or the sentence's end.
_END = (
    r"(?:\s+(?:are|is|as|such|provide|help|helps|and\s+a|can|could|may|might|will|would|"
    r"should|must|with|while|when|where|which|that|who|because|but|so|although|though)\b"
    r"|[.;:]|$)"
)
_FIELDS = re.compile(
    r"degrees?\s+in\s+(?:relevant\s+fields\s+such\s+as\s+|fields\s+like\s+)?"
    r"([^.;:]+?)" + _END
)
#: "a degree in a quantitative or business subject such as statistics, economics": the
#: examples are the fields ("quantitative" alone read as one).
_EXAMPLES = re.compile(r"degrees?\s+in\s+[^.;:]*?\bsuch\s+as\s+([^.;:]+?)" + _END)
_LICENCE = re.compile(r"\blicen[cs](e|es|ed|ing|ure)\b|\bzulassung|\bapprobation", re.I)
#: Not a field: "any subject", "a related field", "the humanities" name no subject to study.
_NO_FIELD = re.compile(r"(?:an?|the|any|other|many|some|related|relevant)\s", re.I)
#: A sentence ends at a stop followed by a capital ("in the U.S. – an associate degree" runs on).
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _level_sentences(plain: Sequence[str], level: str) -> list[str]:
    """The sentences that name ``level`` (a DEGREES key): only they say what the fields of that
    degree are ("Applicants need a bachelor's degree in any subject" says nothing of the
    doctorate a physical therapist enters with, review 5)."""
    pattern = dict(DEGREES).get(level)
    if pattern is None:
        return []
    sentences = [s for text in plain for s in _SENTENCE.split(text)]
    return [s for s in sentences if re.search(pattern, s, re.I)]


def education_fields(role: Role, level: str, fields_shown: int) -> list[str]:
    """The fields of study of the role's entry degree: the role file's ``education_fields``,
    else the first list a sentence naming that level gives after "degree in" (its examples
    after "such as" first), else none. A list whose first item names no field ("any subject",
    "a related field") gives none: its others are examples of something else."""
    if role.education_fields:
        return list(role.education_fields[:fields_shown])
    plain = [
        re.sub(r"\s*\([^)]*\)", "", text) for text in (*role.education, *role.required_education)
    ]
    sentences = _level_sentences(plain, LEVEL_KEYS.get(level.removeprefix("edu_"), level))
    found = next((m for m in map(_EXAMPLES.search, sentences) if m), None) or next(
        (m for m in map(_FIELDS.search, sentences) if m), None
    )
    if found is None:
        return []
    names = [
        re.sub(r"^(?:or|and)\s+", "", n.strip())
        for n in re.split(r",\s*|\s+or\s+|\s+and\s+", found.group(1))
        if n.strip() and n.strip() not in ("or", "and")
    ]
    if not names or _NO_FIELD.match(names[0] + " ") or len(names[0]) >= 40:
        return []
    # Field names, not phrases ("a bachelor of science in nursing" names a degree again).
    kept = [n for n in names if len(n) < 40 and not _NO_FIELD.match(n + " ")]
    return list(dict.fromkeys(kept))[:fields_shown]


def education_line(
    role: Role, labels: Labels, fields_shown: int = 2, *, translated: bool = True
) -> str:
    """The typical education as one short structured line, "Bachelor's degree · business,
    marketing · certifications valued", the same kind of answer for every role: the level (the
    role file's entry_education, else the first the education texts name), the fields of that
    degree (education_fields), then a licence ("licence required") or certifications, as the
    texts mention them. Texts it cannot read (another language) and no entry_education give
    their first sentence. ``fields_shown``: how many fields at most (one in the narrow columns
    of three or four). ``translated``: False when the role's education texts are in another
    language than the page: the line then keeps to the catalogue's words (level, licence,
    certifications), as the fields are words of the role's text ("nursing" on a German page)."""
    texts = [*role.education, *role.required_education]
    if not texts and role.entry_education is None:
        return "—"
    plain = [re.sub(r"\s*\([^)]*\)", "", text) for text in texts]
    everything = " ".join(plain)
    if role.entry_education is not None:
        level: str | None = f"edu_{role.entry_education}"  # the catalogue's name of it
    else:
        level = next(
            (key for text in plain for key, pattern in DEGREES if re.search(pattern, text, re.I)),
            None,
        )
    if level is None:
        return first_sentence(texts[0])
    parts = [labels[level]]
    if translated:
        names = education_fields(role, level, fields_shown)
        if names:
            parts.append(", ".join(names))
    if _LICENCE.search(everything):
        parts.append(labels.edu_licence)
    elif re.search(r"\bcertif", everything, re.I):
        parts.append(labels.edu_certification)
    return "\u00a0· ".join(parts)  # a line may break after a dot, never before it


def _prose(line: str, labels: Labels) -> bool:
    """Whether an education line is the role's own sentence rather than catalogue words."""
    words = {labels[key] for key, _ in DEGREES} | {labels.edu_licence, labels.edu_certification}
    words |= {labels[f"edu_{level}"] for level in get_args(EducationLevel)}
    return any(part not in words for part in line.split("\u00a0· "))


def _lists(role: Role) -> tuple[list[str], list[str]]:
    return list(role.tech_skills), [t.name for t in role.tech_stack]


def _both(roles: Sequence[Role]) -> list[list[str]]:
    """Each role's skills and tools as one list: a matrix row may be a skill one role lists and
    a tool another does ("Tableau")."""
    return [skills + tools for skills, tools in map(_lists, roles)]


def matrix_at(both: Sequence[Sequence[str]], counts: Mapping[str, int]) -> bool:
    """Whether a level prints the dot matrix: three or four roles that share MATRIX_MIN items
    or more, at a level that has room for MATRIX_MIN rows of it; else what they share is
    folded into the skills and tools rows (marked shared there)."""
    return use_matrix(both) and counts["matrix"] >= MATRIX_MIN


def levels_of(count: int) -> tuple[dict[str, int], ...]:
    """The levels of ``count`` roles: a third pro and con first only for four, which print on a
    big sheet; two or three start with two of each (the same level twice: no layout is spent
    on a level that would not fit A4 or Letter)."""
    return LEVELS if count >= 4 else (LEVELS[1], *LEVELS[1:])


def levels(subject: Subject) -> list[dict[str, int]]:
    """How many items each list shows at each level (the names the template marks)."""
    roles = subject.roles
    both = _both(roles)
    figures = _sources(roles)
    intro = bool(subject.comparison and subject.comparison.intro)
    found = []
    for counts in levels_of(len(roles)):
        grid = matrix_at(both, counts)
        shown: dict[str, int] = {
            "sources": len(figures),
            "intro": int(intro and counts["intro"] > 0),
        }
        if use_matrix(both):  # folded: no rows, no heading (fit-list-common spans both)
            shown["common"] = len(in_common(both, counts["matrix"])) if grid else 0
        if grid:
            skills = own([_lists(r)[0] for r in roles], both, counts["skills"])
            tools = own([_lists(r)[1] for r in roles], both, counts["tools"])
        for i, role in enumerate(roles, start=1):
            skills_i, tools_i = _lists(role)
            if grid:
                shown[f"skills-{i}"] = len(skills[i - 1])
                shown[f"tools-{i}"] = len(tools[i - 1])
            else:
                shown[f"skills-{i}"] = min(counts["skills"], len(skills_i))
                shown[f"tools-{i}"] = min(counts["tools"], len(tools_i))
            shown[f"pros-{i}"] = min(counts["pros"], len(role.pros))
            shown[f"cons-{i}"] = min(counts["cons"], len(role.cons))
        found.append(shown)
    return found


#: Comparison footers carry the brand, the disclaimer and the date, no QR code.
#: A3 and Tabloid hold four roles with room to spare: type grows up to 130 %.
PAGE = OnePage(footer_mm=13.0, levels=levels, scales=SCALES, ceilings={"a3": 1.3, "tabloid": 1.3})


#: A headline over the role titles longer than this runs to two lines or more on a portrait page:
#: the titles head the columns anyway, so the headline counts them instead.
HEADLINE_CHARS = 60


def headline(subject: Subject, labels: Labels, locale: str) -> str:
    """The comparison's title; else the catalogue's pattern over the role titles, when that is
    short ("Account Manager or Customer Success Manager?"); else the number of roles ("3
    careers side by side"): a three-line headline took the room of a pro and a con per role."""
    if subject.comparison is not None and subject.comparison.title:
        return subject.comparison.title
    titles = format_list([_unbroken(r.title) for r in subject.roles], style="or", locale=locale)
    line = labels.format("compare_headline", roles=titles)
    if len(line) <= HEADLINE_CHARS:
        return line
    return labels.format("compare_headline_count", count=len(subject.roles))


#: A role title this short or shorter keeps its words on one line of the headline.
TITLE_UNBROKEN = 28


def _unbroken(title: str) -> str:
    """A short role title with no-break spaces: a headline that wraps breaks between the roles,
    never inside one ("Electrician, Registered Nurse, or Customer / Success Manager?", review 4
    at A4)."""
    return title.replace(" ", "\u00a0") if len(title) <= TITLE_UNBROKEN else title


def compare_context(
    subject: Subject, brand: BrandKit, theme: Theme, options: Options
) -> CompareContext:
    roles = list(subject.roles)
    currency = next((r.salary.currency for r in roles if r.salary), "USD")
    page = page_context(brand, theme, options, currency)
    labels, fmt = page.L, page.fmt
    landscape = is_landscape(subject, options.paper)
    paper = page_mm(options.paper, landscape)
    table = levels_of(len(roles))
    counts = table[min(options.level, len(table) - 1)]
    benchmarks = options.config.benchmarks
    skills, tools = (list(x) for x in zip(*(_lists(r) for r in roles), strict=True))
    both = _both(roles)
    grid = matrix_at(both, counts)
    if grid:  # what they share is the matrix's; each column lists its role's own items
        marked_skills = [[(x, False) for x in xs] for xs in own(skills, both, counts["skills"])]
        marked_tools = [[(x, False) for x in xs] for xs in own(tools, both, counts["tools"])]
    else:
        marked_skills = chosen(skills, counts["skills"])
        marked_tools = chosen(tools, counts["tools"])
    figures = _sources(roles)
    growths = [growth_of_role(r, benchmarks) for r in roles]
    local = (
        [
            regional(item, role, labels, options.locale)
            for item, role in zip(subject.official, roles, strict=True)
        ]
        if subject.official
        else []
    )
    bars, benchmark_bar = _growth_bars(growths, fmt)
    foreign = [foreign_groups(role, COMPARE_GROUPS) for role in roles]
    educations = [
        education_line(
            role, labels, 2 if len(roles) == 2 else 1, translated="row_education" not in f
        )
        for role, f in zip(roles, foreign, strict=True)
    ]
    for line, f in zip(educations, foreign, strict=True):
        if "row_education" in f and not _prose(line, labels):
            del f["row_education"]  # catalogue words only: the page's language
    columns = [
        Column(
            role=role,
            growth=bars[i],
            demand=rating(role.market_demand, "demand", labels),
            stress=rating(role.stress_level, "stress", labels),
            balance=rating(role.balance_rating, "balance", labels),
            remote=(labels.answer_yes if role.remote_friendly else labels.answer_no)
            if role.remote_friendly is not None
            else "—",
            education=educations[i],
            senior_years=senior_years(role, labels),
            skills=marked_skills[i],
            tools=marked_tools[i],
            pros=role.pros[: counts["pros"]],
            cons=role.cons[: counts["cons"]],
            foreign=foreign[i],
            regional=local[i] if local else None,
        )
        for i, role in enumerate(roles)
    ]
    content_mm = paper[0] - 2 * PAGE.margin_mm
    # On a big sheet type grows past 100 %; the chart and the label column grow with it.
    grow = max(1.0, options.scale)
    face = chart_style(brand, theme).face
    label_mm = _label_mm(labels, face, landscape, len(roles))
    if len(roles) > 2 and ALIGN_NAMES:  # the chart's names in the table's label column
        label_mm = max(label_mm, _names_mm([r.title for r in roles], face))
    if local:  # a regional edition: the area's official figures, hourly ones with cents
        official = zip(roles, local, strict=True)
        pays = [(role, pay_of_figures(view.figures, view.area)) for role, view in official]
        money = money_format(local[0].figures, options.locale)
    else:
        pays = [(r, pay_of_role(r, benchmarks)) for r in roles]
        money = fmt
    return CompareContext(
        **shared(page, untranslated=compare_notice(roles, labels)),
        level=options.level,
        scale=round(options.scale, 4),
        page_mm=paper,
        margin_mm=PAGE.margin_mm,
        footer_mm=PAGE.footer_mm,
        logo_mm=one_page_logo_mm(brand),
        headline=headline(subject, labels, options.locale),
        intro=subject.comparison.intro if subject.comparison and counts["intro"] else None,
        notes=subject.comparison.notes if subject.comparison else None,
        columns=columns,
        chart=_pay_chart(
            pays,
            labels,
            money,
            chart_style(brand, theme),
            content_mm,
            label_mm if len(roles) > 2 and ALIGN_NAMES else CHART_LABEL_MM[landscape],
            grow,
        ),
        matrix=grid,
        skills=in_common(both, counts["matrix"]) if grid else [],
        growth_benchmark=benchmark_bar,
        growth_note=_growth_note(growths, labels, fmt, growth_benchmark(benchmarks)),
        landscape=landscape,
        label_mm=round(label_mm * grow, 2),
        sources=figures,
        occupations=[
            labels.format("occupation_of", role=role.title, occupation=view.occupation) + "."
            for role, view in zip(roles, local, strict=True)
        ]
        if local
        else [],
        official_notes=list(dict.fromkeys(note for view in local for note in view.notes)),
    )


def _label_mm(labels: Labels, face: Face, landscape: bool, count: int) -> float:
    """The label column's width: fixed for two roles; for three or four, the widest one-line
    row's label (at full size, with the cell's padding) within LABEL_MM and NARROW_MAX_MM."""
    least = LABEL_MM[landscape, count > 2]
    if count <= 2:
        return least
    size = ONE_PAGE_ROOT_PT * LABEL_REM
    widest = max(face.width(labels[key].replace("\u00ad", ""), size, 700) for key in LABEL_ROWS)
    need = widest / charts.PT_PER_MM + 0.6 * ONE_PAGE_ROOT_PT / charts.PT_PER_MM + 1.0
    return round(min(max(least, need), NARROW_MAX_MM), 1)


def _names_mm(titles: Sequence[str], face: Face) -> float:
    """The width the pay chart's role names take: each title on at most two lines, as evenly
    split as its words allow, and the gap to the axis."""
    widest = max(
        max(face.width(line, charts.LABEL, 700) for line in charts.name_lines(title, face, 0.0))
        for title in titles
    )
    return round((widest + charts.NAME_GAP + 1) / charts.PT_PER_MM, 1)


#: Publishers role files name in more than one form, by their one printed form (review 5:
#: "BLS Occupational Outlook Handbook, ..." beside "U.S. Bureau of Labor Statistics, ...").
PUBLISHERS = {
    "bls": "U.S. Bureau of Labor Statistics",
    "u.s. bls": "U.S. Bureau of Labor Statistics",
    "us bureau of labor statistics": "U.S. Bureau of Labor Statistics",
    "u.s. bureau of labor statistics": "U.S. Bureau of Labor Statistics",
    "bureau of labor statistics": "U.S. Bureau of Labor Statistics",
}
_PUBLISHER = re.compile(
    r"^(" + "|".join(re.escape(k) for k in sorted(PUBLISHERS, key=len, reverse=True)) + r")\b,?\s*",
    re.I,
)


def _split_source(line: str) -> tuple[str | None, str, str | None]:
    """(publisher in its one form, work, page) of a source line: "BLS Occupational Outlook
    Handbook, Electricians" -> (U.S. Bureau of Labor Statistics, Occupational Outlook Handbook,
    Electricians). A line by a publisher not in PUBLISHERS is its own work."""
    found = _PUBLISHER.match(line.strip())
    if found is None:
        return None, line.strip(), None
    rest = line.strip()[found.end() :]
    work, _, page = rest.partition(", ")
    return PUBLISHERS[found.group(1).lower()], work, page or None


def _sources(roles: Sequence[Role]) -> list[str]:
    """The sources of the figures a comparison prints besides pay (which cites its own under
    the chart): the roles' outlook sources, for growth and demand. One entry per work, its
    publisher in one form and the pages of it the roles cite in brackets ("U.S. Bureau of
    Labor Statistics, Occupational Outlook Handbook (Electricians; Registered Nurses)"); a
    publisher named alone is left out where one of its works is listed. The roles' reading
    lists are the guide's: none of them is the source of a figure here (review 5: "NCLEX Pass
    Rates")."""
    works: dict[tuple[str | None, str], list[str]] = {}
    for line in (s for r in roles if r.outlook for s in r.outlook.sources):
        publisher, work, page = _split_source(line)
        pages = works.setdefault((publisher, work), [])
        if page and page not in pages:
            pages.append(page)
    found = []
    for (publisher, work), pages in works.items():
        if publisher and not work and any(p == publisher and w for p, w in works):
            continue  # "U.S. Bureau of Labor Statistics" beside one of its works
        name = ", ".join(part for part in (publisher, work) if part)
        found.append(f"{name} ({'; '.join(pages)})" if pages else name)
    return found


def _pay_chart(
    pays: list[tuple[Role, Pay | None]],
    labels: Labels,
    fmt: Formatter,
    style: charts.Style,
    width_mm: float,
    label_mm: float,
    grow: float = 1.0,
) -> Chart | None:
    """Every role's pay on one axis, ``width_mm`` wide, its role names in the first
    ``label_mm``; ``grow``: drawn that much smaller and printed at full width, so its type grows
    with the page's."""
    known = [(role, pay) for role, pay in pays if pay is not None]
    if not known:
        return None
    first = known[0][1]
    benchmark = first.benchmark
    if any(pay.benchmark != benchmark for _, pay in known):
        benchmark = None  # roles set against different figures: none is drawn for all

    def text(pay: Pay, field: str, value: float) -> str:  # "≥ $239,200" where top-coded
        shown = fmt.money(value)
        return labels.format("top_coded_short", amount=shown) if field in pay.top_coded else shown

    rows = []
    for role, pay in known:
        low, high = text(pay, "low", pay.low), text(pay, "high", pay.high)
        rows.append(charts.PayRow(role.title, pay.low, pay.high, pay.median, low, high))
    percentiles = all(pay.ends == "percentiles" for _, pay in known)
    words = charts.PayWords(
        median=labels.median,
        range=labels.pay_percentiles if percentiles else labels.pay_range,
        middle=None,
        estimated=None,
        benchmark=(
            labels.format("benchmark_pay", area=area_name(benchmark.area, fmt.locale))
            if benchmark.area
            else labels.all_occupations
        )
        if benchmark
        else None,
        top=None,
    )
    width_pt = width_mm * charts.PT_PER_MM / grow
    svg, height = charts.pay_rows(
        rows,
        benchmark=benchmark.value if benchmark else None,
        money=fmt.money,
        short=fmt.money_short,
        words=words,
        style=style,
        width=width_pt,
        label_width=label_mm * charts.PT_PER_MM,
        title=labels.salary,
    )
    alt = "; ".join(
        f"{row.label}: "
        + labels.format("range_short", low=row.low_text, high=row.high_text)
        + (f", {labels.median} {fmt.money(row.median)}" if row.median is not None else "")
        for row in rows
    )
    areas = {pay.area for _, pay in known}
    caption_pay = first if len(areas) == 1 else Pay(first.currency, first.period, "range", 0, 0)
    return Chart(
        data_url(svg),
        labels.format("compare_chart_alt", ranges=alt)
        + (f" {words.benchmark}: {fmt.money(benchmark.value)}." if benchmark else ""),
        width_mm,
        round(height * grow / charts.PT_PER_MM, 2),
        caption=pay_caption(caption_pay, labels, fmt.locale),
        cited=_cited(known, labels, fmt, benchmark),
        _source_word=labels.source_word,
    )


def _cited(
    known: list[tuple[Role, Pay]], labels: Labels, fmt: Formatter, benchmark: Benchmark | None
) -> str:
    """The pay chart's sources, role by role and honestly (figures.source_labels: a role
    without a source page cites the editors' profile, never a page it does not have), each
    once: one source for every role is named alone; else each with the roles it is for."""
    groups: dict[str, list[str]] = {}
    for role, pay in known:
        # A role with a source page keeps the short words, as on the sheet: the page is one line.
        cites = labels if has_source_page(role) else source_labels(labels, role)
        groups.setdefault(pay_source(replace(pay, benchmark=None), cites, fmt), []).append(
            role.title
        )

    def named(text: str, titles: list[str]) -> str:
        if len(titles) > 1 and text == labels.source_page:
            text = labels.source_pages  # "the roles' source pages"
        if len(groups) == 1:
            return text
        return labels.format("source_of_roles", source=text, roles=", ".join(titles))

    parts = [named(text, titles) for text, titles in groups.items()]
    if benchmark is not None and benchmark.source and benchmark.source not in groups:
        parts.append(labels.format("benchmark_source", source=benchmark.source))
    return "; ".join(parts)


def _growth_bars(
    growths: list[Growth | None], fmt: Formatter
) -> tuple[list[Bar | None], Bar | None]:
    """Growth bars on one scale for every column, and where the benchmark falls on it."""
    values = [g.rate for g in growths if g is not None]
    benchmark = _common_benchmark(growths)
    if benchmark is not None:
        values.append(benchmark.value)
    if not values:
        return [None] * len(growths), None
    low, high = min(0.0, *values), max(0.0, *values)
    span = (high - low) or 1.0

    def bar(value: float) -> Bar:
        start, end = sorted((0.0, value))
        return Bar(fmt.percent(value), (start - low) / span * 100, (end - start) / span * 100)

    bars = [bar(g.rate) if g is not None else None for g in growths]
    return bars, bar(benchmark.value) if benchmark else None


def _common_benchmark(growths: list[Growth | None]) -> Benchmark | None:
    """The benchmark the growth row draws: only when every role's growth is set against it
    (same period, pay.py::growth_of_role), so the line never sits beside a figure of another
    period."""
    known = [g for g in growths if g is not None]
    if not known or any(g.benchmark is None for g in known):
        return None
    return known[0].benchmark


def _growth_note(
    growths: list[Growth | None], labels: Labels, fmt: Formatter, given: Benchmark | None = None
) -> str | None:
    """The growth row's key: what the dashed line is, or why there is none (``given``: the
    configured benchmark, left out for a period the roles' figures do not share), and the
    periods."""
    known = [g for g in growths if g is not None]
    if not known:
        return None
    benchmark = _common_benchmark(growths)
    periods = {g.period for g in known}
    parts = []
    if benchmark is not None:
        key = "growth_benchmark_note" if benchmark.period else "growth_benchmark_note_no_period"
        parts.append(
            labels.format(key, value=fmt.percent(benchmark.value), period=benchmark.period)
        )
    if periods == {None}:
        parts.append(labels.growth_period_not_stated)
    stated = sorted(p for p in periods if p)
    if len(stated) == len(periods) > 1:  # every role's period stated, and they differ
        parts.append(labels.format("growth_periods", periods=", ".join(stated)))
    if benchmark is None and given is not None and given.period:
        parts.append(
            labels.format("growth_benchmark_left_out", value=fmt.percent(given.value),
                          period=unbroken_period(given.period))
        )  # fmt: skip
    return " ".join(parts) or None


COL = "fit-col-"  # pdf/fit.py's column ids, as the template writes them
#: The rows whose cells a comparison's author can shorten, with what the message calls them.
SHORTENABLE = {
    "pros": "pros",
    "cons": "cons",
    "education": "education",
    "skills": "technical skills",
    "tools": "tools",
}


def too_long(
    subject: Subject, excess: float, paper: str, heights: Mapping[str, float] | None = None
) -> str:
    """Say what has to go. With the fewest items at the floor the fixed rows are set; what is
    left is each role's own text, and a row is as tall as its tallest cell: so the message names
    the cells that stand out over the others in their rows (from the last layout's ``heights``,
    fit-row and fit-col ids in mm), then the bigger sheet for three or four roles."""
    count = len(subject.roles)
    name = PAPER_NAMES[paper]
    over_mm = excess * PAGE.room_px(paper, is_landscape(subject, paper)) * 25.4 / 96
    heights = heights or {}
    cuts = _standing_out(subject, heights)
    picked: list[str] = []
    saved = 0.0
    for gain, text in cuts:
        if saved >= over_mm or len(picked) == 3 or gain < 0.1 * over_mm:
            break  # enough named; small gains beside a big one are noise
        picked.append(f"{text} ({gain:.0f} mm taller than the next column's)")
        saved += gain
    bigger = {"a4": "a3", "letter": "tabloid"}.get(paper) if count >= 3 else None
    elsewhere = (
        f"print it on {PAPER_NAMES[bigger]} (--paper {bigger}) or compare fewer roles"
        if bigger
        else "compare fewer roles"
    )
    if picked:
        advice = "shorten " + ", ".join(picked)
        if saved < over_mm:
            advice += " and the other roles' pros and cons"
        advice += f", or {elsewhere}"
    elif _recoverable(subject, heights) >= over_mm:
        advice = f"shorten every role's pros and cons, or {elsewhere}"
    else:
        advice = f"shortening the roles' own texts cannot make that room: {elsewhere}"
    return (
        f"comparison '{subject.name}' of {count} roles does not fit on one {name} page at the "
        f"smallest readable type (body 9 pt) even with the fewest items (two skills, tools, "
        f"pros and cons each; about {max(excess, 0.01):.0%} too long, {max(over_mm, 1):.0f} mm): "
        f"{advice}"
    )


def _recoverable(subject: Subject, heights: Mapping[str, float]) -> float:
    """How much room, in mm, shortening every role's own texts to one line each could make."""
    line_mm = 4.2  # a line of body type at the floor
    return sum(
        max(0.0, max(cells) - line_mm)
        for row in SHORTENABLE
        if (cells := [heights[f"{COL}{row}-{i}"] for i in range(1, len(subject.roles) + 1)
                      if f"{COL}{row}-{i}" in heights])
    )  # fmt: skip


def _standing_out(subject: Subject, heights: Mapping[str, float]) -> list[tuple[float, str]]:
    """(mm, "Role's pros") for each row's tallest cell: how much shorter the row gets when that
    cell is as short as the row's next tallest; the biggest gain first."""
    found = []
    for row, words in SHORTENABLE.items():
        cells = [
            (heights[f"{COL}{row}-{i}"], role.title)
            for i, role in enumerate(subject.roles, start=1)
            if f"{COL}{row}-{i}" in heights
        ]
        if len(cells) < 2:
            continue
        cells.sort(reverse=True)
        gain = cells[0][0] - cells[1][0]
        if gain >= 1.5:
            found.append((gain, f"{cells[0][1]}'s {words}"))
    return sorted(found, reverse=True)
