"""The one exit path of every command: a command returns its exit code, and what escapes it
becomes one message and an exit code (core/errors.py's ExitStatus), the same whether Typer
or the quick path ran it."""

from __future__ import annotations

import os
import sys

from ..core.errors import BUG_HINT, ExitStatus, KpssError, error_line
from ..core.i18n import _
from ..output.console import say
from .shared import settings

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any


def run_command(command: Callable[..., int | None], *args: Any, **kwargs: Any) -> int:
    """Run a command; return the exit code it returned (None: 0), or that of what escaped it.
    Exceptions no command ends with (SystemExit and the like) go on."""
    try:
        return int(command(*args, **kwargs) or ExitStatus.OK)
    except BaseException as exc:
        code = failure(exc)
        if code is None:
            raise
        return code


def failure(exc: BaseException) -> int | None:
    """Say what went wrong when `exc` escapes a command and return the exit code; None when
    the exception is not one a command ends with (SystemExit and the like)."""
    if isinstance(exc, KpssError):
        if settings["debug"]:
            import traceback  # only with --debug

            traceback.print_exc()
        say(error_line(str(exc)))
        return ExitStatus.USER_ERROR
    if isinstance(exc, BrokenPipeError):
        # `kpss tasks | head`: the reader has gone; stop quietly.
        _silence_stdout()
        return ExitStatus.OK
    if isinstance(exc, KeyboardInterrupt):
        return ExitStatus.INTERRUPTED
    if isinstance(exc, Exception):
        if settings["debug"]:
            import traceback  # only with --debug

            traceback.print_exc()
        say(error_line(f"{type(exc).__name__}: {exc}; {_(BUG_HINT)}"))
        return ExitStatus.INTERNAL
    return None


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (tests)
        pass
