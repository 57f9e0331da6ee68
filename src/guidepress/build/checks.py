"""Everything a build would refuse, found without building: ``guidepress validate``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from guidepress.build.regional import comparison_problem, look_up
from guidepress.content.project import Project, load_project
from guidepress.errors import Problem, TemplateProblem
from guidepress.render.kinds import KINDS
from guidepress.theme.lookup import Theme


def check(root: Path, roles: list[str] | None = None) -> tuple[Project, list[Problem]]:
    """The project loaded, and every problem of its content files, brands, comparisons, config,
    of the theme files its outputs use and of its roles' occupation codes against the pay data
    (``roles``: only those roles' files)."""
    project, problems = load_project(root, only=roles)
    problems += theme_problems(Theme(root), project.config.kinds)
    return project, problems + pay_problems(project)


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


def pay_problems(project: Project) -> list[Problem]:
    """What a build in the configured regions would refuse about official pay: the roles'
    occupation codes against the loaded data (when there is any), every role in every
    configured region, and every comparison whose roles' official pay cannot share a sheet."""
    regions = list(dict.fromkeys(project.config.regions))
    found = look_up(project, regions, sorted(project.roles))
    problems = set(found.all_problems())
    for name, comparison in sorted(project.comparisons.items()):
        if not set(comparison.roles) <= set(project.roles):
            continue  # a role with problems of its own, reported at its file
        for region in regions:
            if found.problem(comparison.roles, region) is None:
                problem = comparison_problem(project, found, name, comparison.roles, region)
                problems.update([problem] if problem else [])
    return sorted(problems)
