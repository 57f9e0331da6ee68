"""Everything a build would refuse, found without building: ``guidepress validate``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from guidepress.content.project import Project, load_project
from guidepress.errors import Problem, TemplateProblem
from guidepress.render.kinds import KINDS
from guidepress.theme.lookup import Theme


def check(root: Path, roles: list[str] | None = None) -> tuple[Project, list[Problem]]:
    """The project loaded, and every problem of its content files, brands, comparisons, config
    and of the theme files its outputs use (``roles``: only those roles' files)."""
    project, problems = load_project(root, only=roles)
    return project, problems + theme_problems(Theme(root), project.config.kinds)


def theme_problems(theme: Theme, kinds: Sequence[str]) -> list[Problem]:
    """Every template the ``kinds`` use, compiled (``templates/NAME:LINE: message``), and every
    stylesheet they name, found. A template that includes one named at render time could use
    any: then every template of the project's own templates/ is compiled too (except the top
    templates of kinds the project does not build)."""
    problems: set[Problem] = set()
    unused = {record.template for name, record in KINDS.items() if name not in kinds}
    for kind in (KINDS[name] for name in kinds):
        reach = theme.reach(kind.template, compile=True)
        problems.update(reach.problems)
        if reach.dynamic and len(theme.template_dirs) > 1:
            own = theme.template_dirs[0]
            for path in sorted(own.rglob("*.j2")):
                name = path.relative_to(own).as_posix()
                if name not in unused:
                    problems.update(theme.reach(name, compile=True).problems)
        for name in kind.stylesheets:
            try:
                theme.style(name)
            except TemplateProblem:
                problems.add(Problem(f"styles/{name}", message="stylesheet not found"))
    return sorted(problems)
