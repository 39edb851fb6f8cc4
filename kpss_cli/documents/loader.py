"""Where templates are read from: folders in order, and only files that stay inside them.

An archive's `templates/` folder comes from whoever can write to the shared folder. A link in
it (`templates/secret.txt -> ~/.ssh/id_rsa`) must not make kpss print what it points to, and a
pipe in it must not make kpss wait forever. So a template is read only when it is a regular
file whose real path (links resolved) lies inside the bounds of the folder it was found in.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import jinja2
from jinja2.loaders import split_template_path

from ..core.errors import KpssError, os_reason
from ..core.i18n import _

MAX_TEMPLATE = 1024 * 1024  # bytes of one template file; kpss's own are a few KiB

# Open the real path without following a link put there after it was resolved, and without
# waiting for a writer when it is a pipe (it is refused once open).
_OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
)


class TemplateFolder:
    """A folder templates are looked up in, the real path its files must stay inside
    (`bound`), and the error to give instead when the whole folder is refused."""

    __slots__ = ("path", "bound", "refusal")

    def __init__(self, path: str, bound: str, refusal: KpssError | None = None) -> None:
        self.path = path
        self.bound = bound
        self.refusal = refusal


def folders(
    extra: str | None, archive_root: str | None, language: str, packaged: str
) -> list[TemplateFolder]:
    """The template folders in the order they are searched: the folder of a template given by
    path, the archive's `templates/<language>/` and `templates/`, kpss's own for the language
    and those all languages share. Files in the archive's folders must stay inside its
    `templates/`, which must itself be inside the archive."""
    found = [TemplateFolder(extra, os.path.realpath(extra))] if extra else []
    if archive_root is not None:
        templates = os.path.join(archive_root, "templates")
        bound = os.path.realpath(templates)
        refusal = None
        if not _inside(bound, os.path.realpath(archive_root)):
            refusal = KpssError(_("template refused: a link leading out of the archive"), templates)
        found += [
            TemplateFolder(os.path.join(templates, language), bound, refusal),
            TemplateFolder(templates, bound, refusal),
        ]
    own = os.path.realpath(packaged)
    found += [TemplateFolder(os.path.join(packaged, language), own), TemplateFolder(packaged, own)]
    return found


class SafeLoader(jinja2.BaseLoader):
    """Jinja's FileSystemLoader, but a template found through a link leading out of its
    folder, or one that is not a regular file, is an error naming it rather than read."""

    def __init__(self, search: list[TemplateFolder]) -> None:
        self.search = search

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses `..`, as FileSystemLoader does
        for folder in self.search:
            path = os.path.normpath(os.path.join(folder.path, *pieces))
            if folder.refusal:
                raise folder.refusal
            if not os.path.lexists(path):
                continue
            real = os.path.realpath(path)
            if not _inside(real, folder.bound):
                raise KpssError(_("template refused: a link leading out of its template folder"), path)
            read = _read(real, path, folder.bound)
            if read is None:  # a link to nothing: not here, as for FileSystemLoader
                continue
            text, mtime = read

            def uptodate(real: str = real, mtime: float = mtime) -> bool:
                try:
                    return Path(real).stat().st_mtime == mtime
                except OSError:
                    return False

            return text, path, uptodate
        raise jinja2.TemplateNotFound(template)


def _inside(real: str, bound: str) -> bool:
    try:
        return os.path.commonpath([real, bound]) == bound
    except ValueError:  # another drive (Windows)
        return False


def _read(real: str, shown: str, bound: str) -> tuple[str, float] | None:
    """The text of a template file and its mtime; None when it does not exist."""
    try:
        fd = os.open(real, _OPEN_FLAGS)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise KpssError(
            _("cannot read the template: {reason}").format(reason=os_reason(exc)), shown
        ) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise KpssError(_("template refused: not a regular file (a folder, pipe or device)"), shown)
        # O_NOFOLLOW guards the last part of the path only: a folder on the way swapped for a
        # link since it was resolved would have led elsewhere. What was opened must still be
        # the file the path leads to inside the folder.
        again = os.path.realpath(shown)
        try:
            now = Path(again).stat()
        except OSError:
            now = None
        if not _inside(again, bound) or now is None or (now.st_dev, now.st_ino) != (info.st_dev, info.st_ino):
            raise KpssError(_("template refused: it changed while being read"), shown)
        data = handle.read(MAX_TEMPLATE + 1)
    if len(data) > MAX_TEMPLATE:
        raise KpssError(
            _("template refused: larger than {max_template} MiB").format(
                max_template=MAX_TEMPLATE // 1024 // 1024
            ),
            shown,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise KpssError(_("template is not UTF-8 (byte {start})").format(start=exc.start), shown) from None
    # As FileSystemLoader reads (text mode): every line ending is `\n`.
    return text.replace("\r\n", "\n").replace("\r", "\n"), info.st_mtime
