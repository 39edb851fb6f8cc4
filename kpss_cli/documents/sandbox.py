"""The sandbox templates run in, and the limits on what they may build.

Jinja's ImmutableSandboxedEnvironment keeps templates away from Python internals, but not from
memory: `{{ "x"|center(400000000) }}`, `"x".ljust(10**9)`, a string doubled in a loop, or a
macro that repeats a long value builds gigabytes before anything is written. Every way a
template can make a value grow is checked before the value is built: operators (`*`, `**`,
`+`, `%`, `~`), the filters that grow text or lists, the string methods that do, `range` and
`lipsum`, and whatever collects output (macros, `{% set %}` blocks, imports). A value may be
as large as the output may be (MAX_VALUE), and all values built in a run together ten times
that (MAX_BUILT); beyond that the template stops with TooLarge, which names what grew, and kpss
reports it with the template's name and line.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from functools import update_wrapper, wraps
from itertools import chain
from types import BuiltinMethodType, MethodType
from typing import Any

import jinja2
from jinja2 import filters as builtin
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.environment import TemplateModule
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEscapeFormatter, SandboxedFormatter
from jinja2.utils import Namespace, generate_lorem_ipsum
from markupsafe import Markup

from ..core.i18n import _

MAX_OUTPUT = 10 * 1024 * 1024  # characters a template may write
MAX_VALUE = MAX_OUTPUT  # characters of any one value a template builds
MAX_ITEMS = (
    MAX_VALUE // 8
)  # items of one list: each costs a pointer, and a string cut from a text 50 bytes more
MAX_RANGE = 100_000  # numbers in a range(), items in a slice or batch: Jinja's own cap on ranges
MAX_INT_BITS = 4300 * 10 // 3  # about 4300 digits, the longest number Python prints
# Characters of all the values one run builds, kept or not: many values each under MAX_VALUE
# (a list of a thousand long strings, each made anew; a thousand variables) are too much too.
MAX_BUILT = 10 * MAX_VALUE


class TooLarge(Exception):
    """A template was about to build a value (or output) larger than the limits."""


def _too_large(what: str) -> TooLarge:
    return TooLarge(
        _("template value too large: {what} would be over {max_value} MiB").format(
            what=what, max_value=MAX_VALUE // 1024 // 1024
        )
    )


def _check(size: int, what: str) -> None:
    if size > MAX_VALUE:
        raise _too_large(what)


def _bits(bits: int, what: str) -> None:
    """Refuse a number longer than Python prints (and slow to compute: `9**9**9`)."""
    if bits > MAX_INT_BITS:
        raise TooLarge(
            _("template value too large: {what} would make a number of over 4300 digits").format(what=what)
        )


def size(value: Any, indent: int = 0) -> int:
    """About how many characters `value` is when printed (str(), repr of its parts, JSON or
    pprint with `indent` per level), counted without building it; stops past MAX_VALUE.
    A list holding one long string a thousand times is a thousand times that string."""
    if isinstance(value, str | bytes):
        return len(value)
    total = 0
    # Containers are walked one item at a time (a list of ten million items is not copied).
    stack: list[tuple[Iterator[Any], int]] = [(iter((value,)), 0)]
    while stack and total <= MAX_VALUE:
        items, depth = stack[-1]
        item = next(items, _END)
        if item is _END:
            stack.pop()
            continue
        total += indent * depth
        if isinstance(item, str | bytes):
            total += len(item) + 2  # quoted, and a separator
        elif isinstance(item, bool) or item is None:
            total += 5
        elif isinstance(item, int):
            total += item.bit_length() * 3 // 10 + 2
        elif isinstance(item, float):
            total += 24
        elif isinstance(item, Mapping | ItemsView):
            total += 2
            stack.append(
                (chain.from_iterable(item.items() if isinstance(item, Mapping) else item), depth + 1)
            )
        elif isinstance(item, list | tuple | set | frozenset | KeysView | ValuesView):
            total += 2
            stack.append((iter(item), depth + 1))
        elif isinstance(item, Namespace):  # prints as its attributes
            stack.append((iter((object.__getattribute__(item, "_Namespace__attrs"),)), depth))
        elif isinstance(item, TemplateModule):  # prints as its output
            total += sum(len(chunk) for chunk in item._body_stream)
        elif not isinstance(item, jinja2.Undefined):
            total += 64  # a record, a loop, a generator: printed as a short repr
    return total


_END = object()


def _bounded(items: Iterator[Any], what: str) -> Iterator[Any]:
    """`items`, lazily, stopping past MAX_ITEMS items or MAX_VALUE characters (`|list` of a long
    `|map`)."""
    total = 0
    for count, item in enumerate(items, 1):
        total += len(item) if isinstance(item, str | bytes | list | tuple | dict) else 0
        if count > MAX_ITEMS or total > MAX_VALUE:
            raise _too_large(what)
        yield item


# --- printf-style formatting: `"%s" % x`, the `format` filter ----------------------------------

_PRINTF = re.compile(
    r"%(?:\((?P<key>[^)]*)\))?[-#0 +]*(?P<width>\*|\d+)?(?:\.(?P<precision>\*|\d+))?[hlL]?(?P<type>.)?",
    re.DOTALL,
)


def _printf_size(template: str, args: Any) -> int:
    """About how long `template % args` is: each conversion as long as its value, its width
    and its precision (a long `%(name)s` repeated counts every time)."""
    values = args if isinstance(args, tuple) else (args,)
    mapping = args if isinstance(args, Mapping) else None
    total, position = len(template), 0
    for match in _PRINTF.finditer(template):
        if match["type"] == "%":
            continue
        for part in (match["width"], match["precision"]):
            if part == "*":
                star = values[position] if position < len(values) else 0
                position += 1
                total += star if isinstance(star, int) else 0
            elif part:
                total += int(part) if len(part) < 19 else MAX_VALUE + 1
        if mapping is not None and match["key"] is not None:
            total += size(mapping.get(match["key"]))
        else:
            total += size(values[position]) if position < len(values) else 0
            position += 1
        if total > MAX_VALUE:
            break
    return total


# --- str.format and str.format_map ------------------------------------------------------------

_SPEC_NUMBER = re.compile(r"\d+")


class _LimitedFormatting:
    """str.format in the sandbox, with each field's width, precision and value checked and the
    whole result counted as it is built."""

    written = 0

    def vformat(self, format_string: str, args: Any, kwargs: Any) -> str:
        self.written = 0
        return super().vformat(format_string, args, kwargs)  # type: ignore[misc, no-any-return]

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        _check(size(value), "str.format()")
        return super().convert_field(value, conversion)  # type: ignore[misc]

    def format_field(self, value: Any, format_spec: str) -> Any:
        for number in _SPEC_NUMBER.findall(format_spec):
            _check(int(number) if len(number) < 19 else MAX_VALUE + 1, "str.format()")
        _check(size(value), "str.format()")
        text = super().format_field(value, format_spec)  # type: ignore[misc]
        self.written += len(text)
        _check(self.written, "str.format()")
        return text


class _Formatter(_LimitedFormatting, SandboxedFormatter):
    pass


class _EscapeFormatter(_LimitedFormatting, SandboxedEscapeFormatter):
    pass


# --- str, bytes and int methods ---------------------------------------------------------------


def _longest(table: Any) -> int:
    """The longest replacement in a str.translate table."""
    values = (
        table.values() if isinstance(table, Mapping) else table if isinstance(table, list | tuple) else ()
    )
    return max((len(v) for v in values if isinstance(v, str | bytes)), default=1)


def _replaced(text: str | bytes, old: Any, new: Any, count: Any = -1) -> int:
    """How long `text.replace(old, new, count)` is."""
    if not isinstance(old, str | bytes) or not isinstance(new, str | bytes):
        return len(text)
    found = text.count(old) if old else len(text) + 1  # type: ignore[arg-type]
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    return len(text) + found * (len(new) - len(old))


def _joined(separator: Any, items: list[Any]) -> int:
    return sum(size(item) for item in items) + size(separator) * max(len(items) - 1, 0)


# method name -> the length of its result, from the string (or number) and the arguments
_METHODS: dict[str, Callable[..., int]] = {
    "center": lambda s, width, *_: max(len(s), width if isinstance(width, int) else 0),
    "ljust": lambda s, width, *_: max(len(s), width if isinstance(width, int) else 0),
    "rjust": lambda s, width, *_: max(len(s), width if isinstance(width, int) else 0),
    "zfill": lambda s, width: max(len(s), width if isinstance(width, int) else 0),
    "expandtabs": lambda s, tabsize=8: len(s) + s.count("\t" if isinstance(s, str) else b"\t") * tabsize,
    "replace": _replaced,
    "translate": lambda s, table: len(s) * _longest(table),
    "to_bytes": lambda n, length=1, *_, **__: length if isinstance(length, int) else 0,
}


# Methods that cut a text into a list of new strings: counted by what they make.
_CUTTING = frozenset({"split", "rsplit", "splitlines", "partition", "rpartition"})


def _limited_method(method: Any, sandbox: Sandbox) -> Callable[..., Any]:
    """`method` (bound to a str, bytes or int) with its result's length checked before it is built."""
    name: str = method.__name__
    owner = method.__self__
    what = f"{type(owner).__name__}.{name}()"

    def call(*args: Any, **kwargs: Any) -> Any:
        if name == "join" and len(args) == 1:
            items = list(_bounded(iter(args[0]), what))
            _check(_joined(owner, items), what)
            args = (items,)
        elif name in _METHODS:
            _check(_METHODS[name](owner, *args, **kwargs), what)
        return sandbox.result(method(*args, **kwargs), what, owner, *args, source=owner)

    return update_wrapper(call, method)


