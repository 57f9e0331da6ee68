"""The label catalogue: every user-visible word on paper, per locale (locales/<code>.yaml).

A locale's labels are layered: built-in English, then the built-in catalogue of the language
(``es``), then of the exact locale (``es_MX``); a project's own ``locales/`` folder adds a layer
after each built-in one, so a career office can reword a label or add a language. Keys no layer
translates stay English; ``missing()`` names them for the warnings.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError

from guidepress.errors import TemplateProblem, UsageError

log = logging.getLogger("guidepress")

DEFAULT_LOCALE = "en"
#: The folder of a project's own catalogues, next to its templates/ and styles/.
PROJECT_LOCALES = Path("locales")
PLACEHOLDER = re.compile(r"\{(\w*)\}")


class Labels:
    """Label lookup for templates: ``L.salary`` or ``L['salary']``; unknown keys are errors."""

    def __init__(self, locale: str, table: dict[str, str]) -> None:
        self.locale = locale
        self._table = table

    def __getitem__(self, key: str) -> str:
        try:
            return self._table[key]
        except KeyError:
            raise TemplateProblem(f"label '{key}' is not in the {self.locale} catalogue") from None

    def __contains__(self, key: object) -> bool:
        return key in self._table

    def get(self, key: str, default: str) -> str:
        """The label ``key``, or ``default`` when the catalogue has none (a project's own name)."""
        return self._table.get(key, default)

    def __getattr__(self, key: str) -> str:
        if key.startswith("_"):
            raise AttributeError(key)
        return self[key]

    def format(self, key: str, **values: Any) -> str:
        return self[key].format(**values)


def normalize_locale(code: str) -> str | None:
    """A locale code as Babel names it (``es-mx`` -> ``es_MX``); None when Babel cannot parse it."""
    try:
        return str(Locale.parse(code.strip().replace("-", "_")))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def parse_locales(codes: tuple[str, ...]) -> tuple[str, ...]:
    """``--locale`` values, normalized; the first one Babel cannot parse is a usage error."""
    found = []
    for code in codes:
        normal = normalize_locale(code)
        if normal is None:
            raise UsageError(
                f"--locale: '{code}' is not a locale code (e.g. en, es, fr, de, fr_CA)"
            )
        found.append(normal)
    return tuple(found)


def language_name(of: str, locale: str) -> str:
    """The name of the language of ``of``, in ``locale`` (``en`` in ``es`` -> ``inglés``)."""
    parsed = Locale.parse(of)
    return str(parsed.get_language_name(locale) or parsed.language)


def same_language(a: str, b: str) -> bool:
    return Locale.parse(a).language == Locale.parse(b).language


def builtin_file(locale: str) -> Path:
    return Path(str(files("guidepress.i18n").joinpath("locales", f"{locale}.yaml")))


@dataclass(frozen=True)
class Layer:
    """One catalogue file that applies to a locale."""

    path: Path
    locale: str


def layers(locale: str, project_root: Path | None = None) -> list[Layer]:
    """The catalogue files of ``locale`` that exist, English first, the most specific last."""
    codes = [DEFAULT_LOCALE]
    language = Locale.parse(locale).language
    codes += [code for code in (language, locale) if code not in codes]
    found = []
    for code in codes:
        candidates = [Layer(builtin_file(code), code)]
        if project_root is not None:
            candidates.append(Layer(project_root / PROJECT_LOCALES / f"{code}.yaml", code))
        found += [layer for layer in candidates if layer.path.is_file()]
    return found


def catalogue(locale: str = DEFAULT_LOCALE, project_root: Path | None = None) -> Labels:
    """Labels for ``locale``; keys it lacks come from English."""
    english = _read(builtin_file(DEFAULT_LOCALE))
    table = dict(english)
    for layer in layers(locale, project_root):
        # Only known keys with text values: a broken project file is reported by validate.
        table.update((k, v) for k, v in _read(layer.path).items() if k in english)
    return Labels(locale, table)


def missing(locale: str, project_root: Path | None = None) -> list[str] | None:
    """English keys no catalogue of ``locale`` translates; None when it has no catalogue at all.

    English locales (en, en_GB, ...) miss nothing: English is the fallback itself.
    """
    if same_language(locale, DEFAULT_LOCALE):
        return []
    translated = [layer for layer in layers(locale, project_root) if layer.locale != "en"]
    if not translated:
        return None
    have: set[str] = set()
    for layer in translated:
        have.update(_read(layer.path))
    return [key for key in _read(builtin_file(DEFAULT_LOCALE)) if key not in have]


#: Role fields whose label key differs from the field name.
FIELD_LABEL_KEYS = {
    "education": "education_level",
    "tiers": "career_ladder",
    "salary": "salary_band",
    "remote_friendly": "remote",
    "entry_education": "qf_entry_education",
    "education_fields": "row_education",  # printed in the comparison's education row
}


def field_label(name: str, labels: Labels) -> str:
    """A role field name (as in provenance.missing_sections) as the heading readers know."""
    key = FIELD_LABEL_KEYS.get(name, name)
    try:
        return labels[key]
    except TemplateProblem:
        return name.replace("_", " ").capitalize()


def english() -> dict[str, str]:
    """The built-in English catalogue: every label key there is."""
    return _read(builtin_file(DEFAULT_LOCALE))


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def _read(path: Path) -> dict[str, str]:
    return _read_cached(path, path.stat().st_mtime_ns)


@cache
def _read_cached(path: Path, mtime: int) -> dict[str, str]:
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, str)}


def warnings_for(locales: Sequence[str], project_root: Path | None) -> list[str]:
    """For ``validate``: per locale, the labels no catalogue translates, one line each."""
    lines = []
    for locale in dict.fromkeys(locales):
        keys = missing(locale, project_root)
        if keys is None:
            count = len(_read(builtin_file(DEFAULT_LOCALE)))
            lines.append(
                f"locale '{locale}': no label catalogue, English used "
                f"(add {PROJECT_LOCALES / locale}.yaml to the project to translate {count} labels)"
            )
        elif keys:
            path = [layer.path for layer in layers(locale, project_root)][-1]
            shown = (
                path.relative_to(project_root)
                if project_root and path.is_relative_to(project_root)
                else path
            )
            lines.append(f"{shown}: missing labels: {', '.join(keys)}")
    return lines


def warn_missing(locales: Sequence[str], project_root: Path | None) -> None:
    """For a build: one warning per locale whose labels are not all translated."""
    for locale in dict.fromkeys(locales):
        keys = missing(locale, project_root)
        if keys is None:
            log.warning(
                "locale '%s': no label catalogue, English used (see guidepress validate)", locale
            )
        elif keys:
            log.warning(
                "locale '%s': %d labels missing, English used (see guidepress validate)",
                locale,
                len(keys),
            )


def catalogue_locales(project_root: Path | None = None) -> list[str]:
    """The locales that have a catalogue: built in, or in the project's locales/ folder."""
    found = {path.stem for path in builtin_file(DEFAULT_LOCALE).parent.glob("*.yaml")}
    if project_root is not None:
        found |= {path.stem for path in (project_root / PROJECT_LOCALES).glob("*.yaml")}
    return sorted(found)
