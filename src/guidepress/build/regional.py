"""Regional editions: each role's official pay in each region, looked up once per build from the
project's pay store, with every problem placed where the code came from (a role's
``occupation.soc``, ``--region``, ``regions:`` in guidepress.yaml).

Why once, in the parent process: every output of a build then prints figures from one release
(the store may be replaced by an import while a build runs), and the inputs hash of an output
holds exactly the figures it prints, so a corrected release rebuilds only the outputs it changes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from guidepress.build.outputs import Output, region_key
from guidepress.content.load import Document, read
from guidepress.content.models import Role
from guidepress.content.project import COMPARISONS_DIR, CONFIG_FILE, ROLES_DIR, Project
from guidepress.errors import ContentError, Problem
from guidepress.paydata import (
    DataLookupError,
    OnetTitle,
    PayFigures,
    Release,
    Store,
    StoreMissing,
    check_occupation,
    lookup,
    read_onet,
)
from guidepress.paydata.onet import soc_of
from guidepress.render.context import Official

OPTION = "--region"


@dataclass
class RegionalPay:
    """What a build (or ``validate``, ``data show``) knows about the regions it was asked for."""

    release: Release | None = None
    official: dict[tuple[str, str], Official] = field(default_factory=dict)  # (slug, region)
    #: Why a role has no figures in a region, or a region is unusable (key ``("", region)``).
    problems: dict[tuple[str, str], Problem] = field(default_factory=dict)
    #: Problems with the codes themselves, found whatever the region.
    general: list[Problem] = field(default_factory=list)

    def problem(self, slugs: Sequence[str], region: str) -> Problem | None:
        """Why an output of ``slugs`` in ``region`` cannot be made, if it cannot."""
        if ("", region) in self.problems:
            return self.problems[("", region)]
        found = (self.problems[(s, region)] for s in slugs if (s, region) in self.problems)
        return next(found, None)

    def of(self, slugs: Sequence[str], region: str) -> tuple[Official, ...]:
        return tuple(self.official[(slug, region)] for slug in slugs)

    def all_problems(self) -> list[Problem]:
        return sorted(set(self.general) | set(self.problems.values()))


def open_store(project: Project) -> Store:
    """The project's pay store; a located ``ContentError`` when it is missing or not one."""
    rel = project.config.data.store  # inside the project (content.project.load_config)
    path = project.root / rel
    try:
        return Store(path)
    except StoreMissing as exc:
        raise ContentError([Problem(rel, message=str(exc).removeprefix(f"{path}: "))]) from None


def look_up(
    project: Project,
    regions: Sequence[str],
    slugs: Iterable[str],
    *,
    from_option: bool = False,
    store: Store | None = None,
    typed: Mapping[str, str] | None = None,
) -> RegionalPay:
    """Each of ``slugs`` in each of ``regions``; ``from_option``: the regions came from
    ``--region`` (else from guidepress.yaml, where problems are placed); ``typed``: the codes
    as the user wrote them (``Ohio`` for ``OHIO``), for messages."""
    found = RegionalPay()
    slugs = [s for s in slugs if s in project.roles]
    if not regions and not any(project.roles[s].occupation for s in slugs):
        return found
    try:
        opened = store or open_store(project)
    except ContentError as exc:
        if not regions:  # codes cannot be checked without data, and nothing needs them
            return found
        for region in regions:
            found.problems[("", region)] = exc.problems[0]
        return found
    try:
        found.release = opened.release
        docs = RoleFiles(project)
        onet, onet_problems = _onet(project, slugs, docs)
        found.general += onet_problems.values()
        for slug in slugs:
            role = project.roles[slug]
            code, wrong = _code(opened, role, docs)
            wrong = wrong or onet_problems.get(slug)
            if wrong is not None:
                found.general.append(wrong)
            for region in regions:
                key = (slug, region)
                if code is None:
                    found.problems[key] = wrong or _no_code(role, docs, regions)
                    continue
                try:
                    figures = lookup(opened, code, (typed or {}).get(region, region))
                except DataLookupError as exc:
                    if exc.field == "region":
                        found.problems[("", region)] = _region_problem(
                            project, regions, region, exc.message, from_option
                        )
                    else:
                        found.problems[key] = docs.problem(role, _field(role, opened), exc.message)
                    continue
                problem = _usable(role, figures, docs)
                if problem is not None:
                    found.problems[key] = problem
                    continue
                onet_code = role.occupation.onet if role.occupation else None
                found.official[key] = Official(figures, onet.get(onet_code or ""))
    finally:
        if store is None:
            opened.close()
    return found


