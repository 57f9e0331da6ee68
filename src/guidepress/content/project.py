"""A guidepress project on disk: its config, roles, brands and comparisons, all validated."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from guidepress.content import audiences
from guidepress.content.booklets import booklet_checks
from guidepress.content.brands import BrandKit, brand_checks
from guidepress.content.catalogues import project_problems
from guidepress.content.checks import comparison_checks, partial_role_checks, role_checks
from guidepress.content.load import Document, read
from guidepress.content.models import Brand, Comparison, Config, Role
from guidepress.content.names import SLUG_HINT, did_you_mean, is_slug
from guidepress.content.overlays import (
    LocalizedRole,
    Overlay,
    load_overlays,
    orphan_overlays,
    pick,
)
from guidepress.content.related import linked, related_warnings
from guidepress.content.validate import to_model, valid_parts
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
    broken_brands: set[str] = field(default_factory=set)  # brand kits with problems
    selection: Selection | None = None  # what the command named; None: everything
    #: Comparisons whose files have problems, with the roles they name.
    failed_comparisons: dict[str, tuple[str, ...]] = field(default_factory=dict)
    overlays: dict[str, dict[str, Overlay]] = field(default_factory=dict)  # by slug, locale
    audiences: set[str] = field(default_factory=set)  # every audience a file may name
    config_broken: bool = False  # guidepress.yaml has problems: the defaults stand in for it
    warnings: list[Problem] = field(default_factory=list)  # validate prints them; builds go on
    titles: dict[str, str] = field(default_factory=dict)  # every role's title, by slug

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

    def brand_names(self) -> set[str]:
        """Every brand a build may name: the kits (with problems or not), and the default."""
        return set(self.brands) | self.broken_brands | {"default"}

    def overlay(self, slug: str, locale: str) -> Overlay | None:
        """The overlay ``slug`` is printed with in ``locale``, if it has one."""
        return pick(self.overlays.get(slug, {}), locale)

    def localized(self, slug: str, locale: str) -> LocalizedRole:
        """Role ``slug`` as printed in ``locale``: its overlay merged in, if it has one."""
        overlay = self.overlay(slug, locale)
        role = overlay.role if overlay else self.roles[slug]
        if overlay:
            # The overlay's related roles printed with the titles in the same locale.
            titles = {**self.titles}
            for other in self.roles:
                there = self.overlay(other, locale)
                titles[other] = there.role.title if there else self.roles[other].title
            role = linked(role, titles)
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


@dataclass(frozen=True)
class Selection:
    """What a command's NAME arguments select: roles and comparisons, by file name."""

    roles: tuple[str, ...] = ()
    comparisons: tuple[str, ...] = ()


def load_project(root: Path, only: list[str] | None = None) -> tuple[Project, list[Problem]]:
    """Load and validate everything under ``root``; returns what is valid and every problem.

    ``only``: names of roles or comparisons, or paths of their files: those are loaded, with
    the roles the comparisons compare, and every comparison of loaded roles.
    """
    problems: list[Problem] = []
    start = len(problems)
    config, config_doc = _load_config(root, problems)
    project = Project(root, config, config_broken=len(problems) > start)
    comparisons = _read_comparisons(root, problems)
    roles = None
    if only is not None:
        project.selection = select(root, only, problems)
        roles = set(project.selection.roles)
        for name in project.selection.comparisons:
            doc = comparisons.get(name)
            roles.update(_names(doc.data) if doc is not None else ())
    project.audiences = _audience_names(config, config_doc)
    _load_roles(project, roles, problems)
    _load_brands(project, problems)
    _load_comparisons(project, comparisons, problems)
    problems += project_problems(root)
    brands = project.brand_names()
    if config_doc is not None:
        on_disk = {rel.stem for rel in role_files_on_disk(root)}
        problems += audiences.config_checks(config, config_doc)
        problems += booklet_checks(config, config_doc, on_disk, brands, project.audiences)
    for index, name in enumerate(config.brands):
        if name not in brands:
            message = f"no brand '{name}' in {BRANDS_DIR}" + did_you_mean(name, brands)
            where = config_doc.problem(("brands", index), message) if config_doc else None
            problems.append(where or Problem(CONFIG_FILE, 0, 0, "brands", message))
    return project, problems


