"""Role data in the model's field order, with prose escaped, dumped as block-style YAML."""

from __future__ import annotations

from typing import Any

import yaml

from guidepress.content.models import Role
from guidepress.importer.markdown import escape

#: Field paths (list indexes as "*") whose text is rendered as inline Markdown.
_PROSE = frozenset(
    {
        ("summary",),
        ("demand_note",),
        ("work_life_note", "*"),
        ("core_functions", "*"),
        ("responsibilities", "*"),
        ("work_setting", "*"),
        ("education", "*"),
        ("tech_skills", "*"),
        ("soft_skills", "*"),
        ("path", "*"),
        ("required_education", "*"),
        ("global_outlook", "*"),
        ("challenges", "*"),
        ("growth_paths", "*"),
        ("trends", "*"),
        ("pros", "*"),
        ("cons", "*"),
        ("common_mistakes", "*"),
        ("advice", "*"),
        ("portfolio_tips", "*"),
        ("tiers", "*", "description"),
        ("day_in_the_life", "*", "activities", "*"),
        ("skill_map", "intro"),
        ("skill_map", "groups", "*", "description"),
        ("skill_map", "groups", "*", "skills", "*"),
        ("case_studies", "*", "body", "*"),
        ("case_studies", "*", "takeaway"),
        ("faqs", "*", "answer", "*"),
        ("extra_sections", "*", "body", "*"),
        ("extra_sections", "*", "items", "*"),
        ("provenance", "notes"),
    }
)


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == {}


def prune(value: Any) -> Any:
    """Drop None, empty lists and empty mappings, recursively."""
    if isinstance(value, dict):
        pruned = {k: prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if not _empty(v)}
    if isinstance(value, list):
        return [v for v in map(prune, value) if not _empty(v)]
    return value


def escaped(value: Any, path: tuple[str, ...] = ()) -> Any:
    """``value`` with every prose string escaped for inline Markdown."""
    if isinstance(value, dict):
        return {k: escaped(v, (*path, k)) for k, v in value.items()}
    if isinstance(value, list):
        return [escaped(v, (*path, "*")) for v in value]
    if isinstance(value, str) and path in _PROSE:
        return escape(value)
    return value


def ordered(fields: dict[str, Any]) -> dict[str, Any]:
    """Role fields in the model's order (unknown names would fail validation: kept last)."""
    order = list(Role.model_fields)
    return dict(
        sorted(fields.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))
    )


class _Dumper(yaml.SafeDumper):
    """Indents lists under their key and prints multi-line text as literal blocks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def dump(data: dict[str, Any], header: str) -> str:
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,
    )
    return f"# {header}\n{body}"
