"""The theme: templates and styles looked up in order, the project's own folders first.

A project's templates/NAME or styles/NAME shadows the built-in file of the same name; an override
reaches the file it replaces as ``theme:NAME`` (``{% extends "theme:guide.html.j2" %}``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib.resources import files
from pathlib import Path

import jinja2

from guidepress.errors import TemplateProblem
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
            raise TemplateProblem(
                f"templates/{exc.name or name}:{exc.lineno}: {exc.message}"
            ) from None
        except jinja2.TemplateNotFound as exc:
            raise TemplateProblem(f"templates/{exc.name}: template not found") from None


_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*?font-family:\s*[\"']?([^;\"'}]+)", re.I)


def declared_families(stylesheets: Sequence[Path]) -> list[str]:
    """The font families the stylesheets declare with @font-face: the theme's own fonts."""
    found: dict[str, None] = {}
    for path in stylesheets:
        for family in _FONT_FACE.findall(path.read_text("utf-8", errors="replace")):
            found[family.strip()] = None
    return list(found)
