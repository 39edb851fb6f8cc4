"""fastyaml reads exactly what libyaml reads (values, types, lines), or leaves the text to it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpss_cli.minutes.fastyaml import load_simple
from kpss_cli.minutes.source import decode, split_front_matter
from kpss_cli.minutes.yamldata import LineDict, LineList, YamlProblem
from kpss_cli.minutes.yamlsafe import MAX_FRONT_MATTER, _check_size_and_depth, _load_with_libyaml, load_yaml

from .conftest import DATA, REPO, SHARED, generate, needs_shared


def assert_same(fast: Any, slow: Any, where: str = "") -> None:
    """Equal values of exactly the same types, with the same `.line` and `.lines` throughout."""
    assert type(fast) is type(slow), f"{where}: {type(fast).__name__} != {type(slow).__name__}"
    if isinstance(slow, LineDict | LineList):
        assert (fast.line, fast.lines) == (slow.line, slow.lines), f"{where}: lines differ"
        assert len(fast) == len(slow), f"{where}: {fast!r} != {slow!r}"
    if isinstance(slow, LineDict):
        assert list(fast) == list(slow), where
        for key in slow:
            assert type(next(k for k in fast if k == key)) is type(key), f"{where}: key {key!r}"
            assert_same(fast[key], slow[key], f"{where}/{key}")
    elif isinstance(slow, LineList):
        for index, (a, b) in enumerate(zip(fast, slow, strict=True)):
            assert_same(a, b, f"{where}[{index}]")
    else:
        assert fast == slow, f"{where}: {fast!r} != {slow!r}"


def check(text: str) -> Any:
    """The fast result, after checking it against libyaml's; None when the text was left to it."""
    try:
        _check_size_and_depth(text, MAX_FRONT_MATTER, "front matter")
    except YamlProblem:
        return None  # refused before either parser sees it
    fast = load_simple(text)
    try:
        slow = _load_with_libyaml(text)
    except YamlProblem:
        assert fast is None, f"libyaml refuses {text!r}, fastyaml read {fast!r}"
        return None
    if fast is not None:
        assert_same(fast, slow)
        assert_same(load_yaml(text), slow)
    return fast


def yaml_texts(root: Path) -> dict[str, str]:
    """The front matter of every minutes file below `root`, and every kpss.yaml there."""
    texts = {}
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".md", ".yaml") or not path.is_file():
            continue
        text = decode(path.read_bytes()).text
        if path.suffix == ".md":
            try:
                split = split_front_matter(text)
            except ValueError:
                continue
            if split is None:
                continue
            text = split.front_matter
        texts[str(path)] = text
    return texts


