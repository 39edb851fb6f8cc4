"""`kpss plan import`: a plan file (FORMAT.md 1.1) from the table a town already has, a CSV
(as Czech Excel saves it: `;`, Windows-1250 or UTF-8 with a BOM) or an Excel workbook (.xlsx,
with openpyxl, an optional extra).

One row per item. The columns are found by their headings, Czech or English, in any order:
`číslo`/`id`, `název`/`title`, `úroveň`/`level`, `skupina`/`group`, `nadřazená`/`parent`,
`ukazatel`/`indicator`, `jednotka`/`unit`, `výchozí`/`baseline`, `cíl`/`target`, `rok`/`year`,
`rozpočet`/`budget`. Without a parent column, an item's parent is the id without its last
dotted part (`2.1.3` is below `2.1`). A row that repeats the id of the row above without a
title adds another indicator to it.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from ..core.errors import KpssError, os_reason
from ..core.i18n import _
from ..core.names import fold
from ..core.plan import read_value

COLUMNS = {
    "id": ("id", "číslo", "cislo", "č.", "kód", "kod"),
    "title": ("title", "název", "nazev", "text", "popis"),
    "level": ("level", "úroveň", "uroven", "typ"),
    "group": ("group", "skupina", "pracovní skupina", "odpovídá", "gestor"),
    "parent": ("parent", "nadřazená", "nadrazena", "nadřazené"),
    "indicator": ("indicator", "ukazatel", "indikátor", "indikator"),
    "unit": ("unit", "jednotka"),
    "baseline": ("baseline", "výchozí", "výchozí hodnota", "výchozí stav"),
    "target": ("target", "cíl", "cílová hodnota", "cílový stav"),
    "year": ("year", "rok"),
    "budget": ("budget", "rozpočet"),
}
HEADINGS = {fold(word): key for key, words in COLUMNS.items() for word in words}
DEFAULT_LEVELS = {
    2: ["Priorita", "Opatření"],
    3: ["Priorita", "Cíl", "Opatření"],
    4: ["Priorita", "Cíl", "Opatření", "Aktivita"],
}
MAX_TABLE = 16 * 1024 * 1024


def read_rows(path: Path, shown: str) -> list[tuple[int, list[str]]]:
    """The rows of a .csv or .xlsx file, each with its line (row) number."""
    if path.suffix.lower() == ".xlsx":
        return _xlsx_rows(path, shown)
    if path.suffix.lower() not in (".csv", ".txt"):
        raise KpssError(_("a plan is imported from a .csv or .xlsx file"), shown)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KpssError(_("cannot read the file: {reason}").format(reason=os_reason(exc)), shown) from None
    if len(data) > MAX_TABLE:
        raise KpssError(
            _("the table is over {max_table} MiB").format(max_table=MAX_TABLE // 1024 // 1024), shown
        )
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1250", errors="replace")  # Czech Excel's "CSV (oddělený středníkem)"
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    for row in reader:
        rows.append((reader.line_num, [cell.strip() for cell in row]))
    return rows


def _xlsx_rows(path: Path, shown: str) -> list[tuple[int, list[str]]]:
    try:
        import openpyxl
    except ImportError:
        raise KpssError(
            _("reading .xlsx needs openpyxl: pip install 'kpss[xlsx]' (or save the table as CSV)"), shown
        ) from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a damaged or foreign file: openpyxl raises many kinds
        raise KpssError(_("cannot read the workbook: {exc}").format(exc=exc), shown) from None
    try:
        sheet = book.worksheets[0]
        rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            rows.append((number, [_cell(v) for v in values]))
        return rows
    finally:
        book.close()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class _Row:
    __slots__ = ("line", "id", "title", "level", "group", "parent", "budget", "indicators", "children")

    def __init__(self, line: int, values: dict[str, str]) -> None:
        self.line = line
        self.id = values.get("id", "")
        self.title = values.get("title", "")
        self.level = values.get("level", "")
        self.group = values.get("group", "")
        self.parent = values.get("parent", "")
        self.budget = values.get("budget", "")
        self.indicators: list[dict[str, str]] = []
        self.children: list[_Row] = []


def plan_yaml(
    rows: list[tuple[int, list[str]]],
    shown: str,
    *,
    name: str,
    period: str | None,
    levels: list[str] | None,
) -> str:
    """The text of a plan file made of a table's rows (the first holding the headings)."""
    rows = [(line, cells) for line, cells in rows if any(cells)]
    if not rows:
        raise KpssError(_("the table is empty"), shown)
    heading_line, headings = rows[0]
    keys = [HEADINGS.get(fold(h.strip().rstrip(":"))) for h in headings]
    if "id" not in keys or "title" not in keys:
        raise KpssError(
            _("the first row must name the columns, with at least `číslo` (id) and `název` (title)"),
            shown,
            heading_line,
        )
    items: list[_Row] = []
    by_id: dict[str, _Row] = {}
    last: _Row | None = None
    for line, cells in rows[1:]:
        values = {k: c for k, c in zip(keys, cells, strict=False) if k is not None and c}
        if (
            "title" not in values
            and values.get("indicator")
            and ("id" not in values or (last is not None and values["id"] == last.id))
        ):
            if last is None:
                raise KpssError(_("an indicator before any item"), shown, line)
            last.indicators.append(_indicator(values))
            continue
        row = _Row(line, values)
        if not row.id:
            raise KpssError(_("a row without an id (číslo)"), shown, line)
        if not row.title:
            raise KpssError(_("item {id} has no title (název)").format(id=row.id), shown, line)
        if row.id in by_id:
            raise KpssError(
                _("id {id!r} is already used on line {line}").format(id=row.id, line=by_id[row.id].line),
                shown,
                line,
            )
        if values.get("indicator"):
            row.indicators.append(_indicator(values))
        by_id[row.id] = row
        items.append(row)
        last = row
    roots: list[_Row] = []
    depth: dict[str, int] = {}
    for row in items:
        parent_id = row.parent or (row.id.rsplit(".", 1)[0] if "." in row.id.strip(".") else "")
        parent = by_id.get(parent_id) if parent_id else None
        if parent_id and parent is None and row.parent:
            raise KpssError(
                _("item {id} names parent {parent!r}, not in the table").format(id=row.id, parent=row.parent),
                shown,
                row.line,
            )
        if parent is None or parent is row:
            roots.append(row)
            depth[row.id] = 0
        else:
            if parent.id not in depth:
                raise KpssError(
                    _("item {id} comes before its parent {id2}").format(id=row.id, id2=parent.id),
                    shown,
                    row.line,
                )
            parent.children.append(row)
            depth[row.id] = depth[parent.id] + 1
    deepest = max(depth.values(), default=0) + 1
    if levels is None:
        written = []
        for row in items:
            if row.level and row.level not in written:
                written.append(row.level)
        levels = written if len(written) == deepest else DEFAULT_LEVELS.get(max(deepest, 2))
    if levels is None or not 2 <= len(levels) <= 4 or len(levels) < deepest:
        raise KpssError(
            _("the table has {deepest} levels; a plan has 2 to 4 (give their names with --levels)").format(
                deepest=deepest
            ),
            shown,
        )
    out = [
        f"# Imported by `kpss plan import` from {_comment(Path(shown).name)}.",
        f"plan: {_string(name)}",
    ]
    if period:
        out.append(f"period: {period}")
    out.append(f"levels: [{', '.join(_string(level) for level in levels)}]")
    out.append("items:")
    for row in roots:
        _write(row, out, 2)
    return "\n".join(out) + "\n"


