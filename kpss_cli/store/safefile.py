"""Writing files safely. Nothing people wrote is ever overwritten or lost, and every write is
all or nothing, even when the process is killed half-way.

- A new file is written in full under a temporary hidden name, fsynced, then linked to its
  name, which fails when the name exists: nobody ever sees a half-written file under the
  final name, and a retry after a kill finds the name free.
- A change to an existing file goes the way git writes its files: a lock file, a temporary
  copy, fsync, a check that the original still holds the bytes the change was made from,
  and an atomic rename. Only the lines meant to change are touched: the rest keep their
  bytes, their encoding, their BOM and their line endings (a file may mix them). On any
  failure the original stays byte for byte and no temporary or lock file is left behind; a
  lock left by a killed kpss on this computer is taken over.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..core.errors import KpssError, os_reason
from ..core.i18n import _
from ..core.names import fold

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")

Change = Callable[[list[str]], list[str]]


class FileChanged(KpssError):
    """The file no longer holds the bytes a change was worked out from."""


_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _decode(data: bytes, shown: str) -> tuple[str, str, bytes]:
    """(text with its own line endings, codec, BOM) of a file kpss may write back exactly."""
    bom: bytes = b""
    candidates: tuple[str, ...] = ("utf-8", "cp1250")  # without a BOM: UTF-8, else Word's Windows-1250
    for mark, codec in _BOMS:
        if data.startswith(mark):
            bom, candidates = mark, (codec,)
            break
    for codec in candidates:
        try:
            return data[len(bom) :].decode(codec), codec, bom
        except UnicodeDecodeError:
            continue
    raise KpssError(_("{shown} holds bytes kpss cannot read back exactly; not changed").format(shown=shown))


def read_lines(path: Path, shown: str) -> list[str]:
    """The lines of a file kpss may write back exactly, with their own endings."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KpssError(
            _("cannot read {shown}: {reason}").format(shown=shown, reason=os_reason(exc))
        ) from None
    return split_lines(_decode(data, shown)[0])


def split_lines(text: str) -> list[str]:
    """Lines with their own endings (`\\r\\n`, `\\n` or `\\r`), so that joining them gives `text`."""
    return _LINE.findall(text)


def edit_file(path: Path, change: Change, shown: str, expected: bytes | None = None) -> bool:
    """Apply `change` to the lines of `path` atomically; return False when it changed nothing.
    With `expected`, the bytes the change was worked out from: a file that no longer holds
    them is left alone (an editor saved it meanwhile)."""
    with held(path.with_name(f".{path.name}.kpss-lock"), shown):
        return _edit_locked(path, change, shown, expected)


@contextlib.contextmanager
def held(lock: Path, shown: str) -> Iterator[None]:
    """Hold the lock file `lock` for the block: one kpss at a time changes `shown`."""
    lock_fd = _take_lock(lock, shown)
    try:
        yield
    finally:
        os.close(lock_fd)
        with contextlib.suppress(OSError):
            lock.unlink()


