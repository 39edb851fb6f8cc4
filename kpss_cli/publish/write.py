"""Writing a folder of generated files safely: only inside OUT, never through a link, each
file replaced atomically and only when its content changed; files kpss wrote before and no
longer makes are removed, nothing else is touched."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
from pathlib import Path

from ..core.errors import KpssError, os_reason
from ..core.i18n import _

MANIFEST = ".kpss-site.json"  # the files kpss wrote into OUT last time


class Written:
    """What a build did to OUT."""

    def __init__(self) -> None:
        self.written: list[str] = []
        self.unchanged: list[str] = []
        self.removed: list[str] = []


class FolderWriter:
    """Files written relative to OUT through directory descriptors opened without following
    links, so no link inside OUT leads a write out of it."""

    def __init__(self, out: Path) -> None:
        self.out = out
        try:
            out.mkdir(parents=True, exist_ok=True)
            self._root = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
        except OSError as exc:
            raise KpssError(
                _("cannot write the site into {out}: {reason}").format(out=out, reason=os_reason(exc))
            ) from None
        self._folders: dict[str, int] = {"": self._root}
        self.result = Written()

    def close(self) -> None:
        for fd in self._folders.values():
            with contextlib.suppress(OSError):
                os.close(fd)
        self._folders = {}

    def _folder(self, rel: str) -> int:
        if rel in self._folders:
            return self._folders[rel]
        parent_rel, _slash, name = rel.rpartition("/")
        parent = self._folder(parent_rel)
        with contextlib.suppress(FileExistsError):
            os.mkdir(name, 0o755, dir_fd=parent)
        try:
            fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=parent)
        except OSError as exc:
            if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                raise KpssError(
                    _("refusing to write the site through {out}: it is a link or not a folder").format(
                        out=self.out / rel
                    )
                ) from None
            raise KpssError(
                _("cannot create {out}: {reason}").format(out=self.out / rel, reason=os_reason(exc))
            ) from None
        self._folders[rel] = fd
        return fd

    def prepare(self, files: list[str]) -> None:
        """Open (or create) the folders of `files`: a link among them stops the build before
        anything is written."""
        for rel in files:
            self._folder(rel.rpartition("/")[0])

    def _current(self, fd: int, name: str) -> bytes | None:
        try:
            handle = os.open(name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=fd)
        except OSError:
            return None  # missing, or a link: replaced, never followed
        with os.fdopen(handle, "rb") as file:
            return file.read()

    def write(self, rel: str, data: bytes) -> None:
        """Give OUT/rel the content `data`: atomically, and only when it differs."""
        folder_rel, _slash, name = rel.rpartition("/")
        if not name or name.startswith(".") or any(p in ("", ".", "..") for p in rel.split("/")):
            raise KpssError(_("refusing to write {rel!r}: not a plain name inside the site").format(rel=rel))
        fd = self._folder(folder_rel)
        if self._current(fd, name) == data:
            self.result.unchanged.append(rel)
            return
        temporary = f".{name}.kpss-{secrets.token_hex(4)}.tmp"
        handle = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_NOFOLLOW, 0o644, dir_fd=fd)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, name, src_dir_fd=fd, dst_dir_fd=fd)  # a link named so is replaced
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary, dir_fd=fd)
            raise
        self.result.written.append(rel)

    def finish(self, files: list[str]) -> Written:
        """Remove what the last build wrote and this one did not; record this one's files."""
        before: list[str] = []
        with contextlib.suppress(OSError, ValueError):
            listed = json.loads(self._current(self._root, MANIFEST) or b"[]")
            before = [f for f in listed if isinstance(f, str)]
        keep = set(files)
        for rel in before:
            if rel in keep or any(p in ("", ".", "..") for p in rel.split("/")):
                continue
            folder_rel, _slash, name = rel.rpartition("/")
            try:
                os.unlink(name, dir_fd=self._folder(folder_rel))
                self.result.removed.append(rel)
            except (OSError, KpssError):
                pass
        data = json.dumps(sorted(keep), ensure_ascii=False, indent=0).encode("utf-8")
        if self._current(self._root, MANIFEST) != data:
            temporary = f"{MANIFEST}.kpss-{secrets.token_hex(4)}.tmp"
            handle = os.open(
                temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_NOFOLLOW, 0o644, dir_fd=self._root
            )
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, MANIFEST, src_dir_fd=self._root, dst_dir_fd=self._root)
        for fd in self._folders.values():
            with contextlib.suppress(OSError):
                os.fsync(fd)
        return self.result
