"""A project's own label catalogues (locales/<code>.yaml), checked like any content file."""

from __future__ import annotations

import difflib
from pathlib import Path

from guidepress.content.load import read
from guidepress.errors import Problem
from guidepress.i18n.labels import PROJECT_LOCALES, english, normalize_locale, placeholders


def project_problems(root: Path) -> list[Problem]:
    """Problems in a project's own catalogues (locales/*.yaml), each located."""
    english_labels = english()
    problems: list[Problem] = []
    for path in sorted((root / PROJECT_LOCALES).glob("*.yaml")):
        rel = str(path.relative_to(root))
        if normalize_locale(path.stem) is None:
            problems.append(Problem(rel, 0, 0, "", f"'{path.stem}' is not a locale code"))
            continue
        doc, found = read(path, rel)
        problems += found
        if doc is None or found:
            continue
        if not isinstance(doc.data, dict):
            problems.append(doc.problem((), "must be a mapping of label keys to text"))
            continue
        for key, value in doc.data.items():
            if key not in english_labels:
                close = difflib.get_close_matches(str(key), list(english_labels), n=1, cutoff=0.6)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                problems.append(doc.problem((key,), f"unknown label{hint}"))
            elif not isinstance(value, str):
                problems.append(doc.problem((key,), "must be text"))
            elif placeholders(value) != placeholders(english_labels[key]):
                wanted = ", ".join(f"{{{p}}}" for p in sorted(placeholders(english_labels[key])))
                problems.append(
                    doc.problem((key,), f"must use the placeholders {wanted or '(none)'}")
                )
    return problems
