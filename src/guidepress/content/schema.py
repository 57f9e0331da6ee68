"""JSON Schemas of the files users write, generated from the models (for editor completion)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from guidepress.content.models import Brand, Comparison, Config, Role
from guidepress.files import write_atomic

SCHEMAS: dict[str, type[BaseModel]] = {
    "role": Role,
    "comparison": Comparison,
    "brand": Brand,
    "config": Config,
}


def schema_for(name: str) -> dict[str, object]:
    schema = SCHEMAS[name].model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"guidepress-{name}.schema.json"
    return schema


def write_schemas(out: Path) -> list[Path]:
    written = []
    for name in SCHEMAS:
        path = out / f"{name}.schema.json"
        text = json.dumps(schema_for(name), indent=2, ensure_ascii=False) + "\n"
        write_atomic(path, text.encode())
        written.append(path)
    return written
