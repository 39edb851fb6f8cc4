"""Writing files safely. Nothing people wrote is ever overwritten or lost.

- New files are created exclusively (`O_EXCL`), written in full and fsynced; a failure
  removes the half-written file, which nobody else can have had yet.
- A change to an existing file goes the way git writes its files: a lock file, a temporary
  copy, fsync, a check that nobody changed the original meanwhile, and an atomic rename.
  Only the lines meant to change are touched: the rest keep their bytes, their encoding,
  their BOM and their line endings (a file may mix them). On any failure the original stays
  byte for byte and no temporary or lock file is left behind.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
from collections.abc import Callable
from pathlib import Path

from ..core.errors import KpssError
from ..core.names import fold

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")

Change = Callable[[list[str]], list[str]]


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
    raise KpssError(f"{shown} holds bytes kpss cannot read back exactly; not changed")


def split_lines(text: str) -> list[str]:
    """Lines with their own endings (`\\r\\n`, `\\n` or `\\r`), so that joining them gives `text`."""
    return _LINE.findall(text)


def edit_file(path: Path, change: Change, shown: str) -> bool:
    """Apply `change` to the lines of `path` atomically; return False when it changed nothing."""
    lock = path.with_name(f".{path.name}.kpss-lock")
    try:
        lock_fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        raise KpssError(
            f"{shown} is being changed by another kpss (remove {lock.name} if none runs)"
        ) from None
    except OSError as exc:
        raise KpssError(f"cannot change {shown}: {exc.strerror or exc}") from None
    try:
        return _edit_locked(path, change, shown)
    finally:
        os.close(lock_fd)
        with contextlib.suppress(OSError):
            lock.unlink()


def _edit_locked(path: Path, change: Change, shown: str) -> bool:
    try:
        original = path.read_bytes()
        mode = path.stat().st_mode & 0o7777
    except OSError as exc:
        raise KpssError(f"cannot read {shown}: {exc.strerror or exc}") from None
    text, codec, bom = _decode(original, shown)
    lines = split_lines(text)
    changed = change(list(lines))
    if changed == lines:
        return False
    try:
        data = bom + "".join(changed).encode(codec)
    except UnicodeEncodeError:
        raise KpssError(
            f"the change cannot be written in {shown}'s encoding ({codec}); not changed"
        ) from None
    temporary = path.with_name(f".{path.name}.kpss-tmp")
    try:
        _write_new(temporary, data, mode)
        if path.read_bytes() != original:
            raise KpssError(f"{shown} changed while kpss was changing it; nothing was written")
        temporary.replace(path)
    except OSError as exc:
        raise KpssError(f"cannot change {shown}: {exc.strerror or exc}; the file is unchanged") from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    _sync_folder(path.parent)
    return True


def create_new(path: Path, text: str, shown: str) -> None:
    """Create `path` with `text` (UTF-8, `\n`); never overwrite. A failure leaves nothing behind."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_new(path, text.encode("utf-8"), 0o644)
    except FileExistsError:
        raise KpssError(f"{shown} already exists; nothing was written") from None
    except OSError as exc:
        raise KpssError(f"cannot create {shown}: {exc.strerror or exc}") from None
    _sync_folder(path.parent)


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


def _sync_folder(folder: Path) -> None:
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
                f"refusing to write to {'/'.join(parts)!r}: {part!r} is not a safe folder or file name"
            )
    path = root.joinpath(*parts)
    resolved_root = root.resolve()
    if not path.resolve().is_relative_to(resolved_root):
        raise KpssError(f"refusing to write to {'/'.join(parts)!r}: it leads outside the archive")
    return path
