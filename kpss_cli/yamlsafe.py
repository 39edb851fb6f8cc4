"""kpss's own safe YAML loader, with the YAML 1.1 traps of minutes handled.

- Only `null`, `true`/`false` and decimal integers are resolved implicitly; every other
  plain scalar is a string: `time: 14:00` stays "14:00" (not 840), `time: 9.00` stays "9.00"
  (not 9.0), a person named `no` stays "no", `2021-12-15` stays a string that kpss reads as a
  date itself, `0123` stays "0123".
- A duplicate key is an error naming its line.
- Anchors and aliases are refused: minutes never need them, and refusing them keeps
  "billion laughs" documents harmless.
- Mappings and sequences remember the file line of each key and item.
libyaml's C parser is used where present (several times faster than the pure-Python one).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


MAX_FRONT_MATTER = 64 * 1024
MAX_DEPTH = 64


class YamlProblem(Exception):
    """A YAML error with the 0-based line in the parsed text where it happened."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class LineDict(dict[Any, Any]):
    """A mapping that remembers the 0-based line of each key."""

    lines: dict[Any, int]
    line: int


class LineList(list[Any]):
    """A sequence that remembers the 0-based line of each item."""

    lines: list[int]
    line: int


class _Loader(_BaseLoader):
    """SafeLoader with kpss's resolvers and constructors (see the module docstring)."""

    # Own resolvers only (filled below), not a copy of the YAML 1.1 ones.
    yaml_implicit_resolvers = {}  # noqa: RUF012

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # An alias yields a node that was already constructed: refuse it.
        if node in self.constructed_objects or node in self.recursive_objects:
            raise YamlProblem("anchors and aliases (&, *) are not allowed in minutes", node.start_mark.line)
        return super().construct_object(node, deep=deep)


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> Any:
    data = LineDict()
    data.lines = {}
    data.line = node.start_mark.line
    yield data
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise YamlProblem("merge keys (<<) are not allowed in minutes", key_node.start_mark.line)
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise YamlProblem("a key must be a plain value", key_node.start_mark.line)
        if key in data:
            raise YamlProblem(
                f"duplicate key '{key}' (first on line {data.lines[key] + 1})",
                key_node.start_mark.line,
            )
        data[key] = loader.construct_object(value_node, deep=True)
        data.lines[key] = key_node.start_mark.line


def _construct_seq(loader: _Loader, node: yaml.SequenceNode) -> Any:
    data = LineList()
    data.line = node.start_mark.line
    data.lines = [child.start_mark.line for child in node.value]
    yield data
    data.extend(loader.construct_object(child, deep=True) for child in node.value)


def _construct_str(loader: _Loader, node: yaml.ScalarNode) -> str:
    return str(node.value)


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
# Explicitly tagged dates and timestamps are kept as text; kpss reads dates itself.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_str)


def _refuse(loader: _Loader, node: yaml.Node) -> Any:
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    raise YamlProblem(f"the YAML tag {tag} is not allowed in minutes", node.start_mark.line)


for _tag in ("set", "omap", "pairs", "binary"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse)
_Loader.add_constructor(None, _refuse)  # any other tag (!!python/object, !custom, ...)

_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"), list("-+0123456789")
)


def _check_size_and_depth(text: str) -> None:
    """Refuse front matter that is too large, or nested deep enough to crash libyaml."""
    if len(text) > MAX_FRONT_MATTER:
        raise YamlProblem(f"front matter is larger than {MAX_FRONT_MATTER // 1024} KiB", 0)
    if text.count("[") + text.count("{") < MAX_DEPTH:
        return
    depth = 0
    for number, line in enumerate(text.split("\n")):
        for char in line:
            if char in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlProblem(f"front matter is nested deeper than {MAX_DEPTH} levels", number)
            elif char in "]}":
                depth = max(0, depth - 1)


def load_yaml(text: str) -> Any:
    """Parse one YAML document with kpss's loader; raise YamlProblem with a 0-based line."""
    _check_size_and_depth(text)
    loader = _Loader(text)
    try:
        return loader.get_single_data()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and mark and mark.line >= text.count("\n"):
            # Noticed only at the end (an unclosed `[` or quote): point where it was opened.
            mark = exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            problem = f"{exc.problem} ({exc.context})"
        raise YamlProblem(f"YAML: {problem}", mark.line if mark else None) from None
    except yaml.reader.ReaderError as exc:  # NUL bytes, control characters
        line = text.count("\n", 0, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise YamlProblem(f"YAML: the control character U+{code:04X} is not allowed", line) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"YAML: {_short(str(exc))}", None) from None
    except RecursionError:
        raise YamlProblem("front matter is nested too deeply", None) from None
    finally:
        loader.dispose()


def _short(message: str) -> str:
    return " ".join(message.split())
