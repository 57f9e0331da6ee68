"""Join the manifests of a sharded build into one, with the files they list."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

from guidepress.errors import ContentError, Problem
from guidepress.write import MANIFEST, write_atomic, write_manifest_data


def merge(sources: list[Path], out: Path) -> tuple[Path, dict[str, Any]]:
    """Merge the manifests ``sources`` (files, or output folders holding manifest.json) into
    ``out``/manifest.json, copying each listed file there; returns the path and the manifest."""
    problems: list[Problem] = []
    loaded = [_read(source, problems) for source in sources]
    if problems:
        raise ContentError(problems)
    first_file, first = loaded[0]
    for file, data in loaded[1:]:
        for key in ("generator", "build_date"):
            if data.get(key) != first.get(key):
                problems.append(
                    Problem(str(file), field=key, message=(
                        f"{data.get(key)!r} differs from {first.get(key)!r} in {first_file}; "
                        "merge shards of one build only"
                    ))
                )  # fmt: skip
    merged: dict[str, tuple[Path, dict[str, Any]]] = {}
    for file, data in loaded:
        for entry in data["outputs"]:
            path = entry["path"]
            seen = merged.get(path)
            if seen and seen[1].get("sha256") != entry.get("sha256"):
                problems.append(
                    Problem(str(file), field="outputs", message=(
                        f"{path} is also in {seen[0]} with different contents; "
                        "shards must not overlap"
                    ))
                )  # fmt: skip
            merged[path] = (file, entry)
    if problems:
        raise ContentError(problems)
    out.mkdir(parents=True, exist_ok=True)
    for path, (file, entry) in merged.items():
        _copy(file.parent, out, path, entry, problems)
    if problems:
        raise ContentError(problems)
    manifest = {
        "generator": first.get("generator"),
        "build_date": first.get("build_date"),
        "outputs": [merged[path][1] for path in sorted(merged)],
    }
    return write_manifest_data(out / MANIFEST, manifest), manifest


def _read(source: Path, problems: list[Problem]) -> tuple[Path, dict[str, Any]]:
    file = source / MANIFEST if source.is_dir() else source
    try:
        data = json.loads(file.read_text("utf-8"))
    except FileNotFoundError:
        problems.append(Problem(str(file), message="no such manifest"))
        return file, {}
    except (OSError, ValueError) as exc:
        problems.append(Problem(str(file), message=f"not a readable JSON manifest ({exc})"))
        return file, {}
    outputs = data.get("outputs") if isinstance(data, dict) else None
    if not isinstance(outputs, list) or not all(
        isinstance(e, dict) and isinstance(e.get("path"), str) for e in outputs
    ):
        problems.append(Problem(str(file), field="outputs", message="not a guidepress manifest"))
        return file, {}
    return file, data


def _copy(base: Path, out: Path, rel: str, entry: dict[str, Any], problems: list[Problem]) -> None:
    source, target = (base / rel).resolve(), (out / rel).resolve()
    if not target.is_relative_to(out.resolve()) or not source.is_relative_to(base.resolve()):
        problems.append(
            Problem(str(base / MANIFEST), field="outputs", message=f"{rel}: path leaves the folder")
        )
        return
    if source == target or entry.get("status") == "failed" or not source.is_file():
        return
    data = source.read_bytes()
    if entry.get("sha256") and hashlib.sha256(data).hexdigest() != entry["sha256"]:
        problems.append(
            Problem(
                str(base / MANIFEST),
                field="outputs",
                message=f"{rel}: file does not match its sha256",
            )
        )
        return
    write_atomic(target, data)
    if entry.get("format") == "html" and (source.parent / "assets").is_dir():
        shutil.copytree(source.parent / "assets", target.parent / "assets", dirs_exist_ok=True)