# --- filters ----------------------------------------------------------------------------------

# Filters that take their value apart rather than printing it: a list given to them is not
# measured as text (an archive's tasks may well be more than 10 MiB when printed, and
# `tasks|selectattr(…)` does not print them).
_STRUCTURAL = frozenset(
    {
        *("abs", "attr", "count", "d", "default", "dictsort", "first", "float", "groupby", "int", "items"),
        *("last", "length", "list", "map", "max", "min", "random", "reject", "rejectattr", "reverse"),
        *("round", "select", "selectattr", "sort", "unique"),
        *("batch", "join", "pprint", "slice", "sum", "tojson"),  # checked as they go
        *("czech_sort", "deadline", "plural"),  # kpss's own (deadline: a task, which prints two fields)
    }
)


# Filters that make a list of the characters of a text given to them, all at once.
_CHARACTERS = frozenset({"groupby", "list", "slice", "sort"})


def _lines(value: Any) -> int:
    return value.count("\n") + 1 if isinstance(value, str) else size(value)


def _width(value: Any) -> int:
    """A width given as a number, or as the text to use (`indent("> ")`)."""
    return value if isinstance(value, int) else size(value) if value is not None else 1


def _items(count: Any, what: str) -> None:
    """Refuse a filter that would make more than MAX_RANGE lists or padding items."""
    if isinstance(count, int) and count > MAX_RANGE:
        raise TooLarge(
            _("template value too large: {what} with {count} is over {max_range} items").format(
                what=what, count=count, max_range=MAX_RANGE
            )
        )


