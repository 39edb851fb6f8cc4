"""A fast line-based reader for the plain YAML that minutes' front matter almost always is.

libyaml costs about 100 µs per front matter, most of it in turning its nodes into Python
data; reading the usual shape line by line in Python takes about half of that.
`load_simple` returns exactly what `yamlsafe.load_yaml` returns for a text (the same values
and types, the same `.line` and `.lines`), or None for any text outside the subset below,
which load_yaml then gives to libyaml as before. It never reports an error: anything
doubtful, errors included, is left to libyaml and its messages.

The subset, one node per line:
- block mappings with plain keys (`key: value`, `key:`) and block sequences (`- value`, also
  indentless ones under a key), nested by indentation with spaces;
- values on one line: plain scalars (resolved as yamlsafe resolves them: null, true/false,
  decimal integers, else text), double-quoted ones without backslashes, single-quoted ones,
  and `[]` or `{}`;
- blank lines and comments (`# ...` on a line of its own or after a value).
Not in it: tabs, CR, control and other non-printable characters, the BOM, multi-line and
block scalars, escapes, quoted or complex keys, other flow collections, anchors, aliases,
tags, directives, `---`/`...` lines, duplicate keys, bad integers (`1_`), empty documents.
Where the subset is stricter than YAML (`"a"#b`, `?x` as a value) libyaml reads the text.
"""

from __future__ import annotations

import re
from typing import Any

from .yamldata import _BOOLS, _INT, _NULLS, MAX_DEPTH, LineDict, LineList

# Anything but newlines and YAML's printable characters (less Unicode line breaks and BOM).
_UNSUPPORTED_CHAR = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
# Every line: its indentation, a sequence entry's dash, a plain key (not starting with an
# indicator, up to the first `: ` or a final `:`) and the rest, "" when it is a comment.
# It matches any line.
_LINE = re.compile(
    r"^( *+)(-(?: ++|$))?+(?:([^-?:,\[\]{}#&*!|>'\"%@` \n](?:[^:\n]++|:(?=[^ \n]))*+):(?: ++|$))?+"
    r"(?:#.*+|(.*+))",
    re.MULTILINE,
)
_QUOTED = re.compile(r"""(?:"([^"\\]*)"|'((?:[^']|'')*)')(?: +#.*| *)""")  # and a comment
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_MAX_KEY = 128  # libyaml refuses keys over 1024 characters; stay far below


class _Unsupported(Exception):
    """The text is outside the subset."""


Row = tuple[int, int, int, str, str]  # line number, column, item's column (0: no dash), key, value


def load_simple(text: str) -> LineDict | LineList | None:
    """The data of a YAML text in the subset, as load_yaml gives it; None outside the subset."""
    if (
        _UNSUPPORTED_CHAR.search(text)
        or text.startswith(("---", "..."))
        or "\n---" in text
        or "\n..." in text
    ):
        return None  # characters libyaml refuses or reads specially; document markers
    lines = _LINE.findall(text)
    rows = [
        (number, len(indent), len(indent) + len(dash) if dash else 0, key, value)
        for number, (indent, dash, key, value) in enumerate(lines)
        if dash or key or value  # not blank, not a comment
    ]
    if not rows or len(lines) != text.count("\n") + 1:
        return None  # an empty document (libyaml's None is as fast), or a surprise
    try:
        data, pos = _node(rows, 0, rows[0][1], 0)
    except _Unsupported:
        return None
    if pos < len(rows) or not isinstance(data, LineDict | LineList):
        return None
    return data


def _node(rows: list[Row], pos: int, column: int, depth: int) -> tuple[Any, int]:
    """The node whose first row is rows[pos], at `column`, and the position after it."""
    if depth > MAX_DEPTH:
        raise _Unsupported
    number, _, item, key, value = rows[pos]
    if item:
        return _sequence(rows, pos, column, depth + 1)
    if key:
        return _mapping(rows, pos, column, depth + 1)
    return _value(value, number), pos + 1


def _sequence(rows: list[Row], pos: int, column: int, depth: int) -> tuple[LineList, int]:
    items = LineList()
    items.line = rows[pos][0]
    items.lines = lines = []
    end = len(rows)
    while pos < end:
        number, at, item, key, value = rows[pos]
        if at != column or not item:
            break
        if key:  # a mapping whose first key follows the dash
            rows[pos] = (number, item, 0, key, value)
            lines.append(number)
            data, pos = _mapping(rows, pos, item, depth + 1)
        elif value:
            lines.append(number)
            data, pos = _value(value, number), pos + 1
        elif pos + 1 < end and rows[pos + 1][1] > column:  # the item is on the next rows
            lines.append(rows[pos + 1][0])
            data, pos = _node(rows, pos + 1, rows[pos + 1][1], depth)
        else:
            lines.append(number)
            data, pos = None, pos + 1
        items.append(data)
    return items, pos


def _mapping(rows: list[Row], pos: int, column: int, depth: int) -> tuple[LineDict, int]:
    mapping = LineDict()
    mapping.line = rows[pos][0]
    mapping.lines = lines = {}
    end = len(rows)
    while pos < end:
        number, at, item, key, value = rows[pos]
        if at < column:
            break
        if at > column or item or not key:
            raise _Unsupported
        if len(key) > _MAX_KEY or " #" in key:
            raise _Unsupported
        data_key = _plain(key.rstrip(" "))
        if data_key in mapping:
            raise _Unsupported  # a duplicate key: libyaml's error message
        pos += 1
        if value:
            mapping[data_key] = _value(value, number)
        elif pos < end and (rows[pos][1] > column or (rows[pos][1] == column and rows[pos][2])):
            # a nested node, or a sequence as indented as the key
            mapping[data_key], pos = _node(rows, pos, rows[pos][1], depth)
        else:
            mapping[data_key] = None
        lines[data_key] = number
    return mapping, pos


def _value(text: str, number: int) -> Any:
    """A value written on one line (a scalar, `[]` or `{}`), maybe with a comment after it."""
    first = text[0]
    if first == '"' or first == "'":
        match = _QUOTED.fullmatch(text)
        if match is None:
            raise _Unsupported
        double, single = match.groups()
        return double if double is not None else single.replace("''", "'")
    comment = text.find(" #")
    if comment >= 0:
        text = text[:comment]
    if text[-1] == " ":
        text = text.rstrip(" ")
    if text == "[]":
        items = LineList()
        items.line, items.lines = number, []
        return items
    if text == "{}":
        mapping = LineDict()
        mapping.line, mapping.lines = number, {}
        return mapping
    if first in _INDICATORS and (first != "-" or text[1:2] in ("", " ")):
        raise _Unsupported  # `-` starts a plain scalar only before a non-space
    if ": " in text or text[-1] == ":":
        raise _Unsupported
    return _plain(text)


def _plain(text: str) -> Any:
    """A plain scalar resolved like yamlsafe's loader: null, bool, decimal int, else str."""
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return text.lower() == "true"
    if text[0] in "0123456789+-" and _INT.fullmatch(text):
        try:
            return int(text)
        except ValueError:  # `1_`, `1__0`: libyaml's loader reports them
            raise _Unsupported from None
    return text
