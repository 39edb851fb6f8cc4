"""kpss's own safe YAML loader, with the YAML 1.1 traps of minutes handled.

- Only `null`, `true`/`false` and decimal integers are resolved implicitly; every other
  plain scalar is a string: `time: 14:00` stays "14:00" (not 840), `time: 9.00` stays "9.00"
  (not 9.0), a person named `no` stays "no", `2021-12-15` stays a string that kpss reads as a
  date itself, `0123` stays "0123".
- A duplicate key is an error naming its line.
- Anchors and aliases are refused: minutes never need them, and refusing them keeps
  "billion laughs" documents harmless.
- Mappings and sequences remember the file line of each key and item.
libyaml's C parser is used where present (several times faster than the pure-Python one);
plain front matter, nearly all of it, is read first by fastyaml, in about half the time.
"""

from __future__ import annotations

from typing import Any

from ..core.i18n import _
from .fastyaml import load_simple
from .yamldata import MAX_DEPTH, YamlProblem

MAX_FRONT_MATTER = 64 * 1024


def _check_size_and_depth(text: str, max_size: int, what: str) -> None:
    """Refuse YAML that is too large, or nested deep enough to crash libyaml."""
    if len(text) > max_size:
        raise YamlProblem(
            _("{what} is larger than {max_size} KiB").format(what=what, max_size=max_size // 1024), 0
        )
    if text.count("[") + text.count("{") < MAX_DEPTH:
        return
    depth = 0
    for number, line in enumerate(text.split("\n")):
        for char in line:
            if char in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlProblem(
                        _("{what} is nested deeper than {max_depth} levels").format(
                            what=what, max_depth=MAX_DEPTH
                        ),
                        number,
                    )
            elif char in "]}":
                depth = max(0, depth - 1)


def load_yaml(text: str, max_size: int = MAX_FRONT_MATTER, what: str = "front matter") -> Any:
    """Parse one YAML document with kpss's loader; raise YamlProblem with a 0-based line.

    Plain front matter is read by fastyaml (the same result in about half the time); whatever
    it does not take on, errors included, goes to libyaml.
    """
    _check_size_and_depth(text, max_size, what)
    data = load_simple(text)
    return _load_with_libyaml(text) if data is None else data


def _load_with_libyaml(text: str) -> Any:
    """Parse one YAML document with libyaml and kpss's resolvers (no size or depth check)."""
    from .yamlfallback import load_with_libyaml  # only now: most runs never need PyYAML

    return load_with_libyaml(text)