def test_a_generated_archive_is_read_fast_and_exactly_as_libyaml_reads_it(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    texts = yaml_texts(generate(tmp_path_factory, files=600, seed=11))
    assert len(texts) > 600
    left = [path for path, text in texts.items() if check(text) is None]
    assert left == []  # kpss.yaml included


@pytest.mark.parametrize(
    "root",
    [DATA, REPO / "examples", pytest.param(SHARED / "seeds", marks=needs_shared)],
    ids=lambda p: p.name,
)
def test_the_repository_s_yaml_is_read_as_libyaml_reads_it(root: Path) -> None:
    texts = yaml_texts(root)
    handled = [path for path, text in texts.items() if check(text) is not None]
    if root.name == "examples":
        assert len(handled) >= len(texts) - 2  # all minutes; kpss.yaml and the plan have flow lists
    elif root == DATA:
        assert len(handled) >= 15


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb:\n- x\n-\n-   k:  v  \n    j:\n    - 1\n    m: ~\nc:\n\n  # hi\n  d: e\n",
        "\n\n  a: 'it''s'   # c\n  b: \"x: y\"\n  c: []\n  d: {}\n  e:\n    []\n",
        'a: -1\nb: -x\nc: a[1]{x},y\nd: it\'s "q"\ne: ""\nf: \'\'\ng: ---\nh: 1_000\ni: 0123\n',
        "time: 14:00\nno: no\nnull: x\ntrue: True\n~x: NULL\nc#: a#b\nhttp://x: http://y:80\n",
        "- a\n-\n  - c\n-\n  d\n- e: f\n  g: # h\n  - i\n  j: k\n-   # l\n- m:\n  n:\n",
        "a:\nb: 1\nc:\n# c\nd:\n  - \n  -\n  - x\ne:  \n",
        'a: "b: c"  # d\nb: ""\nc:\n  "d"\nd:\n- "e"  \n- \'f\'\n- "#"\n- " x "\n',
    ],
)
def test_shapes_near_the_edge_of_the_subset_are_read_fast(text: str) -> None:
    assert check(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # duplicate key
        "1: a\ntrue: b\n",  # the same key for Python
        "a: 1_\n",  # not an integer
        "a: b\n  c\n",  # a multi-line plain scalar
        "a: b\n  c: d\n",
        "a: b: c\n",
        "a: b:\n",
        "- a\n  - b\n",
        "".join(f"{' ' * level}a:\n" for level in range(70)),  # deeper than MAX_DEPTH
        "a: |\n  text\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a:\tb\n",
        "a: b\r\n",
        "a: [b]\n",
        '"a": b\n',
        "---\na: b\n",
        "a: b\x85c\n",
        'a: "b\x00"\n',
        "a: b\n# c\x01\n",  # anywhere, comments too
        "a: b\n...\n",
        "a: b\n--- c\n",
        'a: "b\\"c"\n',
        'a: "b\\tc"\n',
        "- - b\n",
        "just text\n",
        "",  # empty documents: libyaml's None is as quick
        "# only\n\n# comments\n",
    ],
)
def test_what_is_outside_the_subset_is_left_to_libyaml(text: str) -> None:
    assert load_simple(text) is None
    check(text)


def test_scalars_are_remembered_and_collections_made_anew() -> None:
    text = "a: []\nb: {}\nc: done\nd: ~\n"
    first, second = load_simple(text), load_simple(text)
    assert first == second == {"a": [], "b": {}, "c": "done", "d": None}
    assert first is not None and second is not None
    assert first["a"] is not second["a"] and first["b"] is not second["b"]
    assert_same(load_simple("x:\n  c: done\n  d: []\n"), _load_with_libyaml("x:\n  c: done\n  d: []\n"))


# Front-matter-like texts from a grammar that mixes the subset with everything near it.
WORDS = st.one_of(
    st.sampled_from(["a", "key", "příští jednání", "Zuzana Merglová", "Mgr. Ž.", "x y", "on-line", "14:00"]),
    st.sampled_from(
        ["null", "Null", "~", "true", "FALSE", "no", "0", "0123", "-1", "+1", "1_000", "1_", "3.5"]
    ),
    st.sampled_from(
        ["a:b", "a: b", "a:", "a #b", "a#b", "C#", "-x", "- x", "-", "--", "---", "...", "?x", ":x"]
    ),
    st.sampled_from(
        ["[]", "{}", "[a]", "{a: b}", "[ ]", "a,b", "a[1]", "''", "'it''s'", "'a'b'", '""', "'a"]
    ),
    st.sampled_from(
        ['"a: b"', '"a', '"a\\"b"', '"a\\tb"', "|", ">", "&a x", "*a", "!!str x", "!x", "%x", "@x"]
    ),
    st.sampled_from(
        ["`x", "# c", "a\tb", "é\u00a0x", "\r", "\x85", "\u2028", "\ufeff", "\x00", "\x7f", "\U0001f600"]
    ),
)
VALUES = st.one_of(WORDS, st.lists(WORDS, min_size=2, max_size=3).map(" ".join), st.text(max_size=8))
LINES = st.tuples(
    st.sampled_from([0, 0, 0, 1, 2, 2, 2, 3, 4, 4, 6]),
    st.sampled_from(["", "", "", "- ", "- ", "-", "-  ", "- - "]),
    st.one_of(st.just(""), WORDS),
    st.sampled_from([": ", ": ", ":", ":  ", " : ", ":\t", " "]),
    st.one_of(st.just(""), VALUES),
    st.sampled_from(["", "", "", " ", "  ", " # c", "#c", "\t"]),
).map(lambda p: " " * p[0] + p[1] + (p[2] + p[3] if p[2] else "") + p[4] + p[5])
TEXTS = st.lists(st.one_of(LINES, st.sampled_from(["", "  ", "# c", "  # c: d"])), max_size=12).map("\n".join)


