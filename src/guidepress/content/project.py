"""A guidepress project on disk: its config, roles, brands and comparisons, all validated."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from guidepress.content.brands import BrandKit, brand_checks
from guidepress.content.catalogues import project_problems
from guidepress.content.load import Document, read
from guidepress.content.models import Brand, Comparison, Config, Role
from guidepress.content.names import SLUG_HINT, is_slug
from guidepress.content.overlays import (
    LocalizedRole,
    Overlay,
    load_overlays,
    orphan_overlays,
    pick,
)
from guidepress.content.validate import comparison_checks, role_checks, to_model
from guidepress.errors import Problem, ProjectNotFound
from guidepress.files import inside

CONFIG_FILE = "guidepress.yaml"
ROLES_DIR = Path("content/roles")
BRANDS_DIR = Path("content/brands")
COMPARISONS_DIR = Path("content/comparisons")


@dataclass
class Project:
    root: Path
    config: Config
    roles: dict[str, Role] = field(default_factory=dict)
    role_files: dict[str, Path] = field(default_factory=dict)
    brands: dict[str, BrandKit] = field(default_factory=dict)
    comparisons: dict[str, Comparison] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)  # roles whose files have problems
    overlays: dict[str, dict[str, Overlay]] = field(default_factory=dict)  # by slug, locale

    @property
    def output_dir(self) -> Path:
        return self.root / self.config.output

    def build_date(self) -> date:
        """The edition date: SOURCE_DATE_EPOCH, else guidepress.yaml, else today (UTC)."""
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch.isdigit():
            return datetime.fromtimestamp(int(epoch), UTC).date()
        return self.config.build_date or datetime.now(UTC).date()

    def brand(self, name: str) -> BrandKit:
        if name in self.brands:
            return self.brands[name]
        # A project without a brand folder still builds: the default is the plain theme.
        return BrandKit(name, Brand(name=self.config.title), None)

    def overlay(self, slug: str, locale: str) -> Overlay | None:
        """The overlay ``slug`` is printed with in ``locale``, if it has one."""
        return pick(self.overlays.get(slug, {}), locale)

    def localized(self, slug: str, locale: str) -> LocalizedRole:
        """Role ``slug`` as printed in ``locale``: its overlay merged in, if it has one."""
        overlay = self.overlay(slug, locale)
        role = overlay.role if overlay else self.roles[slug]
        fields = {name: getattr(role, name) for name in Role.model_fields}
        return LocalizedRole.model_construct(
            **fields,
            locale=locale,
            source_locale=self.config.content_locale,
            untranslated=overlay.untranslated if overlay else None,
        )


def find_root(start: Path) -> Path:
    """The nearest folder from ``start`` up that holds guidepress.yaml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    raise ProjectNotFound(
        f"no {CONFIG_FILE} found in {start} or above; run 'guidepress init DIR' to create a project"
    )


def load_project(root: Path, only: list[str] | None = None) -> tuple[Project, list[Problem]]:
    """Load and validate everything under ``root``; returns what is valid and every problem."""
    config, problems = load_config(root)
    project = Project(root, config)

    role_paths = role_files_on_disk(root)
    known = {path.stem for path in role_paths}
    for slug in only or []:
        if slug not in known:
            problems.append(Problem(str(ROLES_DIR / f"{slug}.yaml"), 0, 0, "", f"no role '{slug}'"))
    for rel in role_paths:
        if only is not None and rel.stem not in only:
            continue
        start = len(problems)
        doc = _read(root, rel, problems)
        if doc is None:
            continue
        role, found = to_model(doc, Role, slug=_slug_of(doc, rel))
        if role is not None:
            found += role_checks(role, doc)
            if role.slug in project.roles:
                found.append(doc.problem(("slug",), f"slug '{role.slug}' is used by another role"))
        problems += found
        if role is not None and len(problems) == start:
            project.roles[role.slug] = role
            project.role_files[role.slug] = root / rel
            project.overlays[role.slug] = load_overlays(root, rel, doc, role, problems)
        else:
            project.broken.add(rel.stem)
    if only is None:
        problems += orphan_overlays(root, ROLES_DIR, {path.stem for path in role_paths})

    for rel in sorted((root / BRANDS_DIR).glob("*/brand.yaml")):
        rel = rel.relative_to(root)
        if not is_slug(rel.parent.name):
            problems.append(Problem(str(rel), 0, 0, "", f"brand folder name must be {SLUG_HINT}"))
            continue
        doc = _read(root, rel, problems)
        if doc is not None:
            brand, found = to_model(doc, Brand)
            problems += found + brand_checks(root, rel, doc, brand)
            if brand is not None:
                project.brands[rel.parent.name] = BrandKit(
                    rel.parent.name, brand, root / rel.parent
                )

    for rel in _yaml_files(root, COMPARISONS_DIR):
        if not is_slug(rel.stem):
            problems.append(Problem(str(rel), 0, 0, "", f"file name must be {SLUG_HINT}"))
            continue
        doc = _read(root, rel, problems)
        if doc is not None:
            comparison, found = to_model(doc, Comparison)
            if comparison is not None and only is None:
                found += comparison_checks(comparison.roles, project.roles, doc, project.broken)
            problems += found
            if comparison is not None and not found:
                project.comparisons[rel.stem] = comparison

    problems += project_problems(root)
    for name in config.brands:
        if name not in project.brands and name != "default":
            problems.append(
                Problem(CONFIG_FILE, 0, 0, "brands", f"no brand '{name}' in {BRANDS_DIR}")
            )
    return project, problems


def load_config(root: Path) -> tuple[Config, list[Problem]]:
    """guidepress.yaml, validated (the defaults where it is missing or wrong), and its problems."""
    problems: list[Problem] = []
    config = Config()
    doc = _read(root, Path(CONFIG_FILE), problems)
    if doc is None:
        return config, problems
    loaded, found = to_model(doc, Config)
    problems += found
    config = loaded or config
    data = doc.data if isinstance(doc.data, dict) else {}
    output = data.get("output")
    if isinstance(output, str) and not inside(root / output, root):
        message = f"must be a folder inside the project (got {output!r})"
        problems.append(doc.problem(("output",), message))
        config = config.model_copy(update={"output": Config().output})
    files = data.get("data")
    files = files if isinstance(files, dict) else {}
    for key in ("store", "onet"):
        value = files.get(key)
        if isinstance(value, str) and not inside(root / value, root):
            message = f"must be a file inside the project (got {value!r})"
            problems.append(doc.problem(("data", key), message))
            config = config.model_copy(
                update={"data": config.data.model_copy(update={key: getattr(Config().data, key)})}
            )
    return config, problems


def role_files_on_disk(root: Path) -> list[Path]:
    """Every role file of the project, relative to ``root`` (overlays excluded)."""
    return _yaml_files(root, ROLES_DIR)


def _yaml_files(root: Path, folder: Path) -> list[Path]:
    # Files like role.es.yaml are per-locale overlays of role.yaml, not roles of their own.
    return sorted(
        path.relative_to(root) for path in (root / folder).glob("*.yaml") if "." not in path.stem
    )


def _slug_of(doc: Document, rel: Path) -> str:
    slug = doc.data.get("slug") if isinstance(doc.data, dict) else None
    return slug if isinstance(slug, str) and slug else rel.stem


def _read(root: Path, rel: Path, problems: list[Problem]) -> Document | None:
    path = root / rel
    if not path.exists():
        return None
    if not inside(path, root):
        problems.append(Problem(str(rel), 0, 0, "", "links to a file outside the project"))
        return None
    doc, found = read(path, str(rel))
    problems += found
    return doc