def _center(value: Any, width: Any = 80) -> None:
    _check(max(size(value), _width(width)), "the center filter")


def _indent(s: Any, width: Any = 4, *_: Any, **__: Any) -> None:
    _check(size(s) + _lines(s) * _width(width), "the indent filter")


def _wordwrap(
    s: Any, width: Any = 79, break_long_words: Any = True, wrapstring: Any = None, *_: Any, **__: Any
) -> None:
    # Two lines hold more than `width` characters, or one line is one word.
    lines = 2 * size(s) // max(_width(width), 1) + _lines(s)
    _check(size(s) + lines * _width(wrapstring), "the wordwrap filter")


def _format(value: Any, *args: Any, **kwargs: Any) -> None:
    _check(_printf_size(value if isinstance(value, str) else "", kwargs or args), "the format filter")


def _replace(s: Any, old: Any, new: Any, count: Any = None) -> None:
    grown = _replaced(s, old, new, -1 if count is None else count) if isinstance(s, str) else size(s)
    _check(grown, "the replace filter")


def _urlize(
    value: Any,
    trim_url_limit: Any = None,
    nofollow: Any = False,
    target: Any = None,
    rel: Any = None,
    *_: Any,
    **__: Any,
) -> None:
    # Each word that may be a link becomes `<a href="…" rel="…" target="…">…</a>`.
    links = [w for w in value.split() if "." in w or "@" in w or ":" in w] if isinstance(value, str) else []
    extra = 40 + size(target or "") + size(rel or "")
    _check(size(value) + sum(len(w) + extra for w in links), "the urlize filter")


