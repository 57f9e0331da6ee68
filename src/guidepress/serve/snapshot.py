"""What the project says of one output right now: its problems, the files it is made from, the
hash of its inputs, and (on demand) its HTML, as the build would make them."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from guidepress.build.html_export import inline_styles
from guidepress.build.inputs import Inputs
from guidepress.build.outputs import Output
from guidepress.build.regional import fingerprint, for_outputs, output_problem
from guidepress.build.rendering import rendering
from guidepress.content.project import BRANDS_DIR, COMPARISONS_DIR, ROLES_DIR, Project, load_project
from guidepress.errors import Problem
from guidepress.render.context import Official
from guidepress.theme.lookup import Theme


@dataclass
class Snapshot:
    output: Output
    project: Project
    theme: Theme
    problems: list[str]  # located lines, as `guidepress build` prints them
    files: list[Path] = field(default_factory=list)  # what the output is made from
    inputs_hash: str | None = None  # None: its roles have problems, it cannot be made
    official: tuple[Official, ...] = ()  # a regional output's official pay, per role

    @property
    def renderable(self) -> bool:
        return self.inputs_hash is not None


def snapshot(root: Path, output: Output, asked: Sequence[str] = ()) -> Snapshot:
    """Load what ``output`` is made from; its problems are the lines a build would print.
    ``asked``: the ``--region`` codes as typed (a regional output's problems quote them)."""
    project, problems = load_project(root, only=list(output.roles))
    theme = Theme(root)
    lines = [str(p) for p in problems if _concerns(p, output)]
    shot = Snapshot(output, project, theme, lines)
    if not all(slug in project.roles for slug in output.roles):
        return shot
    regional = for_outputs(project, [output], asked)
    if regional is not None and output.region is not None:
        shot.problems += [str(p) for p in regional.all_problems()]
        problem = output_problem(project, regional, output)
        if problem is not None:
            shot.problems += [str(problem)] if str(problem) not in shot.problems else []
            return shot
        shot.official = regional.of(output.roles, output.region)
    inputs = Inputs(project, theme)
    shot.files = inputs.files(output)
    shot.inputs_hash = inputs.hash(output, fingerprint(shot.official) if shot.official else "")
    return shot


def _concerns(problem: Problem, output: Output) -> bool:
    """Whether a problem is one of ``output``'s: other brands and comparisons are not."""
    path = Path(problem.file)
    if path.is_relative_to(BRANDS_DIR) and len(path.parts) > len(BRANDS_DIR.parts):
        return path.parts[len(BRANDS_DIR.parts)] == output.brand
    if path.parent == COMPARISONS_DIR:
        return output.record.subject == "comparison" and path.stem == output.subject
    if path.parent == ROLES_DIR:
        return path.name.split(".")[0] in output.roles
    return True  # guidepress.yaml, the project's label catalogues, ...


def render_html(shot: Snapshot) -> tuple[bytes, dict[str, Path]]:
    """The output's HTML with its stylesheets inlined, and the files it links to by URL.

    Why not fitted: a one-page kind is fitted by laying it out, which takes as long as the PDF;
    the preview shows it with every item at full size at once (fitting's first try), and the
    page pictures show the fit.
    """
    kind = shot.output.record
    made = rendering(shot.project, shot.output, official=shot.official)
    rendered = kind.render(made.subject, made.brand, shot.theme, made.options)
    assets: dict[str, Path] = {}

    def place(source: Path) -> str:
        token = hashlib.sha256(str(source).encode()).hexdigest()[:16]
        assets[token] = source
        return f"/assets/{token}/{source.name}"

    return inline_styles(rendered.html, rendered.stylesheets, made.allowed, place), assets


def watched_folders(shot: Snapshot) -> set[Path]:
    """The folders to watch for ``shot``'s output: where its files are, and where new files
    that would change it appear (the config, roles, comparisons, brands)."""
    root = shot.project.root
    folders = {path.parent for path in shot.files}
    folders |= {root, root / ROLES_DIR, root / COMPARISONS_DIR, root / BRANDS_DIR, root / "locales"}
    folders |= set(shot.theme.template_dirs) | set(shot.theme.style_dirs)
    if shot.output.region is not None:  # a new import of the pay data changes its figures
        folders.add((root / shot.project.config.data.store).parent)
    brand = shot.project.brand(shot.output.brand).folder
    folders |= {brand, *(p for p in brand.rglob("*") if p.is_dir())} if brand else set()
    return {folder for folder in folders if folder.is_dir()}
