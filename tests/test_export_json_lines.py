"""schema.Table.json_lines, the JSON Lines text of every export (write._write_jsonl) and of
the rows' text (rows._text): each line json.dumps' text of the dict of the row's columns
(ensure_ascii=False), booleans restored as the spill gives them back (0 or 1), for values of
every kind in every column (text with quotes, controls, U+2028, emoji, braces; None; ints,
floats, NaN and booleans where they are not expected)."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from kpss_cli.export import cold
from kpss_cli.export.rows import LEAD, _text
from kpss_cli.export.schema import BY_NAME, TABLES, Row, Table

TEXTS = ["a", 'q"uo\\te', "ctl\x01\x1f\n\t", "\u2028x\u2029", "emoji 😀", "{brace} {{", "ž", "", "'single'"]
encode = json.JSONEncoder(ensure_ascii=False).encode


def value(kind: str, rnd: random.Random) -> Any:
    r = rnd.random()
    if r < 0.15:
        return None
    if kind == "bool":
        return rnd.choice([True, False, 0, 1])
    if kind == "int" and r < 0.3:
        return rnd.choice([0, -5, 123456789012345678901234567890, 3.5, float("nan"), True])
    if kind == "int":
        return rnd.randint(-9, 99)
    return rnd.choice(TEXTS) if r < 0.9 else rnd.choice([1, 2.5, True])


def restored(table: Table, row: Row) -> Row:
    return tuple(
        bool(v) if column.type == "bool" and v is not None else v
        for column, v in zip(table.columns, row, strict=True)
    )


@pytest.mark.parametrize("table", TABLES, ids=[t.name for t in TABLES])
def test_json_lines_are_the_encoders_text(table: Table) -> None:
    rnd = random.Random(table.name)
    rows = [tuple(value(c.type, rnd) for c in table.columns) for _ in range(2000)]
    expected = "".join(encode(dict(zip(table.names, restored(table, r), strict=True))) + "\n" for r in rows)
    assert table.json_lines()(rows) == expected
    # Of the archive named "": each line LEAD and the rest, as rows.py keeps it.
    rows = [("", *row[1:]) for row in rows]
    empty = '{"archive": "", '
    expected = "".join(
        LEAD.decode() + encode(dict(zip(table.names, restored(table, r), strict=True)))[len(empty) :] + "\n"
        for r in rows
    )
    assert _text(table, rows) == expected.encode("utf-8")
    assert _text(table, []) == b""


@pytest.mark.parametrize("table", TABLES, ids=[t.name for t in TABLES])
def test_a_row_not_as_its_table_is_refused(table: Table) -> None:
    row = tuple(None for _ in table.columns)
    with pytest.raises(ValueError):
        table.json_lines()([row[1:]])  # a value short
    with pytest.raises(ValueError):
        table.json_lines()([(*row, None)])  # a value too many
    with pytest.raises(ValueError):
        _text(table, [("named", *row[1:])])  # not of the archive named ""


def test_a_cold_minutes_attendance_is_its_rows_text() -> None:
    """export/cold._attendance_text (each row's text after its minutes id kept as it recurs):
    the bytes rows._text gives, for minutes whose people recur, and rows of no one minutes."""
    table = BY_NAME["attendance"]
    rnd = random.Random("attendance")
    people = [tuple(value(c.type, rnd) for c in table.columns[2:]) for _ in range(40)]
    for minutes_id in ["orp-001/x/2020-01-02", *TEXTS]:
        rows = [("", minutes_id, *rnd.choice(people)) for _ in range(rnd.randint(0, 30))]
        assert cold._attendance_text(rows) == _text(table, rows)
    mixed = [("", "a", *people[0]), ("", "b", *people[1]), ("", 3, *people[2])]
    assert cold._attendance_text(mixed) == _text(table, mixed)
    with pytest.raises(ValueError):
        cold._attendance_text([("named", "a", *people[0])])