def select(
    root: Path, names: list[str], problems: list[Problem], comparisons: bool = True
) -> Selection:
    """The roles (and, with ``comparisons``, the comparisons) ``names`` asks for, by file name:
    names, or paths of their files (``content/roles/chef.yaml``, from the working folder or
    the project's). An unknown name is a problem, with the closest known name."""
    known = {path.stem for path in role_files_on_disk(root)}
    compared = {p.stem for p in _yaml_files(root, COMPARISONS_DIR)} if comparisons else set()
    folders = {(root / ROLES_DIR).resolve(): "roles", (root / COMPARISONS_DIR).resolve(): "cmp"}
    if not comparisons:
        del folders[(root / COMPARISONS_DIR).resolve()]
    found: dict[str, list[str]] = {"roles": [], "cmp": []}
    what = "role or comparison" if comparisons else "role"
    for name in names:
        if name.endswith((".yaml", ".yml")) or "/" in name or os.sep in name:
            path = next((p for p in (Path(name), root / name) if p.is_file()), None)
            folder = folders.get(path.resolve().parent) if path is not None else None
            if path is None:
                problems.append(Problem(name, 0, 0, "", "no such file"))
            elif folder is None or path.suffix != ".yaml":
                places = " or ".join(f"{p}/NAME.yaml" for p in (ROLES_DIR, COMPARISONS_DIR))
                where = places if comparisons else f"{ROLES_DIR}/NAME.yaml"
                problems.append(Problem(name, 0, 0, "", f"not a {what} file (they are {where})"))
            else:
                found[folder].append(path.name.split(".")[0])  # an overlay selects its role
        elif name in known:
            found["roles"].append(name)
        elif name in compared:
            found["cmp"].append(name)
        else:
            message = f"no {what} '{name}'" + did_you_mean(name, known | compared)
            problems.append(Problem(str(ROLES_DIR / f"{name}.yaml"), 0, 0, "", message))
    return Selection(tuple(found["roles"]), tuple(found["cmp"]))


def load_config(root: Path) -> tuple[Config, list[Problem]]:
    """guidepress.yaml, validated (the defaults where it is missing or wrong), and its problems."""
    problems: list[Problem] = []
    config, _ = _load_config(root, problems)
    return config, problems


def _load_config(root: Path, problems: list[Problem]) -> tuple[Config, Document | None]:
    config = Config()
    doc = _read(root, Path(CONFIG_FILE), problems)
    if doc is not None:
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
        for key, value in files.items() if isinstance(files, dict) else ():
            if (
                key in ("store", "onet")
                and isinstance(value, str)
                and not inside(root / value, root)
            ):
                message = f"must be a file inside the project (got {value!r})"
                problems.append(doc.problem(("data", key), message))
                default = getattr(Config().data, key)
                config = config.model_copy(
                    update={"data": config.data.model_copy(update={key: default})}
                )
    return config, doc


def _audience_names(config: Config, doc: Document | None) -> set[str]:
    """The audiences files may name; those guidepress.yaml lists even when it has problems (so
    that its problems are not repeated at every tag)."""
    names = audiences.known(config)
    listed = doc.data.get("audiences") if doc is not None and isinstance(doc.data, dict) else None
    if isinstance(listed, dict | list):
        names |= {name for name in listed if isinstance(name, str)}
    return names


def _load_roles(project: Project, only: set[str] | None, problems: list[Problem]) -> None:
    root = project.root
    role_paths = role_files_on_disk(root)
    docs: dict[str, Document] = {}
    for rel in role_paths:
        if only is not None and rel.stem not in only:
            continue
        start = len(problems)
        doc = _read(root, rel, problems)
        if doc is None:
            project.broken.add(rel.stem)
            continue
        role, found = to_model(doc, Role, slug=_slug_of(doc, rel))
        if role is not None:
            found += role_checks(role, doc)
            found += audiences.tag_checks(role, doc, project.audiences)
            if role.slug in project.roles:
                found.append(doc.problem(("slug",), f"slug '{role.slug}' is used by another role"))
        elif isinstance(doc.data, dict):
            found += partial_role_checks(doc)
            found += audiences.tag_checks(valid_parts(Role, doc.data), doc, project.audiences)
        problems += found
        if role is not None and len(problems) == start:
            project.roles[role.slug] = role
            project.role_files[role.slug] = root / rel
            project.overlays[role.slug] = load_overlays(root, rel, doc, role, problems)
            docs[role.slug] = doc
        else:
            project.broken.add(rel.stem)
    if only is None:
        problems += orphan_overlays(root, ROLES_DIR, {path.stem for path in role_paths})
    _link_related(project, role_paths, docs)


