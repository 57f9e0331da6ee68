"""The exception tree. User errors (content, brands, templates, usage) are apart from bugs."""

from __future__ import annotations

from dataclasses import dataclass


def printable(text: str) -> str:
    """``text`` with every non-printable character (ESC, newline, bidi overrides, ...) escaped
    repr-style, so that a message quoting user text cannot drive the terminal it is shown on."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file, printed as ``file:line:col: field: message``."""

    file: str
    line: int = 0
    col: int = 0
    field: str = ""
    message: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        text = (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )
        return printable(text)


class GuidepressError(Exception):
    """Base of every error a user can cause; the CLI prints it and exits 1."""

    exit_code = 1

    def lines(self) -> list[str]:
        """What the CLI prints: one line each, with control characters escaped."""
        return [printable(line) for line in str(self).split("\n")]

    def problems_found(self) -> list[Problem]:
        """The problems with their places, for CI annotations."""
        return [Problem("", message=line) for line in self.lines()]


class ContentError(GuidepressError):
    """Raised by loading and validation: every problem found in every file, collected first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]

    def problems_found(self) -> list[Problem]:
        return list(self.problems)


class ProjectNotFound(GuidepressError):
    """Raised when no guidepress.yaml is found from the working folder up."""


class TemplateProblem(GuidepressError):
    """Raised by the HTML renderer when a template is missing or broken."""


class RenderError(GuidepressError):
    """Raised by the PDF renderer when an output cannot be produced (blocked resource, ...)."""


class UsageError(GuidepressError):
    """Raised for option combinations the CLI parser cannot catch; exit code 2."""

    exit_code = 2
