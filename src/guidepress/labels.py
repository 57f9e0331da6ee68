"""The label catalogue: every user-visible word on paper, per locale (locales/<code>.yaml)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from guidepress.errors import TemplateProblem

DEFAULT_LOCALE = "en"


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

    def __getattr__(self, key: str) -> str:
        if key.startswith("_"):
            raise AttributeError(key)
        return self[key]

    def format(self, key: str, **values: Any) -> str:
        return self[key].format(**values)


@cache
def catalogue(locale: str = DEFAULT_LOCALE) -> Labels:
    """Labels for ``locale``; keys it lacks come from English."""
    table = _read(DEFAULT_LOCALE)
    if locale != DEFAULT_LOCALE:
        table = {**table, **_read(locale)}
    return Labels(locale, table)


@cache
def _read(locale: str) -> dict[str, str]:
    resource = files("guidepress").joinpath("locales", f"{locale}.yaml")
    if not resource.is_file():
        raise TemplateProblem(f"no label catalogue for locale '{locale}'")
    data = yaml.safe_load(resource.read_text("utf-8")) or {}
    return {str(k): str(v) for k, v in data.items()}
