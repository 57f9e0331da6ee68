"""Stage 5, the only one that touches output/: atomic files and the manifest."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from guidepress.errors import RenderError

MANIFEST = "manifest.json"


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            # mkstemp creates 0600; outputs are meant to be shared, like any file `cp` writes.
            os.fchmod(handle.fileno(), 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:|/")
_URL = re.compile(r"url\(\s*['\"]?(?!data:)([^'\")]+?)['\"]?\s*\)")
_FILE_URL = re.compile(r"url\(\s*['\"]?(file://[^'\")]+?)['\"]?\s*\)")


def self_contained_html(
    html: str, stylesheets: list[Path], out: Path, allowed: Sequence[Path]
) -> bytes:
    """Inline the stylesheets into ``html``; the files they (and the page's own styles, such as
    a brand kit's fonts) refer to are copied to assets/ beside it. Only files under ``allowed``
    and the stylesheets' folders are copied; any other file fails the output."""
    assets = out.parent / "assets"
    roots = [p.resolve() for p in [*allowed, *(sheet.parent for sheet in stylesheets)]]

    def copy(source: Path) -> str:
        if not any(source.is_relative_to(root) for root in roots) or not source.is_file():
            raise RenderError(f"blocked resource: {source.as_uri()}")
        data = source.read_bytes()
        target = assets / source.name
        if target.exists() and target.read_bytes() != data:  # same name, other file
            target = assets / f"{hashlib.sha256(data).hexdigest()[:8]}-{source.name}"
        if not target.exists():
            write_atomic(target, data)
        return f'url("assets/{target.name}")'

    styles = []
    for sheet in stylesheets:
        where = f"{sheet.parent.name}/{sheet.name}"
        text = sheet.read_text("utf-8")
        styles.append(
            _URL.sub(lambda m, f=sheet.parent, w=where: copy(_asset(f, m.group(1), w)), text)  # type: ignore[misc]
        )
    html = _FILE_URL.sub(lambda m: copy(Path(unquote(urlsplit(m.group(1)).path)).resolve()), html)
    # Before the document's own <style>: the brand's tokens there must win over the theme's
    # defaults, as they do in the PDF, where stylesheets rank below in-document styles.
    block = "<style>\n" + "\n".join(styles) + "\n</style>\n"
    at = html.find("<style") if "<style" in html else html.find("</head>")
    return (html[:at] + block + html[at:]).encode("utf-8")


def _asset(folder: Path, ref: str, where: str) -> Path:
    # Only files beside the stylesheet are copied: never a URL, nor a path leaving its folder.
    source = (folder / ref).resolve()
    if _SCHEME.match(ref) or not source.is_relative_to(folder.resolve()):
        raise RenderError(f"blocked resource: {ref} in {where} (outside the stylesheet's folder)")
    if not source.is_file():
        raise RenderError(f"missing resource: {ref} in {where} (no such file)")
    return source


def read_manifest(output_dir: Path) -> dict[str, Any]:
    try:
        data = json.loads((output_dir / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_manifest(
    output_dir: Path,
    generator: str,
    build_date: str,
    entries: list[dict[str, Any]],
    removed: AbstractSet[str] = frozenset(),
) -> Path:
    """Merge ``entries`` into the manifest; earlier entries stay while their files exist,
    except the ``removed`` paths."""
    by_path = {
        entry["path"]: entry
        for entry in read_manifest(output_dir).get("outputs", [])
        if isinstance(entry, dict)
        and entry.get("path") not in removed
        and (output_dir / str(entry.get("path", ""))).is_file()
    }
    by_path.update({entry["path"]: entry for entry in entries})
    return write_manifest_data(
        output_dir / MANIFEST,
        {
            "generator": generator,
            "build_date": build_date,
            "outputs": [by_path[key] for key in sorted(by_path)],
        },
    )


def write_manifest_data(path: Path, manifest: dict[str, Any]) -> Path:
    write_atomic(path, (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode())
    return path


def remove_outputs(output_dir: Path, paths: Iterable[str]) -> None:
    """Delete outputs whose role or comparison is gone (only files inside ``output_dir``)."""
    root = output_dir.resolve()
    for rel in paths:
        target = (output_dir / rel).resolve()
        if target.is_relative_to(root):
            target.unlink(missing_ok=True)
