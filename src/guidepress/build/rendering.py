"""What one output is rendered from: its subject, brand kit, the folders its resources may come
from, and the render options. Shared by the build (produce.py) and the live preview, and light:
it imports no PDF engine."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from guidepress.build.outputs import Output
from guidepress.content.audiences import for_audience, reader
from guidepress.content.brands import BrandKit
from guidepress.content.models import Comparison
from guidepress.content.project import Project
from guidepress.render.context import Official, Options, Subject


@dataclass(frozen=True)
class Rendering:
    subject: Subject
    brand: BrandKit
    allowed: list[Path]  # the folders resources may come from (the allow-list's roots)
    options: Options


def rendering(
    project: Project,
    output: Output,
    comparison: Comparison | None = None,
    official: tuple[Official, ...] = (),
) -> Rendering:
    """What ``output`` is rendered from; ``comparison``: an ad-hoc comparison's; ``official``:
    a regional output's official pay, per role (build/regional.py looks it up)."""
    brand = project.brand(output.brand)
    return Rendering(
        subject=subject_of(project, output, comparison, official),
        brand=brand,
        allowed=[project.root / "content"] + ([brand.folder] if brand.folder else []),
        options=Options(
            locale=output.locale,
            paper=output.paper or project.config.paper,
            edition=project.build_date(),
            print_marks=bool(output.print_marks),
            audience=reader(project.config, output.audience),
            config=project.config,
        ),
    )


def subject_of(
    project: Project,
    output: Output,
    comparison: Comparison | None = None,
    official: tuple[Official, ...] = (),
) -> Subject:
    """What ``output`` is about, its roles as printed in its locale (overlays merged in) for its
    audience (items tagged for others left out)."""
    name = reader(project.config, output.audience).name
    roles = tuple(
        for_audience(project.localized(slug, output.locale), name)
        for slug in output.roles
        if slug in project.roles
    )
    if output.record.subject == "comparison":
        chosen = comparison or project.comparisons[output.subject]
        return Subject(output.subject, roles, chosen, official)
    return Subject(output.subject, roles, official=official)
