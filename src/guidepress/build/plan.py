"""Which outputs a build is asked for, and which outputs' sources are gone."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from guidepress.build.manifest import Entry
from guidepress.build.outputs import Defaults, Output, output_path
from guidepress.build.request import BuildRequest
from guidepress.content.project import COMPARISONS_DIR, Project, role_files_on_disk
from guidepress.errors import UsageError
from guidepress.paper import PAPER_NAMES
from guidepress.render.kinds import KINDS


def plan(project: Project, request: BuildRequest) -> list[Output]:
    """Every output selected: kinds × subjects × brands × locales × formats.

    Roles whose files have problems are planned too: their outputs are recorded as failed.
    """
    config = project.config
    kinds = request.kinds or tuple(config.kinds)
    brands = request.brands or tuple(config.brands)
    locales = request.locales or tuple(config.locales)
    formats = request.formats or ("pdf",)
    paper = request.paper or config.paper
    unknown = [b for b in request.brands if b not in project.brands and b != "default"]
    if unknown:
        raise UsageError(f"--brand: no brand '{unknown[0]}' in content/brands")
    refused = [name for name in kinds if paper not in KINDS[name].papers]
    if refused:
        where = f"--paper {paper}" if request.paper else f"paper: {paper} in guidepress.yaml"
        usable = sorted({PAPER_NAMES[p] for p in KINDS[refused[0]].papers})
        raise UsageError(
            f"{where}: {' and '.join(refused)} print on {' or '.join(usable)} only; "
            f"{PAPER_NAMES[paper]} is for comparison sheets (--kind compare)"
        )
    defaults = Defaults(config.brands[0], config.locales[0], config.paper)
    known = set(project.roles) | project.broken
    outputs = []
    for kind in (KINDS[name] for name in kinds):
        subjects = (
            {name: tuple(c.roles) for name, c in project.comparisons.items()}
            if kind.subject == "comparison"
            else {slug: (slug,) for slug in sorted(known)}
        )
        for subject, roles in subjects.items():
            if not all(r in known for r in roles):
                continue  # a comparison of roles outside this build's selection
            for brand in brands:
                for locale in locales:
                    for fmt in formats:
                        path = output_path(
                            kind, subject, brand=brand, locale=locale, paper=paper, format=fmt,
                            print_marks=request.print_marks, defaults=defaults,
                        )  # fmt: skip
                        outputs.append(
                            Output(kind.name, subject, roles, brand, locale, paper, fmt, path,
                                   request.print_marks)
                        )  # fmt: skip
    return outputs


def gone(project: Project, entries: Iterable[Entry]) -> set[str]:
    """Paths of outputs whose roles or comparison no longer exist."""
    roles = {rel.stem for rel in role_files_on_disk(project.root)} | set(project.roles)
    found: set[str] = set()
    for entry in entries:
        kind = KINDS.get(entry.kind)
        if kind is not None and kind.subject == "comparison":
            name = Path(entry.path).name.split(".")[0]
            exists = (project.root / COMPARISONS_DIR / f"{name}.yaml").is_file()
            if name not in project.comparisons and not exists:
                found.add(entry.path)
        elif any(slug not in roles for slug in entry.roles):
            found.add(entry.path)
    return found
