"""What the ``guidepress data`` commands do in a project: import a release into its store, find
occupations, show what a role's regional editions will print, and diff a new release against
the store per role and region. Plain functions returning records; the CLI prints them."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from guidepress.build.regional import RoleFiles, as_typed, look_up, onet_titles, open_store
from guidepress.content.models import Role
from guidepress.content.project import Project, load_config, load_project, select
from guidepress.errors import ContentError, Problem
from guidepress.paydata import (
    DiffRow,
    Match,
    Release,
    TopCode,
    diff_file,
    find,
    import_oews,
    import_pay,
    region_code,
)
from guidepress.paydata.lookup import national_area
from guidepress.render.context import Official


@dataclass(frozen=True)
class Imported:
    release: Release
    store: str  # relative to the project
    seconds: float


def import_data(
    root: Path,
    kind: str,
    files: Sequence[Path],
    *,
    release: str | None = None,
    top_code: TopCode | None = None,
) -> Imported:
    """Import ``files`` (``kind`` ``oews``: BLS's; ``pay``: one generic pay table) into the
    project's store, replacing the release it held."""
    config, problems = load_config(root)
    if problems:
        raise ContentError(problems)
    started = time.perf_counter()
    target = root / config.data.store
    if kind == "pay":
        done = import_pay(files[0], target)
    else:
        done = import_oews(list(files), target, release=release, top_code=top_code)
    return Imported(done, config.data.store, time.perf_counter() - started)


@dataclass(frozen=True)
class Found:
    matches: list[Match]
    release: str
    onet: bool  # O*NET's titles were searched (their credit line is due when any is printed)


def find_occupations(root: Path, text: str) -> Found:
    """Occupations whose title holds ``text``, from the store and O*NET's titles."""
    project = _config_only(root)
    titles = onet_titles(project)
    with open_store(project) as store:
        return Found(find(store, text, titles), store.release.label, bool(titles))


@dataclass(frozen=True)
class Shown:
    """What ``data show`` prints: a role, and its official pay in each region asked for."""

    role: Role
    official: list[Official]  # one per region, in the order asked (none: no region)


def show(root: Path, name: str, regions: Sequence[str]) -> Shown:
    """What the regional editions of role ``name`` (a name or a role file) print, in
    ``regions`` (else the configured ones); raises ``ContentError`` when the role or any
    region has a problem."""
    problems: list[Problem] = []
    stems = select(root, [name], problems, comparisons=False).roles
    if problems:
        raise ContentError(problems)
    project, problems = load_project(root, only=list(stems))
    if problems:
        raise ContentError(problems)
    [role] = project.roles.values()
    chosen = _regions(project, regions)
    found = look_up(project, list(chosen), [role.slug], from_option=bool(regions), typed=chosen)
    if found.all_problems():
        raise ContentError(found.all_problems())
    return Shown(role, [found.official[(role.slug, region)] for region in chosen])


@dataclass(frozen=True)
class RoleDiff:
    """One role in one region: what a new release changes, and where the role's code is."""

    slug: str
    row: DiffRow
    where: Problem  # the role file's occupation code, for annotations


@dataclass(frozen=True)
class Diff:
    current: str
    new: str
    rows: list[RoleDiff]


def diff(
    root: Path,
    path: Path,
    regions: Sequence[str],
    *,
    kind: str | None = None,
    release: str | None = None,
    top_code: TopCode | None = None,
) -> Diff:
    """What importing ``path`` would change for each role with an occupation code, in
    ``regions`` (else the configured ones, else the whole country)."""
    project, problems = load_project(root)
    if problems:
        raise ContentError(problems)
    slugs = [s for s, role in sorted(project.roles.items()) if role.occupation]
    with open_store(project) as store:
        typed = _regions(project, regions)
        chosen = list(typed)
        if not chosen:
            national = national_area(store)
            chosen = [region_code(national, bls=store.release.kind == "oews")] if national else []
        current = look_up(
            project, chosen, slugs, from_option=bool(regions), store=store, typed=typed
        )
        bad = [p for key, p in current.problems.items() if not key[0]]
        if bad:
            raise ContentError(bad)
        codes = {slug: _code(project, slug, store.release.kind) for slug in slugs}
        pairs = sorted({(code, region) for code in codes.values() for region in chosen if code})
        report = diff_file(
            store, path, pairs, kind=kind or store.release.kind, release=release, top_code=top_code
        )
    by_pair = dict(zip(pairs, report.rows, strict=True))
    files = RoleFiles(project)
    rows = []
    for slug in slugs:
        code = codes[slug]
        for region in chosen:
            if code and (code, region) in by_pair:
                where = files.problem(project.roles[slug], "occupation.soc", "")
                rows.append(RoleDiff(slug, by_pair[(code, region)], where))
    return Diff(report.current, report.new, rows)


def _config_only(root: Path) -> Project:
    config, problems = load_config(root)
    if problems:
        raise ContentError(problems)
    return Project(root, config)


def _regions(project: Project, regions: Sequence[str]) -> dict[str, str]:
    """The regions asked for (else the configured ones), each with its code as typed."""
    return as_typed(regions) or {region: region for region in project.config.regions}


def _code(project: Project, slug: str, kind: str) -> str | None:
    codes = project.roles[slug].occupation
    if codes is None:
        return None
    return codes.code if kind != "oews" and codes.code else codes.soc_code