def _indicator(values: dict[str, str]) -> dict[str, str]:
    return {k: values[k] for k in ("indicator", "unit", "baseline", "target", "year") if values.get(k)}


def _string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _comment(value: str) -> str:
    return " ".join(value.split())


def _scalar(value: str) -> str:
    number = read_value(value)
    return str(number) if isinstance(number, (int, float)) else _string(value)


def _write(row: _Row, out: list[str], indent: int) -> None:
    """`row` as a YAML list item whose dash is `indent` spaces in, with its children below."""
    pad = " " * (indent + 2)
    out.append(f"{' ' * indent}- id: {_string(row.id)}")
    out.append(f"{pad}title: {_string(row.title)}")
    if row.group:
        out.append(f"{pad}group: {_string(row.group)}")
    if row.budget:
        out.append(f"{pad}budget: {_scalar(row.budget)}")
    if row.indicators:
        out.append(f"{pad}indicators:")
        for indicator in row.indicators:
            fields = [f"name: {_string(indicator['indicator'])}"]
            if "unit" in indicator:
                fields.append(f"unit: {_string(indicator['unit'])}")
            fields += [
                f"{key}: {_scalar(indicator[key])}"
                for key in ("baseline", "target", "year")
                if key in indicator
            ]
            out.append(f"{pad}  - {{{', '.join(fields)}}}")
    if row.children:
        out.append(f"{pad}items:")
        for child in row.children:
            _write(child, out, indent + 4)