def _batch(value: Any, linecount: Any, fill_with: Any = None) -> None:
    if fill_with is not None:  # the last batch is padded to `linecount` items
        _items(linecount, "the batch filter")


def _slice(value: Any, slices: Any, fill_with: Any = None) -> None:
    _items(slices, "the slice filter")


def _tojson(value: Any, indent: Any = None) -> None:
    _check(size(value, _width(indent) if indent else 0), "the tojson filter")


def _pprint(value: Any) -> None:
    _check(size(value, 1), "the pprint filter")


def _deadline(task: Any, language: Any = "cs") -> None:
    if isinstance(task, Mapping):  # it prints the task's due and deadline, not the whole task
        _check(size(task.get("due")) + size(task.get("deadline")), "the deadline filter")


# filter name -> a check of its arguments, as the filter takes them (after any of Jinja's)
_FILTERS: dict[str, Callable[..., None]] = {
    "center": _center,
    "indent": _indent,
    "wordwrap": _wordwrap,
    "format": _format,
    "replace": _replace,
    "urlize": _urlize,
    "batch": _batch,
    "slice": _slice,
    "tojson": _tojson,
    "pprint": _pprint,
    "deadline": _deadline,
}


@jinja2.pass_eval_context
def _join(
    eval_ctx: jinja2.nodes.EvalContext, value: Iterable[Any], d: str = "", attribute: Any = None
) -> str:
    """The `join` filter, measuring what it joins first."""
    items = list(value)
    parts = (
        items
        if attribute is None
        else [builtin.make_attrgetter(eval_ctx.environment, attribute)(i) for i in items]
    )
    _check(_joined(d, parts), "the join filter")
    return builtin.sync_do_join(eval_ctx, items, d, attribute)


@jinja2.pass_environment
def _sum(
    environment: jinja2.Environment, iterable: Iterable[Any], attribute: Any = None, start: Any = 0
) -> Any:
    """The `sum` filter, refusing to add up lists into one too long (`[long]*100|sum(start=[])`)."""
    items = list(iterable)
    if isinstance(start, list | tuple):
        parts = (
            items
            if attribute is None
            else [builtin.make_attrgetter(environment, attribute)(i) for i in items]
        )
        _check(len(start) + sum(len(p) for p in parts if isinstance(p, list | tuple)), "the sum filter")
    return builtin.sync_do_sum(environment, items, attribute, start)


def _limited_filter(name: str, function: Callable[..., Any], sandbox: Sandbox) -> Callable[..., Any]:
    """`function`, the filter `name`, with its arguments checked before and its result after."""
    context_first = getattr(function, "jinja_pass_arg", None) is not None  # its first argument is Jinja's
    check = _FILTERS.get(name)
    what = f"the {name} filter"

    @wraps(function)
    def limited(*args: Any, **kwargs: Any) -> Any:
        at = 1 if context_first else 0
        if len(args) > at:
            value = args[at]
            if isinstance(value, Iterator):
                args = (*args[:at], _bounded(value, what), *args[at + 1 :])
            elif name not in _STRUCTURAL and not isinstance(value, str):
                _check(size(value), what)  # it is printed: a list of one long string many times
            elif name in _CHARACTERS and isinstance(value, str | bytes) and len(value) > MAX_ITEMS:
                raise TooLarge(
                    _("template value too large: {what} would make over {max_items} items").format(
                        what=what, max_items=MAX_ITEMS
                    )
                )
            if check is not None:
                check(*args[at:], **kwargs)
        source = args[at] if len(args) > at else None
        return sandbox.result(function(*args, **kwargs), what, *args, source=source)

    return limited


