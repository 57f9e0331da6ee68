"""Which outputs a build is asked for, and which outputs' sources are gone."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from guidepress.build.manifest import Entry
from guidepress.build.outputs import AXES, Axis, Output, choices, defaults, make_output
from guidepress.build.request import BuildRequest
from guidepress.content.booklets import booklets, members
from guidepress.content.models.config import BookletSettings
from guidepress.content.names import did_you_mean
from guidepress.content.project import COMPARISONS_DIR, Project, role_files_on_disk
from guidepress.errors import UsageError
from guidepress.paper import PAPER_NAMES
from guidepress.render.kinds import KINDS, Kind


def plan(project: Project, request: BuildRequest) -> list[Output]:
    """Every output selected: kinds × subjects × every axis (brands, locales, formats, ...).

    Roles and comparisons whose files have problems are planned too: their outputs are
    recorded as failed, never left out (a left-out output would look current). A comparison
    named on the command line is built as a comparison sheet even when the project's kinds
    leave comparisons out (unless --kind says otherwise).
    """
    config = project.config
    check_brands(project, request.brands)
    check_audiences(project, request.audiences)
    formats = request.formats or ("pdf",)
    if request.dpi is not None and "png" not in formats:
        raise UsageError("--dpi: only page images have a resolution; add --format png")
    if request.thumbnails and "pdf" not in formats:
        raise UsageError("--thumbnails: thumbnails are drawn from PDF outputs; add --format pdf")
    default = defaults(config)
    names = [axis.name for axis in AXES]
    kinds = list(request.kinds or config.kinds)
    if project.selection and project.selection.comparisons and not request.kinds:
        kinds += [name for name, kind in KINDS.items() if kind.subject == "comparison"]
    outputs: dict[str, Output] = {}  # by path: options that do not apply fold into one output
    for kind in (KINDS[name] for name in dict.fromkeys(kinds)):
        for subject, roles in subjects(project, kind).items():
            selected = choices(request, config)
            if kind.subject == "booklet":
                selected = pinned(selected, request, booklets(config)[subject])
            for values in itertools.product(*(chosen for _, chosen in selected)):
                output = make_output(
                    kind, subject, roles, dict(zip(names, values, strict=True)), default
                )
                outputs.setdefault(output.path, output)
    _check_paper(outputs.values(), request)
    return list(outputs.values())


def pinned(
    selected: list[tuple[Axis, tuple[Any, ...]]], request: BuildRequest, settings: BookletSettings
) -> list[tuple[Axis, tuple[Any, ...]]]:
    """The choices for a booklet that fixes its brand, locale, audience or region: that value
    (none when the request asked for others on that axis)."""
    fixed = {
        "brand": settings.brand,
        "locale": settings.locale,
        "audience": settings.audience,
        "region": settings.region,
    }
    found = []
    for axis, chosen in selected:
        value = fixed.get(axis.name)
        if value is not None:
            asked = axis.chosen(request)
            chosen = (value,) if not asked or value in asked else ()
        found.append((axis, chosen))
    return found


def _check_paper(outputs: Iterable[Output], request: BuildRequest) -> None:
    """Refuse a paper some selected kind does not print on (A3 and Tabloid are for comparison
    sheets), naming the kinds and where the paper was asked for."""
    refused = {o.kind: o.paper for o in outputs if o.paper and o.paper not in o.record.papers}
    if not refused:
        return
    kind, paper = next(iter(refused.items()))
    where = f"--paper {paper}" if request.paper else f"paper: {paper} in guidepress.yaml"
    usable = sorted({PAPER_NAMES[p] for p in KINDS[kind].papers})
    raise UsageError(
        f"{where}: {'kinds' if len(refused) > 1 else 'kind'} {' and '.join(refused)} "
        f"print{'' if len(refused) > 1 else 's'} on {' or '.join(usable)} only; "
        f"{PAPER_NAMES[paper]} is for comparison sheets (--kind compare)"
    )


def subjects(project: Project, kind: Kind) -> dict[str, tuple[str, ...]]:
    """What ``kind`` makes outputs about, with their roles: every role and comparison, or
    with a selection the roles it names, the comparisons it names and those of its roles.
    Booklets and the catalogue are about many roles: made by builds that name none."""
    known = set(project.roles) | project.broken
    selection = project.selection
    if kind.subject in ("booklet", "project"):
        if selection is not None:
            return {}
        if kind.subject == "project":  # the catalogue lists the roles that can be listed
            return {"index": tuple(sorted(project.roles))}
        return {
            name: members(settings, known) for name, settings in booklets(project.config).items()
        }
    if kind.subject == "role":
        chosen = known if selection is None else known & set(selection.roles)
        return {slug: (slug,) for slug in sorted(chosen)}
    found = {name: tuple(c.roles) for name, c in project.comparisons.items()}
    found |= project.failed_comparisons
    if selection is None:
        return dict(sorted(found.items()))
    return {
        name: roles
        for name, roles in sorted(found.items())
        if name in selection.comparisons or (roles and set(roles) <= set(selection.roles))
    }


def check_audiences(project: Project, names: Iterable[str]) -> None:
    """Refuse an ``--audience`` neither built in nor in guidepress.yaml, with the closest."""
    for name in names:
        if name not in project.audiences:
            hint = did_you_mean(name, project.audiences)
            hint = hint or f" (audiences: {', '.join(sorted(project.audiences))})"
            raise UsageError(f"--audience: no audience '{name}'{hint}")


def check_brands(project: Project, brands: Iterable[str]) -> None:
    """Refuse a ``--brand`` that names no brand kit, with the closest name."""
    known = project.brand_names()
    for brand in brands:
        if brand not in known:
            hint = did_you_mean(brand, known)
            raise UsageError(f"--brand: no brand '{brand}' in content/brands{hint}")


def gone(project: Project, entries: Iterable[Entry]) -> set[str]:
    """Paths of outputs whose source is gone: a deleted role file, a deleted comparison file
    (an ad-hoc comparison, made by ``compare``, goes with its roles), a booklet no longer in
    guidepress.yaml. Outputs of brands, locales, kinds or options a build did not select are
    never gone; a booklet or the catalogue loses a deleted role, it does not go with it."""
    roles = {rel.stem for rel in role_files_on_disk(project.root)} | set(project.roles)
    found: set[str] = set()
    for entry in entries:
        kind = KINDS.get(entry.kind)
        if kind is not None and kind.subject in ("booklet", "project"):
            name = Path(entry.path).name.split(".")[0]
            configured = booklets(project.config)
            if kind.subject == "booklet" and not project.config_broken and name not in configured:
                found.add(entry.path)
        elif any(slug not in roles for slug in entry.roles):
            found.add(entry.path)
        elif kind is not None and kind.subject == "comparison":
            name = Path(entry.path).name.split(".")[0].split("@")[0]
            named = (project.root / COMPARISONS_DIR / f"{name}.yaml").is_file()
            if not named and name != adhoc_name(entry.roles):
                found.add(entry.path)
    return found


def adhoc_name(roles: Iterable[str]) -> str:
    """The name of the ad-hoc comparison of ``roles`` (``guidepress compare``)."""
    return "-vs-".join(roles)
