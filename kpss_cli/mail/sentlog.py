"""The sent-log: what `kpss remind` told whom and when, one line per key and recipient, kept
in the archive (`kpss-sent.tsv` beside kpss.yaml) so that it travels with it: a copy of the
archive on another computer sends nothing twice either. Not a `.md` file, so never taken for
minutes. Each line is appended right after its message was accepted, atomically and under the
file's lock (store/safefile.py): a run stopped half-way has recorded exactly what went out."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from ..core.errors import KpssError
from ..core.i18n import _
from ..store.files import read_regular
from ..store.safefile import create_new, edit_file, held
from .message import Outgoing

LOG_NAME = "kpss-sent.tsv"
HEADER = (
    "# kpss remind: the reminders and invitations sent (time, what, to whom). Keep this file with\n"
    "# the archive: kpss sends nothing that is listed here again.\n"
    "time\tkey\trecipient\n"
)


def one_run(root: Path) -> contextlib.AbstractContextManager[None]:
    """The archive's remind lock, held from reading the sent-log to the last message."""
    return held(root / f".{LOG_NAME}.run-lock", LOG_NAME)


def _field(text: str) -> str:
    return " ".join(text.split())  # no tab or line break inside a field


class SentLog:
    """The keys already sent, per recipient address (case ignored), and the way to add more."""

    def __init__(self, root: Path) -> None:
        self.path = root / LOG_NAME
        self.sent: set[tuple[str, str]] = set()
        try:
            text = read_regular(str(self.path)).decode("utf-8")
        except FileNotFoundError:
            return
        except (OSError, UnicodeDecodeError) as exc:
            raise KpssError(_("cannot read the sent-log: {exc}").format(exc=exc), LOG_NAME) from None
        for line in text.splitlines():
            fields = line.split("\t")
            if len(fields) == 3 and not line.startswith("#") and fields[0] != "time":
                self.sent.add((fields[1], fields[2].lower()))

    def has(self, key: str, recipient: str) -> bool:
        """True when `key` was sent to `recipient` before."""
        return (_field(key), _field(recipient).lower()) in self.sent

    def unsent(self, messages: list[Outgoing]) -> list[Outgoing]:
        """The messages that tell their recipient something not sent to them before."""
        return [m for m in messages if not all(self.has(key, m.address) for key in m.keys)]

    def record(self, keys: tuple[str, ...], recipient: str, when: dt.datetime) -> None:
        """Append one line per key sent to `recipient` at `when`, in one atomic change."""
        stamp = when.astimezone(dt.UTC).isoformat(timespec="seconds")
        lines = [f"{stamp}\t{_field(key)}\t{_field(recipient)}\n" for key in keys]
        if not self.path.exists():
            try:
                create_new(self.path, HEADER + "".join(lines), LOG_NAME)
            except KpssError:
                if not self.path.exists():
                    raise
            else:
                self._remember(keys, recipient)
                return
        edit_file(self.path, lambda old: _ended(old) + lines, LOG_NAME)
        self._remember(keys, recipient)

    def _remember(self, keys: tuple[str, ...], recipient: str) -> None:
        self.sent.update((_field(key), _field(recipient).lower()) for key in keys)


def _ended(lines: list[str]) -> list[str]:
    """The lines, the last one ended (someone may have edited the file by hand)."""
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += "\n"
    return lines
