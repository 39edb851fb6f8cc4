"""Reading a file of the archive safely: never through a link, never waiting on a pipe, and
nothing but a regular file (minutes, kpss.yaml, the bodies `show` and `render` read)."""

from __future__ import annotations

import os
import stat

from ..core.i18n import _

# A file is opened as the file the walk saw: without waiting when a pipe was put in its place
# since (its descriptor then shows what it is), and not through a link.
READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class NotAFile(OSError):
    """A pipe, a device or a socket where a file was expected (its `mode` says which)."""

    def __init__(self, mode: int) -> None:
        super().__init__(_("not a regular file (mode {mode:o})").format(mode=mode))
        self.mode = mode


def read_regular(path: str, limit: int | None = None) -> bytes:
    """The bytes of the regular file `path` (at most `limit` + 1 of them), never through a
    link, never waiting on a pipe; NotAFile for anything but a regular file."""
    with open(os.open(path, READ_FLAGS), "rb") as handle:
        found = os.fstat(handle.fileno())
        if not stat.S_ISREG(found.st_mode):
            raise NotAFile(found.st_mode)
        # As much as the file holds (reading up to the limit would allocate it all), never
        # more than the limit: it may have grown since it was looked at.
        return handle.read() if limit is None else handle.read(min(found.st_size, limit) + 1)
