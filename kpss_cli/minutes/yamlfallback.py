"""libyaml for the YAML that fastyaml.py leaves: anything beyond plain front matter, and
every error. Imported only then, so that most runs never load PyYAML.

libyaml's C parser is used where present (several times faster than the pure-Python one);
its nodes are walked into data here, with kpss's rules (yamlsafe.py).
"""

from __future__ import annotations

from typing import Any

import yaml

from ..core.i18n import N_, _
from .yamldata import _BOOLS, _INT, _NULLS, LineDict, LineList, YamlProblem

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):
    """libyaml's parser and composer with kpss's resolvers; nodes become data in `_data`."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        """The tag of a node. Only `null`, `true`/`false` and decimal integers are typed;
        every other plain scalar is a string (no sexagesimal `14:00`, no `no` as false)."""
        if kind is yaml.ScalarNode:
            if implicit[0]:
                if value in _NULLS:
                    return "tag:yaml.org,2002:null"
                if value in _BOOLS:
                    return "tag:yaml.org,2002:bool"
                if _INT.fullmatch(value):
                    return "tag:yaml.org,2002:int"
            return "tag:yaml.org,2002:str"
        if kind is yaml.SequenceNode:
            return "tag:yaml.org,2002:seq"
        return "tag:yaml.org,2002:map"


_STR = "tag:yaml.org,2002:str"
_SCALARS: dict[str, Any] = {
    _STR: str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:null": lambda value: None,
    "tag:yaml.org,2002:bool": lambda value: value.lower() == "true",
    # Explicitly tagged dates and timestamps are kept as text: kpss reads dates itself.
    "tag:yaml.org,2002:timestamp": str,
}


def _refuse(node: yaml.Node) -> YamlProblem:
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    return YamlProblem(
        _("the YAML tag {tag} is not allowed in minutes").format(tag=tag), node.start_mark.line
    )


def _data(node: yaml.Node, seen: set[int]) -> Any:
    """The data of a composed node: str, int, float, bool, None, LineDict or LineList.

    Walking nodes directly is about twice as fast as PyYAML's constructor, and it lets kpss
    refuse aliases (a node met twice), merge keys and every tag it does not know.
    """
    if isinstance(node, yaml.ScalarNode):
        convert = _SCALARS.get(node.tag)
        if convert is None:
            raise _refuse(node)
        try:
            return convert(node.value)
        except ValueError:
            raise YamlProblem(
                _("{value!r} is not a {value2}").format(value=node.value, value2=node.tag.rsplit(":", 1)[-1]),
                node.start_mark.line,
            ) from None
    if id(node) in seen:
        raise YamlProblem(_("anchors and aliases (&, *) are not allowed in minutes"), node.start_mark.line)
    seen.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            raise _refuse(node)
        items = LineList(_data(child, seen) for child in node.value)
        items.line = node.start_mark.line
        items.lines = [child.start_mark.line for child in node.value]
        return items
    if not isinstance(node, yaml.MappingNode) or node.tag != "tag:yaml.org,2002:map":
        raise _refuse(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line
    mapping.lines = {}
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise YamlProblem(_("merge keys (<<) are not allowed in minutes"), key_node.start_mark.line)
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlProblem(_("a key must be a plain value"), key_node.start_mark.line)
        key = _data(key_node, seen)
        if key in mapping:
            raise YamlProblem(
                _("duplicate key '{key}' (first on line {lines})").format(
                    key=key, lines=mapping.lines[key] + 1
                ),
                key_node.start_mark.line,
            )
        mapping[key] = _data(value_node, seen)
        mapping.lines[key] = key_node.start_mark.line
    return mapping


# What people get wrong when they edit YAML by hand, said as what to do about it (libyaml's own
# words, and the pure-Python loader's, start these; anything else is shown as libyaml says it).
_ADVICE = (
    ("mapping values are not allowed", N_("a colon inside a value: put the value in quotes")),
    (
        "found character that cannot start any token",
        N_("a value starts with a character YAML reserves: put it in quotes"),
    ),
    ("could not find expected ':'", N_("a line without `key: value`, or a quote not closed")),
    ("did not find expected key", N_("a line out of line with the keys above it: indent it as they are")),
    ("did not find expected '-' indicator", N_("a list item out of line with the items above it")),
    ("found unexpected end of stream", N_("a quote or a bracket is not closed")),
    ("did not find expected ',' or", N_("a quote or a bracket is not closed")),
    ("found undefined alias", N_("a value starts with a character YAML reserves: put it in quotes")),
)
_TAB = N_("a tab in the indentation: indent with spaces")


def _problem(problem: str, line: str) -> str:
    if line[: len(line) - len(line.lstrip())].count("\t"):
        advice: str | None = _TAB
    else:
        advice = next((advice for start, advice in _ADVICE if problem.startswith(start)), None)
    return _("YAML: {problem}").format(problem=_(advice) if advice else problem)


def load_with_libyaml(text: str) -> Any:
    """Parse one YAML document with libyaml and kpss's resolvers (no size or depth check)."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _data(node, set())
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
        lines = text.splitlines()
        where = lines[mark.line] if mark and mark.line < len(lines) else ""
        raise YamlProblem(_problem(problem, where), mark.line if mark else None) from None
    except yaml.reader.ReaderError as exc:  # NUL bytes, control characters
        line = text.count("\n", 0, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise YamlProblem(
            _("YAML: the control character U+{code:04X} is not allowed").format(code=code), line
        ) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(_("YAML: {exc}").format(exc=_short(str(exc))), None) from None
    except RecursionError:
        raise YamlProblem(_("front matter is nested too deeply"), None) from None
    finally:
        loader.dispose()


def _short(message: str) -> str:
    return " ".join(message.split())
