"""Approving minutes: `status: draft` becomes `approved`, and nothing else in the file changes."""

from __future__ import annotations

import re

from ..core.errors import KpssError, os_reason
from ..core.i18n import _
from ..core.model import Minutes
from ..core.names import fold
from ..minutes.parse import parse_minutes
from ..store.archive import Archive, shown_path
from ..store.safefile import FileChanged, edit_file

_STATUS_LINE = re.compile(
    r"^(?P<key>[ \t]*(?P<name>[^:#\r\n]+?)[ \t]*:[ \t]*)(?P<value>[^#\r\n]*?)(?P<rest>[ \t]*(?:#[^\r\n]*)?(?:\r\n|\r|\n)?)$"
)


def approve(archive: Archive, minutes: Minutes) -> bool:
    """Mark `minutes` approved in its file; False when they already were.

    The file is read and parsed afresh, and changed only if it still holds those bytes: lines
    found in an older reading (the index's) could be other lines by now. A file another kpss
    changed meanwhile (approving it too) is read again."""
    for attempt in (1, 2, 3):
        try:
            return _approve(archive, minutes)
        except FileChanged:
            if attempt == 3:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _approve(archive: Archive, minutes: Minutes) -> bool:
    shown = shown_path(archive, minutes.path)
    path = archive.root / minutes.path
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KpssError(
            _("cannot read {shown}: {reason}").format(shown=shown, reason=os_reason(exc))
        ) from None
    current, _problems = parse_minutes(data, minutes.path, shown, archive.config)
    if current is None:
        raise KpssError(
            _("{shown} is no longer readable minutes (see `kpss check`); nothing was written").format(
                shown=shown
            )
        )
    minutes = current
    if minutes.status == "approved":
        return False
    line = minutes.key_lines.get("status")
    closing = minutes.body_line - 2  # 0-based index of the closing `---`

    def change(lines: list[str]) -> list[str]:
        if line is not None:
            match = _STATUS_LINE.match(lines[line - 1])
            if match is None or fold(match["name"]) not in ("status", "stav"):
                raise KpssError(
                    _("the status of {shown} is not on a line of its own; change it by hand").format(
                        shown=shown
                    )
                )
            czech = fold(match["name"]) == "stav"
            key = match["key"] if match["key"].endswith((" ", "\t")) else match["key"] + " "  # `status:`
            lines[line - 1] = key + ("schváleno" if czech else "approved") + match["rest"]
            return lines
        if (
            closing < 1
            or closing >= len(lines)
            or lines[closing].rstrip("\r\n").rstrip() not in ("---", "...")
        ):
            raise KpssError(_("{shown} changed since kpss read it; nothing was written").format(shown=shown))
        if lines[1].lstrip().startswith("{"):
            raise KpssError(
                _(
                    "the front matter of {shown} is one {{...}} mapping; add `status: approved` by hand"
                ).format(shown=shown)
            )
        ending = lines[closing - 1][len(lines[closing - 1].rstrip("\r\n")) :] or "\n"
        lines.insert(closing, "status: approved" + ending)
        return lines

    return edit_file(path, change, shown, expected=data)
