"""JSON schemas of the content files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from guidepress.content.schema import schema_for
from tests.helpers import run


def test_schema_writes_four_schemas(project: Path, tmp_path: Path) -> None:
    code, _ = run(project, "schema", "--out", str(tmp_path / "s"))
    assert code == 0
    names = sorted(p.name for p in (tmp_path / "s").iterdir())
    assert names == [
        "brand.schema.json",
        "comparison.schema.json",
        "config.schema.json",
        "role.schema.json",
    ]
    role = json.loads((tmp_path / "s" / "role.schema.json").read_text())
    assert role["additionalProperties"] is False
    assert "salary" in role["properties"] and "description" in role["properties"]["tech_stack"]


def test_logo_position_is_a_body_class_and_in_the_schema() -> None:
    properties: Any = schema_for("brand")["properties"]
    assert properties["logo_position"]["enum"] == ["left", "center", "right"]
    assert properties["allow_low_contrast"]["default"] is False
