"""Output formats, in one place: which command offers which (OFFERED), and the writers of
rows (WRITERS), through which every listing command writes.

Rows are dicts with the canonical English keys. JSON formats get the whole row; table, CSV,
TSV and Markdown get the listed columns. Colour and box drawing only on a terminal. The
formats that are not rows (`ics` calendars, the `text` of one record, `html` and `pdf` documents) are
written by the command that offers them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from ..core.i18n import N_, _, language
from ..core.model import Value

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any, TextIO

    # Row -> rich style name ("red", "yellow") for the terminal table, or None.
    RowStyle = Callable[[dict[str, Any]], str | None]


ROWS = ("table", "json", "jsonl", "csv", "tsv")

# command -> the formats its --format offers (`--to` for documents), the first the default.
OFFERED: dict[str, tuple[str, ...]] = {
    "list": ROWS,
    "check": ROWS,
    "import": ROWS,
    "attendance": (*ROWS, "md", "pdf"),
    "members": ROWS,
    "tasks": (*ROWS, "md", "ics", "pdf"),
    "schedule": (*ROWS, "md", "ics"),
    "show": ("text", "json"),
    "task": ("text", "json"),
    "agenda": ("md", "html", "pdf"),
    "render": ("md", "html", "pdf"),
    "plan": (*ROWS, "md"),
    "monitor": ("md", "html", "pdf", "json", "csv"),
}


class Column(Value):
    """A column of the table, CSV, TSV and Markdown outputs. The header is marked with `N_` where
    the column is declared and translated where a table or Markdown shows it; CSV and TSV name
    the column by its key, the same in every language."""

    __slots__ = ("key", "header", "justify", "spare", "words", "share")

    def __init__(
        self,
        key: str,
        header: str,
        justify: str = "left",
        spare: bool = False,
        words: bool | Mapping[str, str] = False,
        share: bool = False,
    ) -> None:
        self.key = key
        self.header = header
        self.justify = justify  # "left" | "right"
        # Values are words of a closed set (statuses), shown translated: each word itself, or
        # the label (marked with N_) a mapping gives it where the word is no English to show.
        self.words = words
        # A table too narrow for every column leaves this one out (what it says is elsewhere
        # in the row: a task's group and meeting are in its id).
        self.spare = spare
        # The value is a share (0.875): a table shows it as a percentage, data keep the number.
        self.share = share


# Compiled on first use, by `re`'s own cache: most runs print only printable text.
_CONTROL = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]"


def clean(text: str) -> str:
    """Return `text` as one line without control characters (terminal escapes, bidi overrides,
    and every line break: YAML and Markdown also break lines at NEL, U+2028 and U+2029)."""
    if text.isprintable():  # the usual case: every character removed or replaced is unprintable
        return text
    return re.sub(_CONTROL, "", text.replace("\t", " ").replace("\n", " "))


def clean_document(text: str) -> str:
    """Return a document (many lines) without control characters, keeping its line breaks and
    tabs. A carriage return becomes a line break: on a terminal a lone one would let a line be
    printed over what came before it (a task's owner over its deadline)."""
    if text.replace("\n", "").replace("\t", "").isprintable():  # the usual case, at C speed
        return text
    return re.sub(_CONTROL, "", text.replace("\r\n", "\n").replace("\r", "\n"))


# Yes and no as `cell` writes them, for columns of words.
BOOLEAN_WORDS = (N_("true"), N_("false"))


def shown(row: dict[str, Any], column: Column) -> str:
    """A cell as a table or Markdown shows it: words of a closed set in the interface's
    language (CSV, TSV and JSON keep the English word)."""
    value = row.get(column.key)
    if column.share and isinstance(value, (int, float)) and not isinstance(value, bool):
        percent = f"{value * 100:.1f}"
        return f"{percent.replace('.', ',')} %" if language() == "cs" else f"{percent}%"
    text = cell(value)
    if not column.words or not text:
        return text
    return _(column.words.get(text, text) if isinstance(column.words, Mapping) else text)


def cell(value: Any) -> str:
    """Return a value as one flat cell: lists joined with `; `, None as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict):
        import json  # here, as below: most runs print no JSON

        return cell(value.get("name") or value.get("title") or json.dumps(value, ensure_ascii=False))
    return str(value)


def emit(
    rows: Iterable[dict[str, Any]],
    columns: Sequence[Column],
    fmt: str,
    out: TextIO,
    *,
    terminal: bool = False,
    row_style: RowStyle | None = None,
    caption: str | None = None,
    excel: bool = False,
    width: int | None = None,
) -> int:
    """Write `rows` in `fmt` to `out`; return how many rows were written. A table is at most
    `width` characters wide where it can be (None: as wide as its text)."""
    writer = WRITERS[fmt]
    return writer(
        rows, columns, out, terminal=terminal, row_style=row_style, caption=caption, excel=excel, width=width
    )


def _json(rows: Iterable[dict[str, Any]], columns: Sequence[Column], out: TextIO, **_options: Any) -> int:
    # Streamed row by row; still a valid `[]` when there are no rows.
    encode = json_encoder()
    count = 0
    for row in rows:
        out.write("[\n  " if count == 0 else ",\n  ")
        out.write(encode(row))
        count += 1
    out.write("\n]\n" if count else "[]\n")
    return count


def json_encoder() -> Callable[[Any], str]:
    """One row as JSON (UTF-8 kept). One encoder for every row: json.dumps with options
    builds a new one per call, a third of the time of writing 10,000 rows."""
    import json  # here: most runs print no JSON

    return json.JSONEncoder(ensure_ascii=False).encode


def _jsonl(rows: Iterable[dict[str, Any]], columns: Sequence[Column], out: TextIO, **_options: Any) -> int:
    encode = json_encoder()
    count = 0
    for row in rows:
        out.write(encode(row))
        out.write("\n")
        count += 1
    return count


def _csv(
    rows: Iterable[dict[str, Any]],
    columns: Sequence[Column],
    out: TextIO,
    *,
    excel: bool = False,
    **_options: Any,
) -> int:
    # RFC 4180: comma, CRLF, quotes where needed. `--excel`: what Czech Excel opens as is,
    # with formulas written in minutes kept as text (OWASP's rule against CSV injection).
    head, line = csv_lines(columns, excel)
    out.write(head)
    count = 0
    for row in rows:
        out.write(line(row))
        count += 1
    return count


def csv_lines(columns: Sequence[Column], excel: bool = False) -> tuple[str, Callable[[dict[str, Any]], str]]:
    """(the head of a CSV file of `columns`, what gives a row's line) as `-f csv` writes them:
    `kpss list` keeps each minutes' line (meetings/query.py) and puts the text together."""
    import csv
    import io

    value = _spreadsheet_cell if excel else cell
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n")

    writer.writerow([c.key for c in columns])
    head = ("\ufeff" if excel else "") + buffer.getvalue()

    def line(row: dict[str, Any]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([value(row.get(c.key)) for c in columns])
        return buffer.getvalue()

    return head, line


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _spreadsheet_cell(value: Any) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula (`=`, `+`, `-`, `@`,
    tab, CR) gets a leading `'`, as OWASP's CSV-injection rule says. Numbers stay numbers, with
    the decimal comma Czech Excel reads (a `;`-separated file is read in the Czech locale)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value).replace(".", ",")
    text = cell(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _tsv(rows: Iterable[dict[str, Any]], columns: Sequence[Column], out: TextIO, **_options: Any) -> int:
    out.write("\t".join(c.key for c in columns) + "\n")
    count = 0
    for row in rows:
        out.write("\t".join(clean(cell(row.get(c.key))) for c in columns) + "\n")
        count += 1
    return count


def _md(rows: Iterable[dict[str, Any]], columns: Sequence[Column], out: TextIO, **_options: Any) -> int:
    def escape(text: str) -> str:
        return clean(text).replace("|", "\\|")

    out.write("| " + " | ".join(_(c.header) for c in columns) + " |\n")
    out.write("|" + "|".join("---:" if c.justify == "right" else "---" for c in columns) + "|\n")
    count = 0
    for row in rows:
        out.write("| " + " | ".join(escape(shown(row, c)) for c in columns) + " |\n")
        count += 1
    return count


def _table(
    rows: Iterable[dict[str, Any]],
    columns: Sequence[Column],
    out: TextIO,
    *,
    terminal: bool = False,
    row_style: RowStyle | None = None,
    caption: str | None = None,
    width: int | None = None,
    **_options: Any,
) -> int:
    if terminal:
        materialised = list(rows)
        _rich_table(materialised, columns, out, row_style, caption, width)
        return len(materialised)
    count = _plain_table(rows, columns, out, width)
    if caption:
        out.write(caption + "\n")
    return count


# Columns a table never shortens: ids and paths (copied into other commands), dates, codes.
_WHOLE = frozenset(
    ("id", "minutes", "parent", "path", "date", "meeting_date", "deadline", "time", "code", "field", "line")
)
_NARROWEST = 6  # a shortened text column keeps at least this many characters
_READABLE = 20  # spare columns are left out before a text column is cut below this


def _floor(column: Column, natural: int, values: int) -> int:
    """How narrow a column may become: ids and dates not at all; numbers (right-aligned) to
    their longest value, shortening only their header; text to _NARROWEST characters."""
    if column.key in _WHOLE or column.words:  # words: a closed set of short ones (statuses)
        return natural
    if column.justify == "right":
        return max(values, 3)
    return min(natural, _NARROWEST)


def fit_widths(
    columns: Sequence[Column], natural: list[int], width: int | None, gap: int, value_widths: list[int]
) -> list[int]:
    """The width of each column in a table at most `width` characters wide (None: no limit),
    columns `gap` apart: the widest text columns give way first, down to a common width, so
    that short values (a status, a group's slug) stay whole while a task's text is shortened;
    ids, dates and numbers never give way. A table that cannot fit even so keeps its whole ids
    and is wider than `width`."""
    widths = list(natural)
    if width is None:
        return widths
    room = width - gap * (len(widths) - 1)
    if sum(widths) <= room:
        return widths
    floors = [_floor(c, w, values) for c, w, values in zip(columns, widths, value_widths, strict=True)]
    if sum(floors) >= room:
        return floors

    def total(level: int) -> int:
        return sum(max(f, min(w, level)) for w, f in zip(widths, floors, strict=True))

    level = max(widths)  # the widest level at which the table fits, found by bisection
    low, high = 0, level
    while low < high:
        level = (low + high + 1) // 2
        low, high = (level, high) if total(level) <= room else (low, level - 1)
    fitted = [max(f, min(w, low)) for w, f in zip(widths, floors, strict=True)]
    spare = room - sum(fitted)  # what rounding left: one more character to the widest cut ones
    for i in sorted(range(len(fitted)), key=lambda i: widths[i] - fitted[i], reverse=True):
        if spare <= 0 or fitted[i] >= widths[i]:
            break
        fitted[i] += 1
        spare -= 1
    return fitted


def shorten(text: str, width: int) -> str:
    """`text` cut to `width` characters, with an ellipsis where it was cut."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _fitting(
    columns: Sequence[Column], rows: list[dict[str, Any]], width: int | None, gap: int
) -> list[Column]:
    """The columns of a table: all, or without the spare ones when with them a text column
    would be cut below _READABLE characters."""
    if width is None or not any(c.spare for c in columns):
        return list(columns)
    return [
        columns[i]
        for i in _fitting_cells(
            columns, [[clean(shown(row, c)) for c in columns] for row in rows], width, gap
        )
    ]


def _fitting_cells(
    columns: Sequence[Column], cells: list[list[str]], width: int | None, gap: int
) -> list[int]:
    """_fitting of rows already made into `cells` (one per column): the indexes of the columns kept."""
    if width is None or not any(c.spare for c in columns):
        return list(range(len(columns)))
    values = [max([0] + [len(r[i]) for r in cells]) for i in range(len(columns))]
    natural = [max(len(_(c.header)), v) for c, v in zip(columns, values, strict=True)]
    readable = [
        max(_floor(c, n, v), min(n, _READABLE)) for c, n, v in zip(columns, natural, values, strict=True)
    ]
    if sum(readable) + gap * (len(columns) - 1) <= width:
        return list(range(len(columns)))
    return [i for i, c in enumerate(columns) if not c.spare]


def _plain_table(
    rows: Iterable[dict[str, Any]], columns: Sequence[Column], out: TextIO, width: int | None
) -> int:
    """Aligned columns with no colour or box drawing, for pipes and files; return the row
    count. Only the cells are kept, each row's dict dropped once read (`tasks --all` at
    100,000 minutes: issue #25)."""
    cells = [[clean(shown(row, c)) for c in columns] for row in rows]
    kept = _fitting_cells(columns, cells, width, 2)
    if len(kept) < len(columns):
        columns = [columns[i] for i in kept]
        cells = [[row_cells[i] for i in kept] for row_cells in cells]
    values = [max([0] + [len(r[i]) for r in cells]) for i in range(len(columns))]
    natural = [max(len(_(c.header)), v) for c, v in zip(columns, values, strict=True)]
    widths = fit_widths(columns, natural, width, 2, values)

    def line(values: list[str]) -> str:
        parts = [
            shorten(v, w).rjust(w) if c.justify == "right" else shorten(v, w).ljust(w)
            for v, w, c in zip(values, widths, columns, strict=True)
        ]
        return "  ".join(parts).rstrip() + "\n"

    out.write(line([_(c.header) for c in columns]))
    out.writelines(line(row_cells) for row_cells in cells)
    return len(cells)


def _rich_table(
    rows: list[dict[str, Any]],
    columns: Sequence[Column],
    out: TextIO,
    row_style: RowStyle | None,
    caption: str | None,
    width: int | None,
) -> None:
    from rich.console import Console  # only on a terminal: keeps pipes fast
    from rich.table import Table
    from rich.text import Text

    columns = _fitting(columns, rows, width, 3)
    cells = [[clean(shown(row, c)) for c in columns] for row in rows]
    values = [max([0] + [len(r[i]) for r in cells]) for i in range(len(columns))]
    natural = [max(len(_(c.header)), v) for c, v in zip(columns, values, strict=True)]
    widths = fit_widths(columns, natural, width, 3, values)  # ` │ ` between columns
    console = Console(
        file=out,
        highlight=False,
        soft_wrap=False,
        force_terminal=True,
        width=max(sum(widths) + 3 * len(widths), 20),
    )
    table = Table(show_edge=False, header_style="bold", pad_edge=False)
    for column, size in zip(columns, widths, strict=True):
        table.add_column(
            shorten(_(column.header), size),
            justify="right" if column.justify == "right" else "left",
            no_wrap=True,
            overflow="ellipsis",
            width=size,
        )
    for row, texts in zip(rows, cells, strict=True):
        style = row_style(row) if row_style else None
        # Text(), never markup: "[bold]" written in minutes stays text.
        table.add_row(*(Text(shorten(t, w)) for t, w in zip(texts, widths, strict=True)), style=style)
    console.print(table)
    if caption:
        console.print(Text(caption), style="dim")


WRITERS: dict[str, Callable[..., int]] = {
    "table": _table,
    "json": _json,
    "jsonl": _jsonl,
    "csv": _csv,
    "tsv": _tsv,
    "md": _md,
}


def emit_sections(
    sections: Sequence[tuple[str, list[dict[str, Any]]]],
    by: str,
    columns: Sequence[Column],
    table_columns: Sequence[Column],
    fmt: str,
    out: TextIO,
    *,
    terminal: bool = False,
    row_style: RowStyle | None = None,
    excel: bool = False,
    width: int | None = None,
) -> int:
    """Write rows split into labelled sections (`kpss tasks --by owner`); return the row count.

    JSON formats get one object per section (`{by: label, count, tasks}`); CSV and TSV the
    rows section after section; table and Markdown a heading and a table per section.
    """
    objects = ({by: label, "count": len(rows), "tasks": rows} for label, rows in sections)
    if fmt in ("json", "jsonl"):
        emit(objects, columns, fmt, out)
    elif fmt in ("csv", "tsv"):
        emit((row for _, rows in sections for row in rows), columns, fmt, out, excel=excel)
    else:
        for number, (label, rows) in enumerate(sections):
            heading = f"{label} ({len(rows)})"
            if fmt == "md":
                out.write(("\n" if number else "") + f"### {clean(heading)}\n\n")
                emit(rows, columns, fmt, out)
            else:
                out.write(("\n" if number else "") + clean(heading) + "\n")
                emit(rows, table_columns, fmt, out, terminal=terminal, row_style=row_style, width=width)
    return sum(len(rows) for _, rows in sections)