def _link_related(project: Project, role_paths: list[Path], docs: dict[str, Document]) -> None:
    """Each loaded role's related roles tied to the project's roles (content/related.py), and
    a warning for each that names none. A role this command did not load is looked up in its
    file, only when an entry may name it."""
    titles = {slug: role.title for slug, role in project.roles.items()}
    named = {
        (entry.slug or entry.title).casefold()
        for role in project.roles.values()
        for entry in role.related_roles
    }
    unloaded = [rel for rel in role_paths if rel.stem not in titles]
    if unloaded and not named <= set(titles) | {t.casefold() for t in titles.values()}:
        for rel in unloaded:
            doc, _ = read(project.root / rel, str(rel))
            data = doc.data if doc is not None else None
            title = data.get("title") if isinstance(data, dict) else None
            titles[rel.stem] = title if isinstance(title, str) and title.strip() else rel.stem
    project.titles = titles
    for slug, doc in docs.items():
        project.roles[slug] = linked(project.roles[slug], titles)
        project.warnings += related_warnings(doc, titles)


def _load_brands(project: Project, problems: list[Problem]) -> None:
    root = project.root
    for rel in sorted((root / BRANDS_DIR).glob("*/brand.yaml")):
        rel = rel.relative_to(root)
        if not is_slug(rel.parent.name):
            problems.append(Problem(str(rel), 0, 0, "", f"brand folder name must be {SLUG_HINT}"))
            continue
        doc = _read(root, rel, problems)
        brand, found = to_model(doc, Brand) if doc is not None else (None, [])
        if doc is not None:
            found += brand_checks(root, rel, doc)
        problems += found
        if brand is not None and not found and doc is not None:
            project.brands[rel.parent.name] = BrandKit(rel.parent.name, brand, root / rel.parent)
        else:
            project.broken_brands.add(rel.parent.name)


def _read_comparisons(root: Path, problems: list[Problem]) -> dict[str, Document | None]:
    """Every comparison file, read (None: unreadable), by name."""
    docs: dict[str, Document | None] = {}
    for rel in _yaml_files(root, COMPARISONS_DIR):
        if is_slug(rel.stem):
            docs[rel.stem] = _read(root, rel, problems)
        else:
            problems.append(Problem(str(rel), 0, 0, "", f"file name must be {SLUG_HINT}"))
    return docs


def _load_comparisons(
    project: Project, docs: dict[str, Document | None], problems: list[Problem]
) -> None:
    """The comparisons in the project's scope: all of them, or with a selection the ones it
    names and those of loaded roles. A file with problems is kept in
    ``project.failed_comparisons`` with the roles it names, so that a build records its output
    as failed instead of leaving it out."""
    loaded = set(project.roles) | project.broken
    brands = project.brand_names()
    for name, doc in docs.items():
        named = _names(doc.data) if doc is not None else ()
        selection = project.selection
        outside = not named or not set(named) <= loaded
        if selection is not None and name not in selection.comparisons and outside:
            continue  # a comparison of roles this command did not load
        comparison, found = to_model(doc, Comparison) if doc is not None else (None, [])
        if doc is not None:
            found += comparison_checks(doc, project.roles, project.broken, brands)
            problems += found
        if comparison is not None and not found:
            project.comparisons[name] = comparison
        else:
            project.failed_comparisons[name] = named


def _names(data: object) -> tuple[str, ...]:
    """The role names a comparison file's data lists, as far as they are names."""
    roles = data.get("roles") if isinstance(data, dict) else None
    return tuple(r for r in roles if isinstance(r, str)) if isinstance(roles, list) else ()


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
