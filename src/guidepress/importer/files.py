"""Import files (or standard input) and write one role file per page, atomically."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

from guidepress.errors import ContentError, Problem
from guidepress.files import write_atomic
from guidepress.importer.charset import MAX_HTML_BYTES
from guidepress.importer.decode import MAX_INPUT_BYTES
from guidepress.importer.page import ImportResult, import_text
from guidepress.importer.sniff import Kind, kind_of_name

_EXISTS = "already exists; use --force to overwrite"


class ImportFailed(ContentError):
    """Some inputs could not be imported; ``results`` holds the ones that were written."""

    def __init__(self, problems: list[Problem], results: list[ImportResult]) -> None:
        super().__init__(problems)
        self.results = results


def _read(source: str, kind: Kind | None, stdin: BinaryIO | None) -> bytes:
    """The input's bytes, one past its kind's limit at most (the decoder says it is too large)."""
    html = kind == "html" or source == "-"  # standard input may be a web page
    limit = max(MAX_INPUT_BYTES, MAX_HTML_BYTES) if html else MAX_INPUT_BYTES
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return stream.read(limit + 1)
    try:
        with open(source, "rb") as handle:
            return handle.read(limit + 1)
    except OSError as exc:
        problem = Problem(source, 0, 0, "", f"cannot read file: {exc.strerror}")
        raise ContentError([problem]) from None


def import_files(
    sources: list[str], out_dir: Path, force: bool, stdin: BinaryIO | None = None
) -> list[ImportResult]:
    """Import every source into ``out_dir``/<slug>.yaml; raises ImportFailed after writing the
    good ones when any input was unusable or a file would be overwritten without ``force``."""
    problems: list[Problem] = []
    results: list[ImportResult] = []
    claimed: dict[Path, str] = {}
    for source in sources:
        name = "stdin" if source == "-" else source
        try:
            kind = kind_of_name(source)  # refuses .pdf, .docx, ... before reading them
            result = import_text(_read(source, kind, stdin), name, kind)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        path = out_dir / f"{result.slug}.yaml"
        if path in claimed:
            problems.append(Problem(name, 0, 0, "", f"same role as {claimed[path]} ({path})"))
            continue
        claimed[path] = name
        if path.exists() and not force:
            problems.append(Problem(str(path), 0, 0, "", _EXISTS))
            continue
        try:
            write_atomic(path, result.yaml_text)
        except OSError as exc:
            problems.append(Problem(str(path), 0, 0, "", f"cannot write file: {exc.strerror}"))
            continue
        result.path = path
        results.append(result)
    if problems:
        raise ImportFailed(problems, results)
    return results


def summary_line(result: ImportResult) -> str:
    """``nurse: 31 sections, 1 warning -> content/roles/nurse.yaml``."""
    sections = f"{len(result.sections)} section{'s' if len(result.sections) != 1 else ''}"
    warnings = f"{len(result.warnings)} warning{'s' if len(result.warnings) != 1 else ''}"
    line = f"{result.slug}: {sections}, {warnings}"
    if result.role.get("provenance", {}).get("encoding_repaired"):
        line += ", encoding repaired"
    return f"{line} -> {result.path}" if result.path else line
