"""A fast line-based reader for the plain YAML that minutes' front matter almost always is.

libyaml costs about 100 µs per front matter, most of it in turning its nodes into Python
data; reading the usual shape line by line in Python takes about a quarter of that: one regular
expression splits every line into its parts (checking its characters and taking the text out
of double quotes on the way), one loop builds the collections, and plain scalars met before are
looked up rather than read again.
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

# YAML's printable characters less tabs, line breaks and the BOM: any; any but `:`; any but `"`
# and `\`; those that may start a plain key (not a space or an indicator). Each class is written
# as what it leaves out: so written, _LINE compiles in 2 ms; listing what is in took 16-22 ms,
# at the start of every run that reads YAML.
_NOT_TEXT = r"\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff"
_TEXT = rf"[^{_NOT_TEXT}]"
_KEY_TEXT = rf"[^:{_NOT_TEXT}]"
_QUOTED_TEXT = rf'[^"\\{_NOT_TEXT}]'
_KEY_START = rf"[^ !\"#%&'*,\-:>?@\[\]`{{|}}{_NOT_TEXT}]"
# Every line: its indentation, a sequence entry's dash, a plain key (up to the first `: ` or a
# final `:`), then the text of a double-quoted value without escapes and its closing quote, or
# else the rest ("" for a comment). A line with any other character (tab, CR, control
# characters, the BOM...) or starting like a document marker (`---`, `...`) does not match:
# there are then fewer matches than lines.
_LINE = re.compile(
    r"^(?!---|\.\.\.)( *+)(-(?: ++|$))?+"
    rf"(?:({_KEY_START}{_KEY_TEXT}*+(?::(?=[^ \n]){_KEY_TEXT}*+)*+):(?: ++|$))?+"
    rf'(?:#{_TEXT}*+$|"({_QUOTED_TEXT}*+)(")(?: ++#{_TEXT}*+| *+)$|({_TEXT}*+)$)',
    re.MULTILINE,
)
_QUOTED = re.compile(r"""(?:"([^"\\]*)"|'((?:[^']|'')*)')(?: +#.*| *)""")  # and a comment
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_MAX_KEY = 128  # libyaml refuses keys over 1024 characters; stay far below

# Keys and values (but double-quoted ones) as written -> their data, for the many that come
# again and again (keys, `done`, names, times): one look-up instead of reading them. Only
# scalars (immutable), only short texts; a full one is emptied.
_KEYS: dict[str, Any] = {}
_VALUES: dict[str, Any] = {}
_REMEMBERED = 16384
_REMEMBERED_LENGTH = 100
_MISSING: Any = object()


class _Unsupported(Exception):
    """The text is outside the subset."""


