"""One ad-hoc comparison sheet (``guidepress compare``), made like any output: under the options
a build takes (brand, locale, paper, format, ...), kept when current, recorded in the manifest.
"""

from __future__ import annotations

from pathlib import Path

from guidepress.build.inputs import Inputs
from guidepress.build.manifest import Entry, export, read_manifest, write_manifest
from guidepress.build.outputs import Output, choices, defaults, make_output
from guidepress.build.pipeline import GENERATOR, current
from guidepress.build.plan import adhoc_name, check_brands
from guidepress.build.regional import RoleFiles, fingerprint, for_outputs, mismatch
from guidepress.build.request import BuildRequest
from guidepress.build.targets import require_writable, suffix_for
from guidepress.content.checks import salary_mismatch
from guidepress.content.load import read
from guidepress.content.models import Comparison
from guidepress.content.project import ROLES_DIR, Project, load_project, select
from guidepress.errors import ContentError, Problem, RenderError, UsageError
from guidepress.render.context import Official
from guidepress.render.kinds import KINDS
from guidepress.theme.lookup import Theme


def compare(root: Path, names: list[str], request: BuildRequest) -> Entry:
    """The comparison sheet of the roles ``names`` (names or role files), under the first value
    of each option ``request`` asks for, in the output folder; ``request.file``: copied there
    too. Returns its manifest entry; raises when the roles cannot be compared or it fails."""
    if not 2 <= len(names) <= 4:
        raise UsageError(f"compare takes 2 to 4 roles (got {len(names)})")
    project, problems = load_project(root)
    located: list[Problem] = []
    stems = select(root, names, located, comparisons=False).roles
    slug_of = {path.stem: slug for slug, path in project.role_files.items()}
    slugs = [slug_of.get(stem, stem) for stem in stems]
    located += _compare_problems(root, project, slugs, problems) if not located else []
    if located:
        raise ContentError(located)
    check_brands(project, request.brands)
    config = project.config
    options = {axis.name: chosen[0] for axis, chosen in choices(request, config)}
    if not request.brands and config.compare.brand:
        options["brand"] = config.compare.brand
        check_brands(project, [config.compare.brand])
    output = make_output(
        KINDS["compare"], adhoc_name(slugs), tuple(slugs), options, defaults(config)
    )
    if request.file is not None:
        suffix_for(output.format, request.file, "--out")
    output_dir = project.output_dir
    require_writable(root, output_dir, False, ("--out", request.file) if request.file else None)
    official = _official(project, output, request.regions)
    theme = Theme(root)
    inputs_hash = Inputs(project, theme).hash(output, fingerprint(official) if official else "")
    old = None if request.force else read_manifest(output_dir).by_path().get(output.path)
    entry = current(old, inputs_hash, output_dir)
    if entry is None:
        from guidepress.build.produce import run

        # No title: the sheet's headline comes from the catalogue's pattern ("A or B?").
        comparison = Comparison(roles=slugs, brand=output.brand)
        entry = run(
            project, theme, output, output_dir, inputs_hash,
            comparison=comparison, official=official,
        )  # fmt: skip
    write_manifest(output_dir, GENERATOR, project.build_date().isoformat(), [entry])
    if entry.status == "failed":
        raise RenderError(f"{entry.path}: {entry.error}")
    if request.file is not None and not export(output_dir, entry, request.file):
        raise RenderError(f"{entry.path}: changed by another build meanwhile; compare again")
    return entry


def _official(project: Project, output: Output, asked: tuple[str, ...]) -> tuple[Official, ...]:
    """The roles' official pay in the output's region (none without a region); a located
    ``ContentError`` when it cannot be looked up or cannot share one axis (placed at the role
    file's code: an ad-hoc comparison has no file of its own)."""
    regional = for_outputs(project, [output], asked)
    if regional is None or output.region is None:
        return ()
    if regional.all_problems():
        raise ContentError(regional.all_problems())
    official = regional.of(output.roles, output.region)
    clash = mismatch(official, output.roles)
    if clash is not None:
        index, message = clash
        role = project.roles[output.roles[index]]
        raise ContentError([RoleFiles(project).problem(role, "occupation.soc", message)])
    return official


def _compare_problems(
    root: Path, project: Project, slugs: list[str], problems: list[Problem]
) -> list[Problem]:
    """What keeps ``slugs`` from being compared: invalid roles, mismatched pay."""
    wanted = {str(ROLES_DIR / f"{slug}.yaml") for slug in slugs if slug not in project.roles}
    located = [p for p in problems if p.file in wanted]
    if located:
        return located
    mismatch = salary_mismatch([project.roles[s] for s in slugs])
    if mismatch is not None:
        index, field_name, message = mismatch
        rel = project.role_files[slugs[index]].relative_to(root)
        doc, _ = read(root / rel, str(rel))
        where = doc.problem(tuple(field_name.split(".")), message) if doc else Problem(str(rel))
        located.append(Problem(where.file, where.line, where.col, field_name, message))
    return located