def _code(store: Store, role: Role, docs: RoleFiles) -> tuple[str | None, Problem | None]:
    """The role's occupation code for this store; None and why when it has a wrong one."""
    codes = role.occupation
    if codes is None:
        return None, None
    name = _field(role, store)
    code = codes.code if name == "occupation.code" else codes.soc_code
    if code is None:
        return None, None
    message = check_occupation(store, code, role.title)
    if message is not None:
        return None, docs.problem(role, name, message)
    return code, None


def _field(role: Role, store: Store) -> str:
    """Which of the role's codes the store is looked up with: BLS data by SOC code; a generic
    pay table by ``code`` when the role gives one, else by SOC code."""
    codes = role.occupation
    if store.release.kind != "oews" and codes is not None and codes.code:
        return "occupation.code"
    if codes is not None and codes.soc is None and codes.onet:
        return "occupation.onet"
    return "occupation.soc"


def _no_code(role: Role, docs: RoleFiles, regions: Sequence[str]) -> Problem:
    message = (
        f"a regional edition ({', '.join(regions)}) needs the role's occupation code: add "
        f'occupation.soc (guidepress data find "{role.title}")'
    )
    return docs.problem(role, "occupation", message)


def _usable(role: Role, figures: PayFigures, docs: RoleFiles) -> Problem | None:
    """Why these figures cannot make a regional edition of ``role``, if they cannot."""
    if not figures.has_wages:
        why = dict(figures.not_published).get("median", "not published")
        message = (
            f"{figures.occupation_code} ({figures.occupation_title}) has no published wages for "
            f"{figures.area_name} ({figures.region}) in {figures.release} ({why})"
        )
        return docs.problem(role, "occupation.soc", message)
    salary = role.salary
    if salary is not None and salary.currency != figures.currency:
        message = (
            f"{salary.currency}, but the pay data ({figures.release}) is in {figures.currency}: "
            "a regional edition prints the role's range beside the official figures, in one "
            "currency"
        )
        return docs.problem(role, "salary.currency", message)
    return None


def _region_problem(
    project: Project, regions: Sequence[str], region: str, message: str, from_option: bool
) -> Problem:
    if from_option:
        return Problem(OPTION, message=message)
    index = list(project.config.regions).index(region) if region in project.config.regions else 0
    return _config_problem(project, ("regions", index), message)


def _config_problem(project: Project, loc: tuple[str | int, ...], message: str) -> Problem:
    doc, _ = read(project.root / CONFIG_FILE, CONFIG_FILE)
    if doc is None:
        return Problem(CONFIG_FILE, field=".".join(str(p) for p in loc), message=message)
    return doc.problem(loc, message)


def _onet(
    project: Project, slugs: Sequence[str], docs: RoleFiles
) -> tuple[dict[str, OnetTitle], dict[str, Problem]]:
    """O*NET's titles (when guidepress.yaml names the file) and, by role, why a role's O*NET-SOC
    code cannot be printed."""
    wanted: dict[str, str] = {}
    for slug in slugs:
        codes = project.roles[slug].occupation
        if codes is not None and codes.onet:
            wanted[slug] = codes.onet
    rel = project.config.data.onet
    if not wanted or rel is None:
        return {}, {}
    try:
        titles = {t.code: t for t in onet_titles(project)}
    except ContentError as exc:
        return {}, {slug: exc.problems[0] for slug in wanted}
    problems = {}
    for slug, code in wanted.items():
        if code not in titles:
            near = sorted(c for c in titles if c.startswith(soc_of(code)))
            hint = f"; did you mean {near[0]} ({titles[near[0]].title})?" if near else ""
            message = f"{code} is not an occupation in {rel}{hint}"
            problems[slug] = docs.problem(project.roles[slug], "occupation.onet", message)
    return titles, problems


def onet_titles(project: Project) -> list[OnetTitle]:
    """The O*NET titles guidepress.yaml names (``data.onet``); none when it names no file."""
    rel = project.config.data.onet
    if rel is None:
        return []
    path = project.root / rel  # inside the project (content.project.load_config)
    if not path.is_file():
        message = f"no such file: {rel}"
        raise ContentError([_config_problem(project, ("data", "onet"), message)])
    return read_onet(path)


