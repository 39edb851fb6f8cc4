"""Reading a minutes file: bytes to text (encodings, BOM, newlines) and the front matter split."""

from __future__ import annotations

import codecs

from ..core.i18n import _
from ..core.model import Value

MAX_FILE_SIZE = 5 * 1024 * 1024


class Decoded(Value):
    """A file's text with `\\n` newlines, and how it was stored."""

    __slots__ = ("text", "encoding", "newline")

    def __init__(self, text: str, encoding: str, newline: str) -> None:
        self.text = text
        self.encoding = encoding  # "utf-8", "utf-8-sig", "utf-16", "cp1250"
        self.newline = newline  # "\n", "\r\n" or "\r"


class Split(Value):
    """Front matter and body of a minutes file; lines are 1-based file lines."""

    __slots__ = ("front_matter", "front_matter_line", "body", "body_line")

    def __init__(self, front_matter: str, front_matter_line: int, body: str, body_line: int) -> None:
        self.front_matter = front_matter
        self.front_matter_line = front_matter_line  # file line of the front matter's first line
        self.body = body
        self.body_line = body_line


def decode(data: bytes) -> Decoded:
    """Decode a file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1250."""
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = data.decode("utf-16", errors="replace"), "utf-16"
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            # Czech Word exports: Windows-1250 decodes every byte but a few; those become U+FFFD.
            text, encoding = data.decode("cp1250", errors="replace"), "cp1250"
    newline = "\r\n" if "\r\n" in text else ("\r" if "\r" in text else "\n")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, encoding, newline)


def _closing_line(text: str, start: int) -> tuple[int, int] | None:
    """(start, end) of the first line from `start` on that is `---` or `...` and blanks, the
    end before its newline; None when there is none. (`start` follows a newline.) Two scans
    with str.find: a regular expression anchored at every line start was slower than reading
    the YAML itself."""
    found: tuple[int, int] | None = None
    for marker in ("\n---", "\n..."):
        at = start - 1  # the newline before `start`
        while (at := text.find(marker, at)) >= 0 and (found is None or at < found[0]):
            end = text.find("\n", at + 4)
            end = len(text) if end < 0 else end
            if not text[at + 4 : end].strip(" \t"):
                found = (at + 1, end)
                break
            at += 4
    return found


def split_front_matter(text: str) -> Split | None:
    """Split `---` front matter from the body; None when the text has no opening `---`.

    Raises ValueError when the front matter is opened but never closed.
    """
    first, newline, _rest = text.partition("\n")
    if first.rstrip(" \t") != "---":
        return None
    start = len(first) + len(newline)
    closing = _closing_line(text, start) if newline else None
    if closing is None:
        raise ValueError(_("front matter is not closed: no line `---` after it"))
    front_matter = text[start : closing[0]]
    body_start = min(len(text), closing[1] + 1)
    body_line = 3 + front_matter.count("\n")
    return Split(front_matter, 2, text[body_start:], body_line)
