"""HTML output: the document with its stylesheets inlined and the files they use beside it, so a
browser shows it and plain WeasyPrint lays it out into the same pages as the PDF."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import unquote, urlsplit

from guidepress.errors import RenderError
from guidepress.files import write_atomic

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

    def copy(source: Path) -> str:
        data = source.read_bytes()
        target = assets / source.name
        if target.exists() and target.read_bytes() != data:  # same name, other file
            target = assets / f"{hashlib.sha256(data).hexdigest()[:8]}-{source.name}"
        if not target.exists():
            write_atomic(target, data)
        return f"assets/{target.name}"

    return inline_styles(html, stylesheets, allowed, copy)


def inline_styles(
    html: str, stylesheets: list[Path], allowed: Sequence[Path], place: Callable[[Path], str]
) -> bytes:
    """``html`` with its stylesheets inlined; ``place`` gives the URL each file they use is
    served at (it is called only for files under ``allowed`` and the stylesheets' folders)."""
    roots = [p.resolve() for p in [*allowed, *(sheet.parent for sheet in stylesheets)]]

    def use(source: Path) -> str:
        if not any(source.is_relative_to(root) for root in roots) or not source.is_file():
            raise RenderError(f"blocked resource: {source.as_uri()}")
        return f'url("{place(source)}")'

    styles = []
    for sheet in stylesheets:
        where = f"{sheet.parent.name}/{sheet.name}"
        text = sheet.read_text("utf-8")
        styles.append(
            _URL.sub(lambda m, f=sheet.parent, w=where: use(_asset(f, m.group(1), w)), text)  # type: ignore[misc]
        )
    html = _FILE_URL.sub(lambda m: use(Path(unquote(urlsplit(m.group(1)).path)).resolve()), html)
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