PLAIN = st.sampled_from(
    ["a", "b", "id", "příští jednání", "Mgr. Ž.", "no", "1", "-1", "true", "~", "a:b", "C#"]
)
KEYS = st.one_of(PLAIN, PLAIN, WORDS)
SCALARS = st.one_of(PLAIN, WORDS, st.lists(WORDS, min_size=2, max_size=3).map(" ".join), st.just(""))


@st.composite
def documents(draw: st.DrawFn) -> str:
    """Nested mappings and sequences of WORDS laid out in the ways YAML allows (and now and then
    one indentation it does not), with comments, blank lines and trailing spaces here and there."""
    tree = draw(
        st.recursive(
            SCALARS,
            lambda kids: st.lists(kids, max_size=3) | st.dictionaries(KEYS, kids, max_size=3),
            max_leaves=12,
        )
    )
    lines: list[str] = []

    def end(line: str) -> None:
        lines.append(line + draw(st.sampled_from(["", "", "", " ", " # c", "  #: x"])))
        if draw(st.integers(0, 9)) == 0:
            lines.append(draw(st.sampled_from(["", "   ", "# c", "    # c"])))

    def deeper(column: int) -> int:
        return column + draw(st.sampled_from([1, 2, 2, 2, 4])) + draw(st.sampled_from([0] * 20 + [-1, 1]))

    def emit(node: Any, column: int, head: str) -> None:
        """`node` under `head` (`key:` or `- ` at `column`, or nothing at the top)."""
        if isinstance(node, dict) and node:
            if head.lstrip().startswith("-") and draw(st.booleans()):
                column, first = len(head), head  # the first key follows the dash
            else:
                if head:
                    end(head)
                column, first = deeper(column), None
            for key, value in node.items():
                line = (first or " " * column) + key + draw(st.sampled_from([":", ":", ":", ": ", " :"]))
                emit(value, column, line)
                first = None
        elif isinstance(node, list) and node:
            if head:
                end(head)
            # A sequence as indented as its key, or deeper.
            column = max(column, 0) if head.endswith(":") and draw(st.booleans()) else deeper(column)
            for item in node:
                emit(item, column, " " * column + "-" + draw(st.sampled_from([" ", " ", "  "])))
        else:
            text = ("[]" if node == [] else "{}") if isinstance(node, list | dict) else str(node)
            end(head + (" " if head.endswith(":") else "") + text)

    emit(tree if isinstance(tree, dict) else {"root": tree}, -1, "")
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\n\n"]))


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_any_text_is_read_as_libyaml_reads_it_or_left_to_it(text: str) -> None:
    check(text)


@settings(max_examples=200, deadline=None)
@given(documents())
def test_any_document_is_read_as_libyaml_reads_it_or_left_to_it(text: str) -> None:
    check(text)


def test_the_character_classes_are_yaml_s_printable_characters() -> None:
    """fastyaml's classes say what they leave out (they compile faster so); what they let in,
    tried on every code point, is YAML's c-printable set without tabs, line breaks and the BOM,
    less `:` in keys, `"` and `\\` in double quotes, and spaces and indicators at a key's start."""
    from kpss_cli.minutes import fastyaml

    every = "".join(map(chr, range(0x110000)))
    printable = {
        c
        for c in every
        if "\x20" <= c <= "\x7e" or "\xa0" <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd" or c >= "\U00010000"
    } - {"\u2028", "\u2029", "\ufeff"}
    indicators = set(" -?:,[]{}#&*!|>'\"%@`")
    for pattern, wanted in (
        (fastyaml._TEXT, printable),
        (fastyaml._KEY_TEXT, printable - {":"}),
        (fastyaml._QUOTED_TEXT, printable - {'"', "\\"}),
        (fastyaml._KEY_START, printable - indicators),
    ):
        assert set(re.findall(pattern, every)) == wanted, pattern