class RoleFiles:
    """Role files read again, only when a problem must be placed in one."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._read: dict[str, Document | None] = {}

    def problem(self, role: Role, name: str, message: str) -> Problem:
        path = self.project.role_files.get(role.slug)
        rel = str(path.relative_to(self.project.root) if path else ROLES_DIR / f"{role.slug}.yaml")
        if rel not in self._read:
            self._read[rel], _ = read(self.project.root / rel, rel)
        doc = self._read[rel]
        loc = tuple(name.split("."))
        if doc is None:
            return Problem(rel, field=name, message=message)
        line, col = doc.where(loc)
        return Problem(rel, line, col, name, message)


def fingerprint(official: Sequence[Official]) -> str:
    """What an output prints from the data, for its inputs hash: the figures and the O*NET
    titles, not the store's release id (a re-import of the same figures changes no output)."""
    data = []
    for item in official:
        figures = dataclasses.asdict(item.figures)
        figures.pop("release_id")
        figures["top_coded"] = sorted(item.figures.top_coded)
        onet = dataclasses.asdict(item.onet) if item.onet else None
        data.append({"figures": figures, "onet": onet})
    text = json.dumps(data, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def mismatch(official: Sequence[Official], slugs: Sequence[str]) -> tuple[int, str] | None:
    """(index, message) for the first role whose official pay cannot share the first one's
    axis on a comparison sheet: another release, currency or period."""
    first = official[0].figures
    for index, item in enumerate(official[1:], start=1):
        figures = item.figures
        if figures.release_id != first.release_id:
            return index, (
                f"{slugs[index]}'s figures come from {figures.release} "
                f"({figures.release_id}), {slugs[0]}'s from {first.release} "
                f"({first.release_id}): roles on one comparison sheet must use one release"
            )
        for name in ("currency", "period"):
            mine, theirs = getattr(figures, name), getattr(first, name)
            if mine != theirs:
                return index, (
                    f"{slugs[index]}'s official pay in {figures.area_name} is {mine}, "
                    f"{slugs[0]}'s {theirs}: roles on one comparison sheet must share "
                    "currency and period"
                )
    return None


def for_outputs(
    project: Project, outputs: Sequence[Output], asked: Sequence[str]
) -> RegionalPay | None:
    """Each regional output's official pay, looked up once; None when no output is regional.
    ``asked``: the ``--region`` codes as typed (none: the regions came from guidepress.yaml)."""
    regions = tuple(dict.fromkeys(o.region for o in outputs if o.region is not None))
    if not regions:
        return None
    slugs = sorted({slug for o in outputs if o.region is not None for slug in o.roles})
    return look_up(project, regions, slugs, from_option=bool(asked), typed=as_typed(asked))


def as_typed(asked: Sequence[str]) -> dict[str, str]:
    """``--region`` codes by the region each names (``OH``), with the code as typed (``oh``),
    which messages quote."""
    return {region_key(code): code.strip() for code in asked}


def output_problem(
    project: Project, regional: RegionalPay | None, output: Output
) -> Problem | None:
    """Why a regional output cannot be made: a role's or the region's problem, or (for a
    comparison) roles whose official pay cannot share one axis."""
    if regional is None or output.region is None:
        return None
    if any(slug not in project.roles for slug in output.roles):
        return None
    problem = regional.problem(output.roles, output.region)
    if problem is not None or len(output.roles) < 2:
        return problem
    return comparison_problem(project, regional, output.subject, output.roles, output.region)


def comparison_problem(
    project: Project, regional: RegionalPay, name: str, slugs: Sequence[str], region: str
) -> Problem | None:
    """Why comparison ``name``'s roles, each with official pay in ``region``, cannot share one
    sheet there (another release, currency or period), placed at the comparison file's role."""
    found = mismatch(regional.of(slugs, region), slugs)
    if found is None:
        return None
    index, message = found
    rel = COMPARISONS_DIR / f"{name}.yaml"
    doc, _ = read(project.root / rel, str(rel))
    if doc is None:
        return Problem(str(rel), field=f"roles[{index}]", message=message)
    return doc.problem(("roles", index), message)
