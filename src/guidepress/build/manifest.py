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
from guidepress.files import locked, write_atomic

MANIFEST = "manifest.json"
LOCK = ".manifest.lock"  # held while the manifest is read, merged and replaced
Status = Literal["built", "cached", "failed"]


@dataclass
class Entry:
    """One output in the manifest; the fields and their order are DESIGN.md's."""

    path: str  # relative to the output folder
    kind: str
    roles: list[str]
    brand: str
    locale: str
    paper: str | None
    format: str
    audience: str | None = None  # None for kinds no audience changes (comparisons)
    pdf_variant: str | None = None  # None for HTML
    print_marks: bool | None = False  # None for the catalogue (a web page)
    region: str | None = None  # a regional edition's region code; None: the role's own figures
    dpi: int | None = None  # png outputs: the page images' resolution
    pages: int | None = None
    bytes: int | None = None  # png outputs: of all pages
    sha256: str | None = None  # png outputs: of all pages' bytes one after the other
    files: list[str] | None = None  # png outputs: every page image, in order (path: the first)
    thumbnail: str | None = None  # a small picture of the first page (build --thumbnails)
    imposed: str | None = None  # a booklet's pages in the printer's order (--impose saddle)
    inputs_hash: str | None = None
    seconds: float | None = None
    status: Status = "failed"
    error: str | None = None
    #: Where each role's content came from (its provenance: source file, retrieved, completeness,
    #: missing sections, encoding repaired): production details the paper no longer prints.
    sources: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def contents(self) -> list[str]:
        """The files whose bytes ``sha256`` is the digest of: the output itself."""
        return list(self.files) if self.files else [self.path]

    def owned(self) -> list[str]:
        """Every file of this output: its contents, its thumbnail and its imposed file."""
        extras = [rel for rel in (self.thumbnail, self.imposed) if rel]
        return self.contents() + extras

    def digest(self, output_dir: Path) -> str | None:
        """The sha256 of this output's files as they are now in ``output_dir``; None if one
        cannot be read."""
        digest = hashlib.sha256()
        try:
            for rel in self.contents():
                digest.update((output_dir / rel).read_bytes())
        except OSError:
            return None
        return digest.hexdigest()

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
        if not isinstance(entry.sources, list):
            entry.sources = []
        files_ok = entry.files is None or (
            isinstance(entry.files, list) and all(isinstance(f, str) for f in entry.files)
        )
        extras_ok = all(isinstance(rel, str | None) for rel in (entry.thumbnail, entry.imposed))
        if not files_ok or not extras_ok:
            return None
        return entry


@dataclass(frozen=True)
class Shard:
    """What a ``--shard K/N`` build selected. The folder keeps other outputs it holds (a build
    never deletes what it did not select); ``manifest merge`` takes this shard's own only."""

    index: int
    count: int
    outputs: tuple[str, ...]  # paths

    def to_json(self) -> dict[str, Any]:
        return {"index": self.index, "count": self.count, "outputs": list(self.outputs)}

    @classmethod
    def from_json(cls, data: object) -> Shard | None:
        if not isinstance(data, dict):
            return None
        index, count, outputs = data.get("index"), data.get("count"), data.get("outputs")
        if not (isinstance(index, int) and isinstance(count, int) and isinstance(outputs, list)):
            return None
        return cls(index, count, tuple(path for path in outputs if isinstance(path, str)))


@dataclass
class Manifest:
    generator: str | None = None
    build_date: str | None = None
    outputs: list[Entry] = field(default_factory=list)
    shard: Shard | None = None  # written by shard builds only

    def by_path(self) -> dict[str, Entry]:
        return {entry.path: entry for entry in self.outputs}

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"generator": self.generator, "build_date": self.build_date}
        if self.shard is not None:
            data["shard"] = self.shard.to_json()
        data["outputs"] = [entry.to_json() for entry in self.outputs]
        return data


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
        Shard.from_json(data.get("shard")),
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def write_manifest(
    output_dir: Path,
    generator: str,
    build_date: str,
    entries: Iterable[Entry],
    removed: AbstractSet[str] = frozenset(),
    shard: Shard | None = None,
) -> Path:
    """Merge ``entries`` into the folder's manifest; earlier entries stay while their files
    exist (or while they record a failure), except the ``removed`` paths.

    Why the lock and the re-read: another build into the same folder (a preview server and a
    CI job) may have written the manifest, or the same output, since this one started. The
    manifest is read, merged and replaced under an exclusive lock; an entry of this build whose
    file another build has replaced since gives way to that build's entry.
    """
    with locked(output_dir / LOCK):
        current = read_manifest(output_dir).by_path()
        by_path = {
            path: entry
            for path, entry in current.items()
            if path not in removed and (entry.status == "failed" or (output_dir / path).is_file())
        }
        for entry in entries:
            old = current.get(entry.path)
            if old is None or old.sha256 == entry.sha256 or _on_disk(output_dir, entry):
                by_path[entry.path] = entry
        manifest = Manifest(generator, build_date, [by_path[key] for key in sorted(by_path)], shard)
        return save(output_dir / MANIFEST, manifest)


def _on_disk(output_dir: Path, entry: Entry) -> bool:
    """Whether the file at ``entry``'s path is the one it describes (a failed entry describes
    the last good file, whichever it is)."""
    if entry.status == "failed" or entry.sha256 is None:
        return True
    return entry.digest(output_dir) == entry.sha256  # a png output: all its pages


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
        own = set(manifest.shard.outputs) if manifest.shard else None
        for entry in manifest.outputs:
            if own is not None and entry.path not in own:
                continue  # kept in that shard's folder from an earlier split; not its to give
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
        Shard.from_json(data.get("shard")),
    )


def _copy(base: Path, out: Path, entry: Entry, problems: list[Problem]) -> None:
    pairs = [((base / rel).resolve(), (out / rel).resolve(), rel) for rel in entry.owned()]
    for source, target, rel in pairs:
        if not target.is_relative_to(out.resolve()) or not source.is_relative_to(base.resolve()):
            problems.append(
                Problem(
                    str(base / MANIFEST), field="outputs", message=f"{rel}: path leaves the folder"
                )
            )
            return
    first, target = pairs[0][0], pairs[0][1]
    if first == target or entry.status == "failed" or not first.is_file():
        return
    if entry.files or entry.thumbnail or entry.imposed:  # every file of the output
        if entry.sha256 and entry.digest(base) != entry.sha256:
            problems.append(_mismatch(base, entry))
            return
        for source, copy, _ in pairs:
            if source.is_file():
                write_atomic(copy, source.read_bytes())
    elif not export(base, entry, target):
        problems.append(_mismatch(base, entry))


def _mismatch(base: Path, entry: Entry) -> Problem:
    return Problem(
        str(base / MANIFEST),
        field="outputs",
        message=f"{entry.path}: file does not match its sha256",
    )


def export(output_dir: Path, entry: Entry, target: Path) -> bool:
    """Copy ``entry``'s file (with the assets an HTML file uses) to ``target``; False, and
    nothing copied, when the file is not the one the entry describes."""
    source = output_dir / entry.path
    data = source.read_bytes()
    if entry.sha256 and hashlib.sha256(data).hexdigest() != entry.sha256:
        return False
    write_atomic(target, data)
    if entry.format == "html" and (source.parent / "assets").is_dir():
        shutil.copytree(source.parent / "assets", target.parent / "assets", dirs_exist_ok=True)
    return True