class _Filters(dict[str, Callable[..., Any]]):
    """The filters of the sandbox: each one limited as it is added, kpss's own too."""

    def __init__(self, sandbox: Sandbox, filters: Mapping[str, Callable[..., Any]]) -> None:
        super().__init__()
        self.sandbox = sandbox
        self.update(filters)

    def __setitem__(self, name: str, function: Callable[..., Any]) -> None:
        super().__setitem__(name, _limited_filter(name, function, self.sandbox))

    def update(self, *args: Any, **kwargs: Any) -> None:
        for name, function in dict(*args, **kwargs).items():
            self[name] = function


# --- globals ----------------------------------------------------------------------------------


def _range(*args: int) -> range:
    """range(), refusing more than MAX_RANGE numbers (as Jinja's sandbox does) as too large."""
    numbers = range(*args)
    try:
        count = len(numbers)
    except OverflowError:  # more than fits a C integer
        count = MAX_RANGE + 1
    if count > MAX_RANGE:
        raise TooLarge(
            _("template value too large: range() of {count} numbers is over {max_range}").format(
                count=count, max_range=MAX_RANGE
            )
        )
    return numbers


# --- the environment --------------------------------------------------------------------------


class _CodeGenerator(CodeGenerator):
    """Jinja's code generator, with `a ~ b` measured before it is joined."""

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        # As Jinja's own (jinja2/compiler.py), with the parts passed through concat_parts.
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            join = "markup_join"
        else:
            join = "str_join"
        self.write(f"{join}(environment.concat_parts((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write(")))")