def load_simple(text: str) -> LineDict | LineList | None:
    """The data of a YAML text in the subset, as load_yaml gives it; None outside the subset."""
    rows = _LINE.findall(text)
    if len(rows) != text.count("\n") + 1:
        return None  # characters libyaml refuses or reads specially, or a document marker
    known_key = _KEYS.get
    known_value = _VALUES.get
    # Rows go to `node`, the LineDict or LineList (`in_seq`) at `column`, whose line numbers are
    # `lines`; the collections it is in wait in `outer`. When node's last key (`pending_key`) or
    # item had no value on its row, `pending`: a deeper row starts its value (as indented as the
    # key for a sequence), else it stays None. The document is the value of a key at column -1.
    top: dict[Any, Any] = {None: None}
    outer: list[tuple[Any, int, bool, Any]] = []
    node: Any = top
    lines: Any = None
    column = -1
    in_seq = False
    pending = True
    pending_key: Any = None
    try:
        for number, (indent, dash, key, quoted, quote, value) in enumerate(rows):
            if dash:
                at = len(indent)
                if pending:
                    pending = False
                    if at > column or (at == column and not in_seq):  # a sequence as the value
                        if len(outer) >= MAX_DEPTH:
                            return None
                        child: Any = LineList()
                        child.line, child.lines = number, []
                        if in_seq:
                            node[-1], lines[-1] = child, number
                        else:
                            node[pending_key] = child
                        outer.append((node, column, in_seq, lines))
                        node, column, in_seq, lines = child, at, True, child.lines
                while not in_seq or at != column:  # out to the sequence of this item
                    if (not in_seq and at >= column) or not outer:
                        return None
                    node, column, in_seq, lines = outer.pop()
                lines.append(number)
                if key:  # a mapping whose first key follows the dash: read below
                    if len(outer) >= MAX_DEPTH:
                        return None
                    child = LineDict()
                    child.line, child.lines = number, {}
                    node.append(child)
                    outer.append((node, column, True, lines))
                    node, column, in_seq, lines = child, at + len(dash), False, child.lines
                elif quote:
                    node.append(quoted)
                    continue
                elif value:
                    data = known_value(value, _MISSING)
                    if data is _MISSING:
                        data = _value(value, number)
                    node.append(data)
                    continue
                else:
                    node.append(None)
                    pending = True
                    continue
            elif key:
                at = len(indent)
                if pending:
                    pending = False
                    if at > column:  # a mapping as the value
                        if len(outer) >= MAX_DEPTH:
                            return None
                        child = LineDict()
                        child.line, child.lines = number, {}
                        if in_seq:
                            node[-1], lines[-1] = child, number
                        else:
                            node[pending_key] = child
                        outer.append((node, column, in_seq, lines))
                        node, column, in_seq, lines = child, at, False, child.lines
                while in_seq or at != column:  # out to the mapping of this key
                    if (not in_seq and at > column) or not outer:
                        return None
                    node, column, in_seq, lines = outer.pop()
            elif quote or value:  # a scalar on a row of its own: only as the value of the row before
                if not pending or len(indent) <= column:
                    return None
                pending = False
                if quote:
                    data = quoted
                else:
                    data = known_value(value, _MISSING)
                    if data is _MISSING:
                        data = _value(value, number)
                if in_seq:
                    node[-1], lines[-1] = data, number
                else:
                    node[pending_key] = data
                continue
            else:
                continue  # a blank line or a comment
            data_key = known_key(key, _MISSING)
            if data_key is _MISSING:
                data_key = _key(key)
            if data_key in node:
                return None  # a duplicate key: libyaml's error message
            lines[data_key] = number
            if quote:
                node[data_key] = quoted
            elif value:
                data = known_value(value, _MISSING)
                if data is _MISSING:
                    data = _value(value, number)
                node[data_key] = data
            else:
                node[data_key] = None
                pending = True
                pending_key = data_key
    except _Unsupported:
        return None
    data = top[None]
    return data if isinstance(data, LineDict | LineList) else None


def _key(text: str) -> Any:
    """A plain key (maybe with spaces before its colon), remembered in _KEYS."""
    if len(text) > _MAX_KEY or " #" in text:
        raise _Unsupported
    data = _plain(text.rstrip(" "))
    if len(_KEYS) >= _REMEMBERED:
        _KEYS.clear()
    _KEYS[text] = data
    return data


def _value(text: str, number: int) -> Any:
    """A value written on one line (a scalar, `[]` or `{}`), maybe with a comment after it;
    short scalars are remembered in _VALUES."""
    first = text[0]
    if first == '"' or first == "'":
        match = _QUOTED.fullmatch(text)
        if match is None:
            raise _Unsupported
        double, single = match.groups()
        data = double if double is not None else single.replace("''", "'")
    else:
        plain = text
        comment = plain.find(" #")
        if comment >= 0:
            plain = plain[:comment]
        if plain[-1] == " ":
            plain = plain.rstrip(" ")
        if first in _INDICATORS:
            if plain == "[]":
                items = LineList()
                items.line, items.lines = number, []
                return items
            if plain == "{}":
                mapping = LineDict()
                mapping.line, mapping.lines = number, {}
                return mapping
            if first != "-" or plain[1:2] in ("", " "):
                raise _Unsupported  # `-` starts a plain scalar only before a non-space
        if ": " in plain or plain[-1] == ":":
            raise _Unsupported
        data = _plain(plain)
    if len(text) <= _REMEMBERED_LENGTH:
        if len(_VALUES) >= _REMEMBERED:
            _VALUES.clear()
        _VALUES[text] = data
    return data


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