def _host() -> str:
    """This computer's name, as socket.gethostname() gives it: the node name of uname where
    there is one (importing socket and secrets took some 14 ms of `kpss remind --dry-run`)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket  # Windows

    return socket.gethostname()


_OWNER = f"{_host()} {os.getpid()}\n"


LOCK_WAIT = 5.0  # seconds to wait for another kpss's change of the same file


def _take_lock(lock: Path, shown: str) -> int:
    """The lock file, created exclusively and naming its owner (host and process). Another
    kpss's lock is waited for (LOCK_WAIT); one whose owner was a process of this computer that
    no longer runs (killed) is taken over."""
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            if _stale(lock):
                with contextlib.suppress(OSError):
                    lock.unlink()
                continue
            if time.monotonic() < deadline:
                time.sleep(0.05)
                continue
            raise KpssError(
                _("{shown} is being changed by another kpss (remove {name} if none runs)").format(
                    shown=shown, name=lock.name
                )
            ) from None
        except OSError as exc:
            raise KpssError(
                _("cannot change {shown}: {reason}").format(shown=shown, reason=os_reason(exc))
            ) from None
        with contextlib.suppress(OSError):
            os.write(fd, _OWNER.encode())
        return fd


def _stale(lock: Path) -> bool:
    """True when the lock names a process of this computer that has ended."""
    try:
        host, _, pid = lock.read_text(encoding="utf-8").strip().rpartition(" ")
        if host != _host() or not pid.isdigit():
            return False  # another computer's, or still being written: not ours to judge
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except (OSError, ValueError):
        return False
    return False


def _edit_locked(path: Path, change: Change, shown: str, expected: bytes | None) -> bool:
    try:
        original = path.read_bytes()
        mode = path.stat().st_mode & 0o7777
    except OSError as exc:
        raise KpssError(
            _("cannot read {shown}: {reason}").format(shown=shown, reason=os_reason(exc))
        ) from None
    if expected is not None and original != expected:
        raise FileChanged(
            _("{shown} changed since kpss read it; nothing was written (run again)").format(shown=shown)
        )
    text, codec, bom = _decode(original, shown)
    lines = split_lines(text)
    changed = change(list(lines))
    if changed == lines:
        return False
    try:
        data = bom + "".join(changed).encode(codec)
    except UnicodeEncodeError:
        raise KpssError(
            _("the change cannot be written in {shown}'s encoding ({codec}); not changed").format(
                shown=shown, codec=codec
            )
        ) from None
    try:
        with _beside(path) as temporary:
            _write_new(temporary, data, mode)
            if path.read_bytes() != original:
                raise KpssError(
                    _("{shown} changed while kpss was changing it; nothing was written").format(shown=shown)
                )
            temporary.replace(path)
    except OSError as exc:
        raise KpssError(
            _("cannot change {shown}: {reason}; the file is unchanged").format(
                shown=shown, reason=os_reason(exc)
            )
        ) from None
    sync_folder(path.parent)
    return True


def create_new(path: Path, text: str, shown: str) -> None:
    """Create `path` with `text` (UTF-8, `\n`); never overwrite. Written in full under a
    temporary name and then linked to its own: a failure, or a kill, leaves no file under it."""
    if path.exists() or path.is_symlink():
        raise KpssError(_("{shown} already exists; nothing was written").format(shown=shown))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _beside(path) as temporary:
            _write_new(temporary, text.encode("utf-8"), 0o644)
            _link(temporary, path)
    except FileExistsError:
        raise KpssError(_("{shown} already exists; nothing was written").format(shown=shown)) from None
    except OSError as exc:
        raise KpssError(
            _("cannot create {shown}: {reason}").format(shown=shown, reason=os_reason(exc))
        ) from None
    sync_folder(path.parent)


_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK}


def _link(temporary: Path, path: Path) -> None:
    """Give the file `temporary` the name `path` too; FileExistsError when the name is taken."""
    try:
        os.link(temporary, path)  # fails when the name exists: exclusive, like O_EXCL
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        # No hard links on this file system (some network shares): check the name, then
        # rename to it. Exclusive but for a moment's race, and still never half-written.
        if path.exists():
            raise FileExistsError(str(path)) from None
        temporary.rename(path)


@contextlib.contextmanager
def _beside(path: Path) -> Iterator[Path]:
    """A hidden name beside `path` for its next content, removed afterwards: the walk skips
    hidden files, and the random part keeps one left by a killed kpss from blocking the next."""
    temporary = path.with_name(f".{path.name}.kpss-{os.urandom(4).hex()}.tmp")
    try:
        yield temporary
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _write_new(path: Path, data: bytes, mode: int) -> None:
    """Write a new file in full, or remove it again: created exclusively, it is ours alone."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, mode)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            path.unlink()
        raise
    os.close(fd)


def sync_folder(folder: Path) -> None:
    """Make the rename durable; not every system can open a folder, which is then fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}


def safe_path(root: Path, *parts: str) -> Path:
    """`root/parts…`, refusing anything that could lead outside the archive or is not a name."""
    for part in "/".join(parts).split("/"):
        stem = fold(part.split(".")[0])
        if (
            part in ("", ".", "..")
            or "\\" in part
            or ":" in part
            or stem in _RESERVED
            or part != part.strip()
        ):
            raise KpssError(
                _("refusing to write to {parts!r}: {part!r} is not a safe folder or file name").format(
                    parts="/".join(parts), part=part
                )
            )
    path = root.joinpath(*parts)
    resolved_root = root.resolve()
    if not path.resolve().is_relative_to(resolved_root):
        raise KpssError(
            _("refusing to write to {parts!r}: it leads outside the archive").format(parts="/".join(parts))
        )
    return path
