"""Our exceptions become messages and exit codes here, in one place; a bug becomes one line."""

from __future__ import annotations

import functools
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

import click

from guidepress.errors import GuidepressError, printable

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """Turn our exceptions into messages and exit codes; a bug becomes one line and a file."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except GuidepressError as exc:
            for line in exc.lines():
                click.echo(line, err=True)
            if os.environ.get("GITHUB_ACTIONS") == "true":
                from guidepress.cli.progress import github_annotation

                for p in exc.problems_found():
                    text = f"{p.field}: {p.message}" if p.field else p.message
                    click.echo(github_annotation(p.file, p.line, p.col, text))
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:  # Ctrl-C outside a build (a build says what it kept)
            click.echo("interrupted: files written before it are kept whole", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except BrokenPipeError:  # output piped into `head` and the like: stop quietly
            sys.exit(1)
        except Exception as exc:  # a bug: never show a raw traceback to the user
            ctx = click.get_current_context(silent=True)
            if ctx is not None and ctx.find_root().params.get("debug"):
                raise
            with tempfile.NamedTemporaryFile(
                "w", prefix="guidepress-crash-", suffix=".txt", delete=False
            ) as handle:
                traceback.print_exc(file=handle)
            click.echo(
                printable(f"internal error: {type(exc).__name__}: {exc}")
                + f" (traceback written to {handle.name})",
                err=True,
            )
            sys.exit(3)

    return wrapper  # type: ignore[return-value]


class _EchoWarnings(logging.Handler):
    """Prints the core's warnings (logger "guidepress") as ``warning: ...`` lines on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"warning: {record.getMessage()}", err=True)


def show_warnings() -> None:
    logger = logging.getLogger("guidepress")
    if not any(isinstance(h, _EchoWarnings) for h in logger.handlers):
        logger.addHandler(_EchoWarnings(logging.WARNING))
        logger.propagate = False
