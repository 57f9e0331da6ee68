"""Import one page: page text or a saved web page in, role data and its YAML out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

import yaml
from pydantic import ValidationError

from guidepress.content.education import education_level
from guidepress.content.models import Role
from guidepress.errors import ContentError, Problem
from guidepress.importer import emit
from guidepress.importer.blocks import Line, to_line
from guidepress.importer.body import Body
from guidepress.importer.opening import read_opening
from guidepress.importer.sections import read_body
from guidepress.importer.sniff import Kind
from guidepress.importer.source import located, read_page

#: Fields a complete career path guide page fills; a page without some of them is partial.
EXPECTED: tuple[str, ...] = (
    "salary",
    "growth_rate",
    "market_demand",
    "demand_note",
    "stress_level",
    "balance_rating",
    "work_life_note",
    "core_functions",
    "responsibilities",
    "work_setting",
    "tech_stack",
    "education",
    "tech_skills",
    "soft_skills",
    "path",
    "required_education",
    "tiers",
    "global_outlook",
    "challenges",
    "growth_paths",
    "trends",
    "day_in_the_life",
    "skill_map",
    "pros",
    "cons",
    "common_mistakes",
    "advice",
    "case_studies",
    "portfolio_tips",
    "outlook",
    "faqs",
)
#: libyaml's loader when PyYAML has it: the same data, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: Where the site's own furniture starts (sharing buttons, subscription plans).
_BOILERPLATE = re.compile(r"share (?:this |career )?guide\W*", re.IGNORECASE)


@dataclass
class ImportResult:
    source: str  # display name of the input ("stdin" for -)
    slug: str
    role: dict[str, Any]  # the data written (model field order)
    yaml_text: str  # exactly what is / would be written
    sections: list[str]  # model field names found
    warnings: list[str]  # e.g. "unrecognised section 'X' kept as an extra section"
    path: Path | None = None  # where it was written, when it was
    kind: Kind = "text"  # what the input was read as: page text or a web page ("html")


def page_lines(text: str) -> list[Line | None]:
    """Numbered lines up to the site boilerplate; None for a blank line."""
    out: list[Line | None] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = to_line(raw, number)
        if _BOILERPLATE.fullmatch(line.text):
            break
        out.append(line if line.text else None)
    return out


def import_text(text: str | bytes, source: str, kind: Kind | None = None) -> ImportResult:
    """Turn one page into role data; raises ContentError([Problem...]) for unusable input.

    ``kind`` is "text" or "html" (a saved web page); None decides by the content.
    """
    page = read_page(text, source, kind)
    lines = page_lines(page.text)
    try:
        opening = read_opening(lines, source)
    except ContentError as exc:
        raise located(exc, page, lines) from None
    body = Body(opening.title)
    read_body(lines[opening.rest :], body)
    fields: dict[str, Any] = {"title": opening.title, "summary": opening.summary}
    fields.update(opening.fields)
    fields.update(body.fields)
    extras = body.extras
    if opening.salary.notes:
        extras.insert(0, {"title": "Salary", "body": opening.salary.notes})
    fields["extra_sections"] = extras
    texts = [*fields.get("required_education", []), *fields.get("education", [])]
    fields["entry_education"] = education_level([*texts, *fields.get("path", [])])
    fields = emit.prune(fields)
    derived = ("title", "extra_sections", "entry_education")  # not sections of the page
    found = [k for k in Role.model_fields if k in fields and k not in derived]
    missing = [k for k in EXPECTED if k not in fields]
    name = "stdin" if source in ("-", "stdin") else PurePath(source).name
    fields["provenance"] = {
        "source": name,
        "title": page.citation.get("title") or opening.heading,
        **{k: v for k, v in page.citation.items() if k != "title"},
        "completeness": "partial" if missing else "full",
        "missing_sections": missing,
        "encoding_repaired": page.repaired > 0,
    }
    role = emit.escaped(emit.prune(emit.ordered(fields)))
    yaml_text = emit.dump(role, f"Imported from {name} by guidepress import.")
    _validate(yaml_text, role, source)
    warnings = page.warnings + opening.warnings + body.warnings
    return ImportResult(name, opening.slug, role, yaml_text, found, warnings, kind=page.kind)


def _validate(yaml_text: str, role: dict[str, Any], source: str) -> None:
    """The YAML must load back to the same data, and the data must be a valid role."""
    loaded = yaml.load(yaml_text, Loader=_LOADER)
    if loaded != role:
        raise RuntimeError(f"{source}: the role YAML does not load back to the same data")
    try:
        Role.model_validate(loaded)
    except ValidationError as exc:
        problems = [
            Problem(source, 0, 0, ".".join(str(p) for p in err["loc"]), err["msg"])
            for err in exc.errors()
        ]
        raise ContentError(problems) from None
