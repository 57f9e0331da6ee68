"""Where a build writes: the output folder, checked before anything is rendered, and the one
file ``-o FILE`` (or ``compare --out``) asks for."""

from __future__ import annotations

from pathlib import Path

from guidepress.build.outputs import AXES, Output
from guidepress.content.load import read
from guidepress.content.project import CONFIG_FILE
from guidepress.errors import ContentError, Problem, UsageError
from guidepress.files import unwritable


def one_output(outputs: list[Output], file: Path) -> Output:
    """The one output ``-o FILE`` writes; a usage error unless exactly one is selected and the
    file's suffix is its format's."""
    only_one(outputs, "-o", "writes")
    if outputs[0].format == "png":
        raise UsageError("-o: page images are one file per page; use --out DIR for them")
    suffix_for(outputs[0].format, file, "-o")
    return outputs[0]


def only_one(outputs: list[Output], option: str, does: str) -> Output:
    """The one output selected, for an option that ``does`` something with one output (``-o``
    writes it, ``--open`` opens it); else a usage error naming what tells those selected apart."""
    if len(outputs) != 1:
        shown = ", ".join(o.path for o in outputs[:3]) + (", ..." if len(outputs) > 3 else "")
        chosen = f": {shown}" if outputs else ""
        raise UsageError(
            f"{option}: {does} one output, and {len(outputs)} are selected{chosen}; "
            f"choose one with {', '.join(_telling_apart(outputs))}"
        )
    return outputs[0]


def _telling_apart(outputs: list[Output]) -> list[str]:
    """The arguments on which ``outputs`` differ (all of them when none is selected); an axis
    that does not apply to some formats (None there) does not tell those apart."""
    differ = [("ROLE", "subject"), ("--kind", "kind")]
    differ += [(f"--{axis.name.replace('_', '-')}", axis.name) for axis in AXES]
    found = [flag for flag, name in differ if len({getattr(o, name) for o in outputs} - {None}) > 1]
    return found or ["ROLE", "--kind", "--brand", "--locale"]


def suffix_for(format: str, file: Path, option: str) -> None:
    """Refuse a file name whose suffix is not ``format``'s (a PDF named .txt is lost)."""
    if file.suffix.lower() != f".{format}":
        other = " (or .html with --format html)" if format == "pdf" else ""
        raise UsageError(f"{option}: the file name must end in .{format}{other} (got '{file}')")


def require_writable(
    root: Path, output_dir: Path, out_option: bool, file: tuple[str, Path] | None = None
) -> None:
    """The output folder (and the folder of ``file``: an option and its file) can be written:
    said, located at the option or at guidepress.yaml's ``output``, before anything is
    rendered. ``out_option``: the folder comes from ``--out``."""
    folders = [(output_dir, "--out" if out_option else None)]
    if file is not None:
        folders.append((file[1].parent, file[0]))
    for folder, option in folders:
        reason = unwritable(folder)
        if reason is None:
            continue
        if option is not None:
            raise ContentError([Problem(option, message=f"cannot write to {folder}: {reason}")])
        doc, _ = read(root / CONFIG_FILE, CONFIG_FILE)
        message = f"cannot write to {folder}: {reason}"
        where = doc.problem(("output",), message) if doc else Problem(CONFIG_FILE, message=message)
        raise ContentError([where])
