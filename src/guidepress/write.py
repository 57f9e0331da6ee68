"""Stage 5, the only one that touches output/: atomic files and the manifest."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

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


_URL = re.compile(r"url\(\s*['\"]?(?!data:)([^'\")]+?)['\"]?\s*\)")


_FILE_URL = re.compile(r"url\(\"(file://[^\"]+)\"\)")


def self_contained_html(html: str, stylesheets: list[Path], out: Path) -> bytes:
    """Inline the stylesheets into ``html``; files they and the brand's @font-face rules refer to
    are copied to assets/ beside it."""
    assets = out.parent / "assets"

    def asset(source: Path) -> str:
        target = assets / source.name
        if not target.exists() or target.stat().st_size != source.stat().st_size:
            assets.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        return f'url("assets/{source.name}")'

    styles = []
    for sheet in stylesheets:

        def copy(match: re.Match[str], folder: Path = sheet.parent) -> str:
            return asset((folder / match.group(1)).resolve())

        styles.append(_URL.sub(copy, sheet.read_text("utf-8")))
    html = _FILE_URL.sub(lambda m: asset(Path(unquote(urlsplit(m.group(1)).path))), html)
    # Before the document's own <style>: the brand's tokens there must win over the theme's
    # defaults, as they do in the PDF, where stylesheets rank below in-document styles.
    block = "<style>\n" + "\n".join(styles) + "\n</style>\n"
    at = html.find("<style") if "<style" in html else html.find("</head>")
    return (html[:at] + block + html[at:]).encode("utf-8")


def read_manifest(output_dir: Path) -> dict[str, Any]:
    try:
        data = json.loads((output_dir / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_manifest(
    output_dir: Path, generator: str, build_date: str, entries: list[dict[str, Any]]
) -> Path:
    """Merge ``entries`` into the manifest; earlier entries stay while their files exist."""
    by_path = {
        entry["path"]: entry
        for entry in read_manifest(output_dir).get("outputs", [])
        if isinstance(entry, dict) and (output_dir / str(entry.get("path", ""))).is_file()
    }
    by_path.update({entry["path"]: entry for entry in entries})
    manifest = {
        "generator": generator,
        "build_date": build_date,
        "outputs": [by_path[key] for key in sorted(by_path)],
    }
    path = output_dir / MANIFEST
    write_atomic(path, (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode())
    return path
