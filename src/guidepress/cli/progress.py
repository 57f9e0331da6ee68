"""How a build shows itself: a progress bar on a terminal, one plain line per output elsewhere."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from guidepress.build.manifest import Entry


def entry_line(entry: Entry) -> str:
    """``built  guides/chef.pdf (14 pages, 2.31 s)``"""
    detail = f"{entry.pages} pages, " if entry.pages else ""
    seconds = entry.seconds or 0.0
    return f"{entry.status:<6} {entry.path} ({detail}{seconds:.2f} s)"


class PlainReporter:
    """One line per output, for logs and CI."""

    def __init__(self, echo: Callable[[str], None]) -> None:
        self.echo = echo

    def start(self, total: int) -> None:
        pass

    def done(self, entry: Entry) -> None:
        self.echo(entry_line(entry))

    def close(self) -> None:
        pass


class BarReporter:
    """A live bar: outputs done of total, the output that just finished, time elapsed."""

    def __init__(self, stream: TextIO) -> None:
        self.progress = Progress(
            TextColumn("[bold]{task.fields[counts]}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=Console(file=stream),
            transient=False,
        )
        self.task = self.progress.add_task("", total=None, counts="")
        self.counts = {"built": 0, "cached": 0, "failed": 0}

    def start(self, total: int) -> None:
        self.progress.update(self.task, total=total)
        self.progress.start()

    def done(self, entry: Entry) -> None:
        self.counts[entry.status] = self.counts.get(entry.status, 0) + 1
        if entry.status == "failed":
            self.progress.console.print(f"[red]failed[/] {entry.path}")
        counts = " ".join(f"{n} {status}" for status, n in self.counts.items() if n)
        self.progress.update(self.task, advance=1, description=entry.path, counts=counts)

    def close(self) -> None:
        self.progress.stop()


def in_ci() -> bool:
    return bool(os.environ.get("CI")) or os.environ.get("GITHUB_ACTIONS") == "true"


def reporter_for(stream: TextIO, echo: Callable[[str], None]) -> PlainReporter | BarReporter:
    """A bar on an interactive terminal outside CI, else plain lines."""
    if stream.isatty() and not in_ci() and os.environ.get("TERM") != "dumb":
        return BarReporter(stream)
    return PlainReporter(echo)


def github_annotation(file: str, line: int, col: int, message: str, level: str = "error") -> str:
    """A GitHub Actions workflow command (``::error``, ``::warning``, ``::notice``) for one
    problem."""

    def escape(text: str, prop: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if prop else text

    where = [f"file={escape(file, True)}"] if file else []
    if line:
        where.append(f"line={line}")
        if col:
            where.append(f"col={col}")
    return (
        f"::{level} {','.join(where)}::{escape(message)}"
        if where
        else f"::{level}::{escape(message)}"
    )
