"""The output manifest (manifest.json): one typed entry per output, read, written and merged.

The manifest lists every output of the folder (built now or still valid from before), as
DESIGN.md describes it; :class:`Entry` is one output from the build to the file and back.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

from guidepress.errors import ContentError, Problem
from guidepress.files import write_atomic

MANIFEST = "manifest.json"
Status = Literal["built", "cached", "failed"]


@dataclass
class Entry:
    """One output in the manifest; the fields and their order are DESIGN.md's."""

    path: str  # relative to the output folder
    kind: str
    roles: list[str]
    brand: str
    locale: str
    paper: str
    format: str
    region: str | None = None  # a regional edition's region code; None: the role's own figures
    pages: int | None = None
    bytes: int | None = None
    sha256: str | None = None
    inputs_hash: str | None = None
    seconds: float | None = None
    status: Status = "failed"
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: object) -> Entry | None:
        """The entry ``data`` holds; None when it is not one (a hand-edited or older file)."""
        if not isinstance(data, dict) or not isinstance(data.get("path"), str):
            return None
        names = {f.name for f in dataclasses.fields(cls)}
        try:
            entry = cls(**{k: v for k, v in data.items() if k in names})
        except TypeError:  # a required field is missing
            return None
        if entry.status not in get_args(Status) or not isinstance(entry.roles, list):
            return None
        return entry


@dataclass
class Manifest:
    generator: str | None = None
    build_date: str | None = None
    outputs: list[Entry] = field(default_factory=list)

    def by_path(self) -> dict[str, Entry]:
        return {entry.path: entry for entry in self.outputs}

    def to_json(self) -> dict[str, Any]:
        return {
            "generator": self.generator,
            "build_date": self.build_date,
            "outputs": [entry.to_json() for entry in self.outputs],
        }


def read_manifest(output_dir: Path) -> Manifest:
    """The folder's manifest; an empty one when there is none or it cannot be read."""
    try:
        data = json.loads((output_dir / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return Manifest()
    if not isinstance(data, dict):
        return Manifest()
    outputs = data.get("outputs")
    entries = [Entry.from_json(item) for item in outputs] if isinstance(outputs, list) else []
    return Manifest(
        _text(data.get("generator")),
        _text(data.get("build_date")),
        [entry for entry in entries if entry is not None],
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def write_manifest(
    output_dir: Path,
    generator: str,
    build_date: str,
    entries: Iterable[Entry],
    removed: AbstractSet[str] = frozenset(),
) -> Path:
    """Merge ``entries`` into the folder's manifest; earlier entries stay while their files
    exist, except the ``removed`` paths."""
    by_path = {
        entry.path: entry
        for entry in read_manifest(output_dir).outputs
        if entry.path not in removed and (output_dir / entry.path).is_file()
    }
    by_path.update({entry.path: entry for entry in entries})
    manifest = Manifest(generator, build_date, [by_path[key] for key in sorted(by_path)])
    return save(output_dir / MANIFEST, manifest)


def save(path: Path, manifest: Manifest) -> Path:
    text = json.dumps(manifest.to_json(), indent=2, ensure_ascii=False) + "\n"
    write_atomic(path, text.encode())
    return path


def remove_outputs(output_dir: Path, paths: Iterable[str]) -> None:
    """Delete outputs whose role or comparison is gone (only files inside ``output_dir``)."""
    root = output_dir.resolve()
    for rel in paths:
        target = (output_dir / rel).resolve()
        if target.is_relative_to(root):
            target.unlink(missing_ok=True)


def merge(sources: list[Path], out: Path) -> tuple[Path, Manifest]:
    """Merge the manifests ``sources`` (files, or output folders holding manifest.json) into
    ``out``/manifest.json, copying each listed file there; returns the path and the manifest."""
    problems: list[Problem] = []
    loaded = [_read_strict(source, problems) for source in sources]
    if problems:
        raise ContentError(problems)
    first_file, first = loaded[0]
    for file, manifest in loaded[1:]:
        for key in ("generator", "build_date"):
            if getattr(manifest, key) != getattr(first, key):
                problems.append(
                    Problem(str(file), field=key, message=(
                        f"{getattr(manifest, key)!r} differs from {getattr(first, key)!r} in "
                        f"{first_file}; merge shards of one build only"
                    ))
                )  # fmt: skip
    merged: dict[str, tuple[Path, Entry]] = {}
    for file, manifest in loaded:
        for entry in manifest.outputs:
            seen = merged.get(entry.path)
            if seen and seen[1].sha256 != entry.sha256:
                problems.append(
                    Problem(str(file), field="outputs", message=(
                        f"{entry.path} is also in {seen[0]} with different contents; "
                        "shards must not overlap"
                    ))
                )  # fmt: skip
            merged[entry.path] = (file, entry)
    if problems:
        raise ContentError(problems)
    out.mkdir(parents=True, exist_ok=True)
    for file, entry in merged.values():
        _copy(file.parent, out, entry, problems)
    if problems:
        raise ContentError(problems)
    result = Manifest(first.generator, first.build_date, [merged[p][1] for p in sorted(merged)])
    return save(out / MANIFEST, result), result


def _read_strict(source: Path, problems: list[Problem]) -> tuple[Path, Manifest]:
    file = source / MANIFEST if source.is_dir() else source
    try:
        data = json.loads(file.read_text("utf-8"))
    except FileNotFoundError:
        problems.append(Problem(str(file), message="no such manifest"))
        return file, Manifest()
    except (OSError, ValueError) as exc:
        problems.append(Problem(str(file), message=f"not a readable JSON manifest ({exc})"))
        return file, Manifest()
    outputs = data.get("outputs") if isinstance(data, dict) else None
    entries = [Entry.from_json(item) for item in outputs] if isinstance(outputs, list) else None
    if entries is None or any(entry is None for entry in entries):
        problems.append(Problem(str(file), field="outputs", message="not a guidepress manifest"))
        return file, Manifest()
    assert isinstance(data, Mapping)
    return file, Manifest(
        _text(data.get("generator")),
        _text(data.get("build_date")),
        [entry for entry in entries if entry is not None],
    )


def _copy(base: Path, out: Path, entry: Entry, problems: list[Problem]) -> None:
    rel = entry.path
    source, target = (base / rel).resolve(), (out / rel).resolve()
    if not target.is_relative_to(out.resolve()) or not source.is_relative_to(base.resolve()):
        problems.append(
            Problem(str(base / MANIFEST), field="outputs", message=f"{rel}: path leaves the folder")
        )
        return
    if source == target or entry.status == "failed" or not source.is_file():
        return
    data = source.read_bytes()
    if entry.sha256 and hashlib.sha256(data).hexdigest() != entry.sha256:
        problems.append(
            Problem(
                str(base / MANIFEST),
                field="outputs",
                message=f"{rel}: file does not match its sha256",
            )
        )
        return
    write_atomic(target, data)
    if entry.format == "html" and (source.parent / "assets").is_dir():
        shutil.copytree(source.parent / "assets", target.parent / "assets", dirs_exist_ok=True)
