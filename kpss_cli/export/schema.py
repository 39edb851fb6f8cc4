"""The tables of an export, declared once: their columns and types, primary and foreign keys
and indexes. Every writer (write.py) and docs/export.md follow this; a change to it that is
not a new column at the end of a table bumps SCHEMA_VERSION."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (a warm export: quick.py)
if TYPE_CHECKING:
    from typing import Any

SCHEMA_VERSION = 1

# Column types, and what each is in SQLite. SQLite has no date or boolean type: dates are ISO
# text (`2026-03-18`, which SQLite's date functions read), booleans 0 or 1.
SQLITE_TYPES = {"text": "TEXT", "int": "INTEGER", "date": "DATE", "bool": "BOOLEAN"}

# Plain classes, not typing.NamedTuple: a warm export imports this module, and NamedTuple (with
# `typing`) took some 4 ms of its start.


class Column:
    __slots__ = ("name", "type", "required")

    def __init__(self, name: str, type: str, required: bool = False) -> None:
        self.name = name
        self.type = type  # a key of SQLITE_TYPES
        self.required = required  # NOT NULL


class ForeignKey:
    __slots__ = ("columns", "table", "references")

    def __init__(self, columns: tuple[str, ...], table: str, references: tuple[str, ...]) -> None:
        self.columns = columns
        self.table = table
        self.references = references


class Table:
    __slots__ = ("name", "columns", "key", "foreign", "indexes")

    def __init__(
        self,
        name: str,
        columns: tuple[Column, ...],
        key: tuple[str, ...],
        foreign: tuple[ForeignKey, ...] = (),
        indexes: tuple[tuple[str, ...], ...] = (),
    ) -> None:
        self.name = name
        self.columns = columns
        self.key = key
        self.foreign = foreign
        self.indexes = indexes

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def json_lines(self, lead: str | None = None) -> Callable[[Iterable[Row]], str]:
        """The function giving rows of this table as JSON Lines: each row the JSON object
        json.dumps gives of the dict of its columns and values (ensure_ascii=False), booleans
        as booleans_restored gives them (SQLite's 0 or 1 as false or true), and a newline.
        With `lead`, the rows are of the archive named "" (else ValueError), and each line
        begins with `lead` in place of `{"archive": "", ` (rows.LEAD). Made once per table: the
        code of one comprehension over the rows, each value's text by its column's type inline
        (json.encoder.encode_basestring, `null`, `true`, `false`, an int's repr; anything else
        by the encoder), with no call per row or value (some three times faster than a
        template filled by a function per value)."""
        import json  # here: most runs write no JSON
        from json.encoder import encode_basestring

        encode = json.JSONEncoder(ensure_ascii=False).encode

        def other(v: Any) -> str:
            """A value not of its column's type, as the encoder gives it."""
            if v is None:
                return "null"
            if type(v) is str:
                return encode_basestring(v)
            if v is True or v is False:
                return "true" if v else "false"
            if type(v) is int:
                return int.__repr__(v)
            return encode(v)

        def not_lead(v: Any) -> bool:
            raise ValueError(f"a row of {self.name} not of the archive named ''")

        count = len(self.columns)
        values = [f"v{at}" for at in range(count)]
        parts = []
        for at, column in enumerate(self.columns):
            if not column.name.isidentifier():  # the template's text: no quote or brace to escape
                raise ValueError(f"a column named {column.name!r}")
            v = values[at]
            if column.type == "bool":
                text = f'"null" if {v} is None else "true" if {v} else "false"'
            elif column.type == "int":
                text = f"R({v}) if type({v}) is int else O({v})"  # a bool's type is not int
            else:
                text = f"E({v}) if type({v}) is str else O({v})"
            parts.append(f'"{column.name}": {{{text}}}')
        if lead is None:
            body = "{{" + ", ".join(parts) + "}}"
            check = ""
        else:
            body = "{L}" + ", ".join(parts[1:]) + "}}"
            check = ' if v0 == "" or N(v0)'
        unpack = ", ".join(values) + ("," if count == 1 else "")
        code = f"def lines(rows):\n    return ''.join([f'{body}\\n' for {unpack} in rows{check}])\n"
        scope: dict[str, Any] = {
            "E": encode_basestring,
            "R": int.__repr__,
            "O": other,
            "N": not_lead,
            "L": lead,
        }
        exec(compile(code, f"<json lines of {self.name}>", "exec"), scope)
        made: Callable[[Iterable[Row]], str] = scope["lines"]
        return made

    def booleans_restored(self, rows: Iterable[Row]) -> Iterator[Row]:
        """`rows` with their booleans True or False again: SQLite gives them back as 0 or 1."""
        flags = [at for at, column in enumerate(self.columns) if column.type == "bool"]
        if not flags:
            yield from rows
            return
        for row in rows:
            values = list(row)
            for at in flags:
                if values[at] is not None:
                    values[at] = bool(values[at])
            yield tuple(values)


def _c(name: str, type: str = "text", required: bool = False) -> Column:
    return Column(name, type, required)


ARCHIVE = _c("archive", required=True)  # the first column of every table


def _meeting(column: str = "minutes_id") -> ForeignKey:
    return ForeignKey(("archive", column), "meetings", ("archive", "minutes_id"))


def _person(column: str) -> ForeignKey:
    return ForeignKey(("archive", column), "people", ("archive", "person_key"))


def _task() -> ForeignKey:
    return ForeignKey(("archive", "task_id"), "tasks", ("archive", "task_id"))


def _group() -> ForeignKey:
    return ForeignKey(("archive", "group_slug"), "groups", ("archive", "group_slug"))


def _archive() -> ForeignKey:
    return ForeignKey(("archive",), "archives", ("archive",))


TABLES = (
    Table(
        "archives",
        (
            ARCHIVE,
            _c("organisation"),
            _c("path", required=True),
            _c("files", "int", True),
            _c("minutes", "int", True),
            _c("tasks", "int", True),
            _c("errors", "int", True),
            _c("exported_at", required=True),
            _c("kpss_version", required=True),
        ),
        ("archive",),
    ),
    Table(
        "groups",
        (
            ARCHIVE,
            _c("group_slug", required=True),
            _c("name", required=True),
            _c("folder"),
            _c("manager"),
            _c("place"),
            _c("time"),
            _c("members", "int"),
            _c("configured", "bool", True),
        ),
        ("archive", "group_slug"),
        (_archive(),),
    ),
    Table(
        "people",
        (ARCHIVE, _c("person_key", required=True), _c("person", required=True), _c("org")),
        ("archive", "person_key"),
        (_archive(),),
    ),
    Table(
        "meetings",
        (
            ARCHIVE,
            _c("minutes_id", required=True),
            _c("group_slug", required=True),
            _c("date", "date", True),
            _c("year", "int", True),
            _c("time"),
            _c("place"),
            _c("status"),
            _c("title"),
            _c("attendance_sheet", "bool", True),
            _c("recorder_key"),
            _c("moderator_key"),
            _c("next_meeting", "date"),
            _c("path", required=True),
        ),
        ("archive", "minutes_id"),
        (_archive(), _group(), _person("recorder_key"), _person("moderator_key")),
        (("archive", "group_slug", "date"), ("archive", "date")),
    ),
    Table(
        "attendance",
        (
            ARCHIVE,
            _c("minutes_id", required=True),
            _c("person_key", required=True),
            _c("status", required=True),
            _c("name", required=True),
            _c("org"),
            _c("role"),
            _c("member", "bool", True),
            _c("listed", "bool", True),
        ),
        ("archive", "minutes_id", "person_key", "status"),
        (_meeting(), _person("person_key")),
        (("archive", "person_key"), ("archive", "status")),
    ),
    Table(
        "tasks",
        (
            ARCHIVE,
            _c("task_id", required=True),
            _c("minutes_id", required=True),
            _c("group_slug", required=True),
            _c("meeting_date", "date", True),
            _c("text", required=True),
            _c("owner"),
            _c("owner_key"),
            _c("due"),
            _c("deadline", "date"),
            _c("deadline_kind", required=True),
            _c("status", required=True),
            _c("initial_status", required=True),
            _c("closed_on", "date"),
            _c("closed_by"),
            _c("path", required=True),
            _c("line", "int", True),
            _c("source", required=True),
        ),
        ("archive", "task_id"),
        (_meeting(), _group(), _meeting("closed_by")),
        (
            ("archive", "minutes_id"),
            ("archive", "group_slug"),
            ("archive", "status"),
            ("archive", "owner_key"),
        ),
    ),
    Table(
        "task_events",
        (
            ARCHIVE,
            _c("task_id", required=True),
            _c("seq", "int", True),
            _c("minutes_id", required=True),
            _c("date", "date", True),
            _c("status", required=True),
            _c("note"),
            _c("due"),
            _c("path", required=True),
            _c("line", "int", True),
        ),
        ("archive", "task_id", "seq"),
        (_task(), _meeting()),
        (("archive", "minutes_id"),),
    ),
    Table(
        "deadlines",
        (
            ARCHIVE,
            _c("task_id", required=True),
            _c("seq", "int", True),
            _c("minutes_id", required=True),
            _c("date", "date", True),
            _c("reason", required=True),
            _c("due"),
            _c("deadline", "date"),
            _c("deadline_kind", required=True),
        ),
        ("archive", "task_id", "seq"),
        (
            _task(),
            ForeignKey(("archive", "task_id", "seq"), "task_events", ("archive", "task_id", "seq")),
            _meeting(),
        ),
    ),
    Table(
        "agenda_items",
        (
            ARCHIVE,
            _c("minutes_id", required=True),
            _c("position", "int", True),
            _c("title", required=True),
            _c("presenter"),
        ),
        ("archive", "minutes_id", "position"),
        (_meeting(),),
    ),
    Table(
        "decisions",
        (ARCHIVE, _c("minutes_id", required=True), _c("position", "int", True), _c("text", required=True)),
        ("archive", "minutes_id", "position"),
        (_meeting(),),
    ),
)

BY_NAME = {table.name: table for table in TABLES}

Row = tuple["Any", ...]  # a row of a table, in the order of its columns
Rows = dict[str, list[Row]]  # table name -> its rows


def empty() -> Rows:
    """No rows in any table."""
    return {table.name: [] for table in TABLES}


def sqlite_ddl(table: Table) -> list[str]:
    """CREATE TABLE (with its keys) and CREATE INDEX statements of `table`."""
    lines = [f"{c.name} {SQLITE_TYPES[c.type]}{' NOT NULL' if c.required else ''}" for c in table.columns]
    lines.append(f"PRIMARY KEY ({', '.join(table.key)})")
    for fk in table.foreign:
        lines.append(
            f"FOREIGN KEY ({', '.join(fk.columns)}) REFERENCES {fk.table} ({', '.join(fk.references)})"
        )
    body = ",\n  ".join(lines)
    statements = [f"CREATE TABLE {table.name} (\n  {body}\n)"]
    for columns in table.indexes:
        name = f"{table.name}_{'_'.join(c for c in columns if c != 'archive')}"
        statements.append(f"CREATE INDEX {name} ON {table.name} ({', '.join(columns)})")
    return statements
