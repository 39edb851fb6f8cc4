"""The data kpss's YAML readers give (yamlsafe.py with libyaml, fastyaml.py for plain
front matter): mappings and sequences that remember their lines, and the few scalars typed.

Kept apart from both readers so that data read once (the configuration in the index's
snapshot) can be loaded again without importing a YAML library.
"""

from __future__ import annotations

import re
from typing import Any

MAX_DEPTH = 64  # levels of nesting: deeper documents are refused (libyaml would crash)


class LineDict(dict[Any, Any]):
    """A mapping that remembers the 0-based line of each key."""

    lines: dict[Any, int]
    line: int


class LineList(list[Any]):
    """A sequence that remembers the 0-based line of each item."""

    lines: list[int]
    line: int


# Only these plain scalars are typed; every other one is text (`14:00`, `no`, `0123`).
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_BOOLS = frozenset(("true", "True", "TRUE", "false", "False", "FALSE"))
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")


class YamlProblem(Exception):
    """A YAML error with the 0-based line in the parsed text where it happened."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
