"""What each output depends on, hashed: the ``inputs_hash`` that decides whether it is rebuilt.

An output depends on its role files, its comparison file, its brand kit's folder, the theme files
its kind uses (the templates reachable from its top template, its stylesheets and the style
assets), its options (every field of its Output), the edition date and guidepress itself
(package files, so a changed checkout counts as a new version too).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from pydantic import BaseModel

from guidepress import __version__
from guidepress.build.outputs import Output
from guidepress.content.audiences import reader
from guidepress.content.booklets import booklets
from guidepress.content.project import COMPARISONS_DIR, Project
from guidepress.i18n.labels import builtin_file, layers
from guidepress.render.kinds import KINDS
from guidepress.theme.lookup import Theme

#: guidepress.yaml keys that only select what to build, or whose parts each output hashes for
#: itself (its audience's settings, its booklet's): they change no other document. ``regions``
#: and ``data`` too: a regional output's hash holds the figures it prints instead.
_SELECTION_KEYS = {
    "brands", "locales", "kinds", "output", "compare", "audiences", "booklets", "regions", "data",
}  # fmt: skip


class Inputs:
    """Hashes outputs' inputs for one build; each file is read and hashed once."""

    def __init__(self, project: Project, theme: Theme) -> None:
        self.project = project
        self.theme = theme
        config = project.config.model_dump(mode="json", exclude=_SELECTION_KEYS)
        self.settings = json.dumps(
            {
                "config": config,
                "edition": project.build_date().isoformat(),
                "generator": __version__,
                "package": package_hash(),
            },
            sort_keys=True,
            default=str,
        )
        self._digests: dict[Path, bytes] = {}
        self._theme: dict[str, list[Path]] = {}  # by kind
        self._brand: dict[str, list[Path]] = {}  # the brand folder's files, walked once

    def files(self, output: Output) -> list[Path]:
        """Every file ``output`` is made from, in a stable order."""
        files = [self.project.role_files[slug] for slug in output.roles]
        if output.record.subject == "comparison":
            comparison = self.project.root / COMPARISONS_DIR / f"{output.subject}.yaml"
            files += [comparison] if comparison.is_file() else []
        files += self._language_files(output)
        if output.brand not in self._brand:
            folder = self.project.brand(output.brand).folder
            self._brand[output.brand] = list(_tree(folder)) if folder is not None else []
        if output.kind not in self._theme:
            self._theme[output.kind] = theme_files(self.theme, output.kind)
        return files + self._brand[output.brand] + self._theme[output.kind]

    def _language_files(self, output: Output) -> list[Path]:
        """The label catalogues of the output's locale and its roles' overlays for it."""
        found = [builtin_file("en")]
        found += [layer.path for layer in layers(output.locale, self.project.root)]
        for slug in output.roles:
            overlay = self.project.overlay(slug, output.locale)
            if overlay is not None:
                found.append(overlay.path)
        return found

    def hash(self, output: Output, data: str = "") -> str:
        """``data``: what the output prints from official pay data (``regional.fingerprint``)."""
        digest = hashlib.sha256(f"{output}\n{self.settings}\n{self._own(output)}\n".encode())
        if data:
            digest.update(f"data {data}\n".encode())
        for path in self.files(output):
            digest.update(path.name.encode())
            digest.update(self._digest(path))
        return digest.hexdigest()

    def _own(self, output: Output) -> str:
        """The settings of guidepress.yaml this output alone reads: its audience's (which
        decides what a comparison prints too), its booklet's."""
        config = self.project.config
        own: dict[str, BaseModel] = {"audience": reader(config, output.audience).settings}
        if output.record.subject == "booklet":
            own["booklet"] = booklets(config)[output.subject]
        found = {key: value.model_dump(mode="json") for key, value in own.items()}
        return json.dumps(found, sort_keys=True)

    def _digest(self, path: Path) -> bytes:
        if path not in self._digests:
            self._digests[path] = hashlib.sha256(path.read_bytes()).digest()
        return self._digests[path]


def theme_files(theme: Theme, kind: str) -> list[Path]:
    """The theme files an output of ``kind`` is laid out with.

    Templates are followed from the kind's top template through extends, include and import; a
    dynamic include (a name built at render time) makes every template a possible dependency,
    except the other kinds' top templates. Stylesheets are the kind's own plus every style file
    that is no kind's stylesheet (fonts, images, sheets pulled in with @import).
    """
    others = {record.template for name, record in KINDS.items() if name != kind}
    reach = theme.reach(KINDS[kind].template)
    templates = set(reach.files.values())
    if reach.dynamic:
        templates |= {
            path
            for folder in theme.template_dirs
            for path in _tree(folder)
            if path.relative_to(folder).as_posix() not in others
        }
    named = {name for record in KINDS.values() for name in record.stylesheets}
    styles: set[Path] = set()
    for folder in theme.style_dirs:
        for path in _tree(folder):
            name = path.relative_to(folder).as_posix()
            if name in KINDS[kind].stylesheets or name not in named:
                styles.add(path)
    return sorted(templates) + sorted(styles)


def _tree(folder: Path) -> Iterable[Path]:
    return (path for path in sorted(folder.rglob("*")) if path.is_file())


@cache
def package_hash() -> str:
    """A digest of guidepress's own files: a changed checkout rebuilds like a new version."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".yaml", ".json"}:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