class _Template(jinja2.Template):
    """A template whose output, wherever it goes (the document, an include, an import), stops
    at MAX_OUTPUT."""

    @classmethod
    def _from_namespace(
        cls, environment: jinja2.Environment, namespace: Any, globals: Any
    ) -> jinja2.Template:
        template = super()._from_namespace(environment, namespace, globals)
        render = template.root_render_func

        def bounded(context: jinja2.runtime.Context) -> Iterator[str]:
            written = 0
            for chunk in render(context):
                written += len(chunk)
                if written > MAX_OUTPUT:
                    raise TooLarge(
                        _("template output is larger than {max_output} MiB; stopped").format(
                            max_output=MAX_OUTPUT // 1024 // 1024
                        )
                    )
                yield chunk

        template.root_render_func = bounded
        return template


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with every value a template builds kept under MAX_VALUE."""

    intercepted_binops = frozenset(["*", "**", "+", "%"])
    code_generator_class = _CodeGenerator
    template_class = _Template

    def __init__(self, **options: Any) -> None:
        super().__init__(finalize=self._printed, **options)
        self.built = 0  # characters of the values built so far (MAX_BUILT)
        self.globals.update(range=_range, lipsum=self._lipsum)
        self.filters = _Filters(self, {**self.filters, "join": _join, "sum": _sum})

    def spend(self, characters: int, what: str) -> None:
        """Count a value built against MAX_BUILT."""
        self.built += characters
        if self.built > MAX_BUILT:
            raise TooLarge(
                _("template values too large: {what} makes over {max_built} MiB built in all").format(
                    what=what, max_built=MAX_BUILT // 1024 // 1024
                )
            )

    def result(self, value: Any, what: str, *given: Any, source: Any = None) -> Any:
        """Check what a filter, method or operator returned (a guard on the estimates before
        it), and count it unless it is one of the values it was `given`: text by its
        characters, a list by its items (8 characters each, a pointer; 64 when they are new
        strings cut from a `source` text, as `split()` and `|list` make)."""
        if isinstance(value, str | bytes):
            _check(len(value), what)
            if not any(value is g for g in given):
                self.spend(len(value), what)
        elif isinstance(value, list | tuple | dict):
            if len(value) > MAX_ITEMS:
                raise TooLarge(
                    _("template value too large: {what} would make over {max_items} items").format(
                        what=what, max_items=MAX_ITEMS
                    )
                )
            if not any(value is g for g in given):
                self.spend(len(value) * (64 if isinstance(source, str | bytes) else 8), what)
        elif isinstance(value, Iterator):
            return _bounded(value, what)
        return value

    def _printed(self, value: Any) -> Any:
        """Every `{{ value }}`: a list or mapping is measured before it is made text."""
        if not isinstance(value, str):
            printed = size(value)
            _check(printed, "a printed value")
            self.spend(printed, "a printed value")
        return value

    def concat_parts(self, parts: tuple[Any, ...]) -> tuple[Any, ...]:
        """The parts of `a ~ b ~ …`, measured before they are joined."""
        joined = sum(size(part) for part in parts)
        _check(joined, "the ~ operator")
        self.spend(joined, "the ~ operator")
        return parts

    def _lipsum(self, n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
        """lipsum(), refusing more words than a value may hold."""
        _check(n * max * 12 if isinstance(n, int) and isinstance(max, int) else 0, "lipsum()")
        return self.result(generate_lorem_ipsum(n, html, min, max), "lipsum()")  # type: ignore[no-any-return]

    def concat(self, chunks: Iterable[str]) -> str:
        """What macros, `{% set %}` blocks, `{% filter %}` blocks and `caller()` collect, joined
        once it is known to be short enough (a macro repeating a long value 1000 times)."""
        collected, written = [], 0
        for chunk in chunks:
            written += len(chunk)
            _check(written, "the output of a macro or block")
            collected.append(chunk)
        self.spend(written, "the output of a macro or block")
        return "".join(collected)

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        what = f"the {operator} operator"
        numbers = isinstance(left, int) and isinstance(right, int)
        if operator == "*" and numbers:
            _bits(left.bit_length() + right.bit_length(), what)
        elif operator == "*":
            sized, count = (left, right) if isinstance(right, int) else (right, left)
            if isinstance(sized, str | bytes | list | tuple) and isinstance(count, int):
                _check(size(sized) * count, what)
        elif operator == "**" and numbers and right > 0 and abs(left) > 1:
            _bits(int(math.log2(abs(left)) * min(right, MAX_INT_BITS + 1)), what)
        elif operator == "+" and all(isinstance(v, str | bytes | list | tuple) for v in (left, right)):
            _check(len(left) + len(right), what)  # the result is checked for MAX_ITEMS
        elif operator == "%" and isinstance(left, str):
            _check(_printf_size(left, right), what)
        return self.result(super().call_binop(context, operator, left, right), what, left, right)

    def wrap_str_format(self, value: Any) -> Callable[..., Any] | None:
        """Methods of strings, bytes and numbers, as templates reach them (`"x".center(10**9)`):
        str.format with limited fields; those that grow with their arguments, checked first."""
        if not isinstance(value, BuiltinMethodType | MethodType):
            return None
        owner = getattr(value, "__self__", None)
        name = value.__name__
        if isinstance(owner, str) and name in ("format", "format_map"):
            return self._format_method(owner, name == "format_map", value)
        if isinstance(owner, str | bytes | int) and (name in _METHODS or name in _CUTTING or name == "join"):
            return _limited_method(value, self)
        return None

    def _format_method(self, owner: str, is_map: bool, method: Any) -> Callable[..., str]:
        # As Jinja's wrap_str_format (jinja2/sandbox.py), with formatters that measure.
        formatter = (
            _EscapeFormatter(self, escape=owner.escape) if isinstance(owner, Markup) else _Formatter(self)
        )
        kind = type(owner)

        def wrapper(*args: Any, **kwargs: Any) -> str:
            if is_map:
                if kwargs:
                    raise TypeError("format_map() takes no keyword arguments")
                if len(args) != 1:
                    raise TypeError(f"format_map() takes exactly one argument ({len(args)} given)")
                kwargs, args = args[0], ()
            return self.result(kind(formatter.vformat(owner, args, kwargs)), "str.format()")  # type: ignore[no-any-return]

        return update_wrapper(wrapper, method)
