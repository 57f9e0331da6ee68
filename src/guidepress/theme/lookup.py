"""The theme: templates and styles looked up in order, the project's own folders first.

A project's templates/NAME or styles/NAME shadows the built-in file of the same name; an override
reaches the file it replaces as ``theme:NAME`` (``{% extends "theme:guide.html.j2" %}``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib.resources import files
from pathlib import Path

import jinja2
from jinja2 import meta, nodes

from guidepress.errors import Problem, TemplateProblem
from guidepress.paper import BLEED_MM, SLUG_MM, css_size
from guidepress.theme.filters import FILTERS


def builtin_dir() -> Path:
    """The built-in theme: inside the installed package (the wheel puts templates/ and styles/
    in this package's folder), or at the top of a source checkout."""
    packaged = Path(str(files("guidepress.theme")))
    if (packaged / "templates").is_dir():
        return packaged
    return Path(__file__).resolve().parents[3]


@dataclass(frozen=True)
class Theme:
    project_root: Path | None = None

    @cached_property
    def template_dirs(self) -> list[Path]:
        return self._dirs("templates")

    @cached_property
    def style_dirs(self) -> list[Path]:
        return self._dirs("styles")

    def _dirs(self, name: str) -> list[Path]:
        found = [builtin_dir() / name]
        if self.project_root is not None:
            own = self.project_root / name
            if own.is_dir() and own.resolve() != found[0].resolve():
                found.insert(0, own)
        return found

    @cached_property
    def env(self) -> jinja2.Environment:
        loader = jinja2.ChoiceLoader(
            [
                jinja2.FileSystemLoader(self.template_dirs),
                jinja2.PrefixLoader(
                    {"theme": jinja2.FileSystemLoader(self.template_dirs[-1])}, delimiter=":"
                ),
            ]
        )
        env = jinja2.Environment(
            loader=loader,
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            # Templates never change during a build; skip the per-render mtime checks.
            auto_reload=False,
        )
        env.filters.update(FILTERS)
        env.globals.update(bleed_mm=BLEED_MM, slug_mm=SLUG_MM, css_size=css_size)
        return env

    def style(self, name: str) -> Path:
        """The first styles/NAME in lookup order."""
        for folder in self.style_dirs:
            if (folder / name).is_file():
                return folder / name
        raise TemplateProblem(f"styles/{name}: stylesheet not found")

    def template(self, name: str) -> jinja2.Template:
        try:
            return self.env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateProblem(str(_syntax_problem(exc, name))) from None
        except jinja2.TemplateNotFound as exc:
            raise TemplateProblem(f"templates/{exc.name}: template not found") from None

    def reach(self, top: str, compile: bool = False) -> Reach:
        """The templates ``top`` uses (itself, and what it extends, includes and imports, on
        and on). ``compile``: compile each, as a render would, to find every syntax error."""
        assert self.env.loader is not None
        found = Reach()
        todo: list[tuple[str, str | None]] = [(top, None)]
        seen: set[str] = set()
        while todo:
            name, used_by = todo.pop()
            if name in seen:
                continue
            seen.add(name)
            try:
                source, filename, _ = self.env.loader.get_source(self.env, name)
            except jinja2.TemplateNotFound:
                place = f" (used by templates/{used_by})" if used_by else ""
                found.problems.append(
                    Problem(f"templates/{name}", message=f"template not found{place}")
                )
                continue
            if filename:
                found.files[name] = Path(filename)
            try:
                parsed = self.env.parse(source, name, filename)
                if compile:
                    self.env.compile(parsed, name, filename)
                    found.problems += self._unknown_names(parsed, name)
            except jinja2.TemplateSyntaxError as exc:
                found.problems.append(_syntax_problem(exc, name))
                continue
            for ref in meta.find_referenced_templates(parsed):
                if ref is None:
                    found.dynamic = True
                else:
                    todo.append((ref, name))
        return found

    def _unknown_names(self, parsed: nodes.Template, name: str) -> list[Problem]:
        # Jinja checks filter and test names when compiling only where the call is sure to
        # run; inside {% if %}, or outside the blocks of a child template, a misspelt one
        # would wait for the render that reaches it.
        problems = []
        for node in parsed.find_all((nodes.Filter, nodes.Test)):
            known = self.env.filters if isinstance(node, nodes.Filter) else self.env.tests
            if node.name not in known:
                what = "filter" if isinstance(node, nodes.Filter) else "test"
                problems.append(
                    Problem(
                        f"templates/{name}", node.lineno, 0, "", f"No {what} named '{node.name}'."
                    )
                )
        return problems


@dataclass
class Reach:
    """What one template uses: the template files by name, whether it includes a template
    named at render time (which could be any), and the problems found on the way."""

    files: dict[str, Path] = field(default_factory=dict)
    dynamic: bool = False
    problems: list[Problem] = field(default_factory=list)


def _syntax_problem(exc: jinja2.TemplateSyntaxError, name: str) -> Problem:
    """``templates/NAME:LINE: message``, naming the template that holds the error."""
    return Problem(f"templates/{exc.name or name}", exc.lineno or 0, 0, "", exc.message or "")


_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*?font-family:\s*[\"']?([^;\"'}]+)", re.I)


def declared_families(stylesheets: Sequence[Path]) -> list[str]:
    """The font families the stylesheets declare with @font-face: the theme's own fonts."""
    found: dict[str, None] = {}
    for path in stylesheets:
        for family in _FONT_FACE.findall(path.read_text("utf-8", errors="replace")):
            found[family.strip()] = None
    return list(found)
