"""Errors, diagnostics and exit codes: the one place for what kpss tells users went wrong."""

from __future__ import annotations

import errno
from enum import IntEnum

from .i18n import N_, _
from .model import Value


class ExitStatus(IntEnum):
    """Exit codes of the `kpss` command: the one table (docs/architecture.md, README)."""

    OK = 0
    # Something was found that the user asked to hear of (--fail-if-any, check --strict).
    FOUND = 1
    # Something the user can fix: bad input, a bad option or usage, a broken file.
    USER_ERROR = 2
    # A bug in kpss (an exception no command expects); sysexits.h's EX_SOFTWARE.
    INTERNAL = 70
    # Messages left to send (`kpss remind`: the SMTP server failed); run again. sysexits.h's EX_TEMPFAIL.
    PENDING = 75
    # Stopped by Ctrl+C (128 + SIGINT, as shells report it).
    INTERRUPTED = 130


BUG_HINT = N_(
    "this is a bug in kpss; please report it as an issue of the kpss repository with the command "
    "you ran and the traceback that --debug shows (see docs/security.md for security problems)"
)


# The reasons the system gives most often, in the interface's language (Python words them in
# English whatever the locale).
_REASONS = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("operation not permitted"),
    errno.ENOSPC: N_("no space left on the disk"),
    errno.EROFS: N_("the disk is read-only"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.EEXIST: N_("it already exists"),
    errno.ELOOP: N_("too many symbolic links"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.EDQUOT: N_("the disk quota is exceeded"),
}


def os_reason(exc: BaseException) -> str:
    """Why an operation of the system failed, as a user reads it."""
    if isinstance(exc, OSError):
        if exc.errno in _REASONS:
            return _(_REASONS[exc.errno])
        if exc.strerror:
            return exc.strerror
    return str(exc)


class KpssError(Exception):
    """An error the user can act on, optionally pointing at a file and line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        return format_location(self.path, self.line) + self.message

    def fields(self) -> tuple[str, str | None, int | None]:
        """What the error is made of, to be kept (as an answer in the index) and raised again
        as `KpssError(*fields)`."""
        return self.message, self.path, self.line


class Problem(Value):
    """A finding about one file: an error (the file or field is unusable) or a warning."""

    __slots__ = ("path", "line", "severity", "code", "message")

    def __init__(self, path: str, line: int | None, severity: str, code: str, message: str) -> None:
        self.path = path
        self.line = line
        self.severity = severity  # "error" | "warning"
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return format_location(self.path, self.line) + self.message

    @property
    def is_error(self) -> bool:
        """True when the problem is an error, not a warning."""
        return self.severity == "error"


def format_location(path: str | None, line: int | None) -> str:
    """Return `PATH:LINE: ` (or `PATH: `, or nothing) to put before a message."""
    if not path:
        return ""
    return f"{path}:{line}: " if line else f"{path}: "


def error_line(message: str) -> str:
    """The one-line form of an error as printed on stderr."""
    return f"kpss: error: {message}"


def warning_line(message: str) -> str:
    """The one-line form of a warning as printed on stderr."""
    return f"kpss: warning: {message}"
