"""`kpss tasks` and `kpss task`: the task register across all minutes."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import replace
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..cli import (
    ArchiveOption,
    AsOfOption,
    ExtendedFormat,
    GroupOption,
    ShowFormat,
    SinceOption,
    UntilOption,
    app,
    boundary,
    date_option,
    emit_rows,
    finish,
    load,
    say,
    terminal,
    today_from,
)
from ..errors import KpssError
from ..output import Column, Format, emit_sections

if TYPE_CHECKING:
    from ..model import Task

# --- tasks ---------------------------------------------------------------------------------


class GroupBy(StrEnum):
    """What `kpss tasks --by` groups the list by."""

    owner = "owner"
    group = "group"


TASK_COLUMNS = [
    Column("id", "ID"),
    Column("group", "Group"),
    Column("meeting_date", "Meeting"),
    Column("task", "Task"),
    Column("owner", "Owner"),
    Column("due", "Due"),
    Column("deadline", "Deadline"),
    Column("status", "Status"),
    Column("days_overdue", "Overdue", "right"),
]
# The terminal table names the group by its slug, to leave room for the task.
TASK_TABLE_COLUMNS = [Column("group_slug", "Group") if c.key == "group" else c for c in TASK_COLUMNS]


def _task_rows(tasks: list[Task], today: dt.date) -> list[dict[str, Any]]:
    return [t.to_dict(today) for t in tasks]


def _flag_unreadable(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For people (table, Markdown): `?` where kpss cannot tell whether a task is overdue."""
    return [
        {**row, "days_overdue": "?"} if row["deadline_kind"] == "unknown" and row["status"] == "open" else row
        for row in rows
    ]


def _task_style(today: dt.date) -> Callable[[dict[str, Any]], str | None]:
    week = (today + dt.timedelta(days=7)).isoformat()

    def style(row: dict[str, Any]) -> str | None:
        if row.get("days_overdue"):
            return "red"
        if row["status"] == "open" and row["deadline"] and row["deadline"] <= week:
            return "yellow"
        return None

    return style


@app.command()
@boundary
def tasks(
    archive: ArchiveOption = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only open tasks past their deadline.")] = False,
    open_: Annotated[bool, typer.Option("--open", help="Open tasks (the default).")] = False,
    done: Annotated[bool, typer.Option("--done", help="Done tasks.")] = False,
    cancelled: Annotated[bool, typer.Option("--cancelled", help="Cancelled tasks.")] = False,
    all_: Annotated[bool, typer.Option("--all", help="Tasks of every status.")] = False,
    owner: Annotated[
        str | None,
        typer.Option(
            "--owner", help="Only tasks of this person (a surname is enough; titles, case, accents ignored)."
        ),
    ] = None,
    group: GroupOption = None,
    due_before: Annotated[
        str | None, typer.Option("--due-before", help="Only deadlines before this date.")
    ] = None,
    due_after: Annotated[
        str | None, typer.Option("--due-after", help="Only deadlines after this date.")
    ] = None,
    due_within: Annotated[
        int | None,
        typer.Option("--due-within", min=0, max=36500, help="Only deadlines from today to N days ahead."),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    as_of: AsOfOption = None,
    by: Annotated[GroupBy | None, typer.Option("--by", help="Group the list per owner or per group.")] = None,
    fmt: Annotated[
        ExtendedFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ExtendedFormat.table,
    template: Annotated[
        str | None,
        typer.Option(
            "--template", help="Render with this Jinja template (a file, or a name like tasks.md.j2)."
        ),
    ] = None,
    excel: Annotated[
        bool, typer.Option("--excel", help="CSV that Czech Excel opens as is (UTF-8 BOM, `;`).")
    ] = False,
    fail_if_any: Annotated[
        bool, typer.Option("--fail-if-any", help="Exit 1 when the list is not empty (for cron jobs).")
    ] = False,
) -> None:
    """List tasks from every minutes file, with their status resolved over time.

    Default: open tasks. Overdue ones come first, then by deadline.

    Example: kpss tasks --overdue --as-of 2026-01-31 --owner novakova --format csv
    """
    from ..query import TaskFilter, find_tasks, group_rows

    today = today_from(as_of)
    if excel:
        if fmt not in (ExtendedFormat.table, ExtendedFormat.csv):
            raise KpssError("--excel writes CSV: leave out --format, or give --format csv")
        fmt = ExtendedFormat.csv
    statuses = {s for s, on in (("open", open_), ("done", done), ("cancelled", cancelled)) if on}
    if all_:
        statuses = {"open", "done", "cancelled"}
    wanted = TaskFilter(
        statuses=frozenset(statuses or {"open"}),
        overdue=overdue,
        owner=owner,
        group=group,
        due_before=date_option(due_before, "--due-before"),
        due_after=date_option(due_after, "--due-after"),
        due_within=due_within,
        since=date_option(since, "--since"),
        until=date_option(until, "--until"),
    )
    loaded = load(archive, tasks_only=True)
    selected = find_tasks(loaded, wanted, today)
    unreadable = sum(1 for t in selected if not t.deadline_readable)
    overdue_count = sum(1 for t in selected if t.days_overdue(today) is not None)
    if overdue:
        # Tasks whose deadline cannot be read can never be overdue: say how many of the open
        # tasks the other filters select are such.
        scope = find_tasks(loaded, replace(wanted, overdue=False, statuses=frozenset({"open"})), today)
        unreadable = sum(1 for t in scope if not t.deadline_readable)
    if unreadable:
        say(
            f"kpss: note: {unreadable} task(s) have a deadline kpss cannot read"
            + (" and cannot be overdue" if overdue else "")
            + "; `kpss check` shows where"
        )
    rows = _task_rows(selected, today)
    if fmt is ExtendedFormat.ics:
        from ..ical import write_deadlines

        write_deadlines(rows, sys.stdout, today, loaded.config.organisation or "kpss")
    elif template:
        from ..render import render_template, task_context

        context = task_context(loaded.config, rows, today, group_rows(rows, by.value) if by else None)
        sys.stdout.write(render_template(template, context, loaded.root, language=loaded.config.language))
    elif by:
        shown = _flag_unreadable(rows) if fmt in (ExtendedFormat.table, ExtendedFormat.md) else rows
        sections = group_rows(shown, by.value)
        emit_sections(
            sections,
            by.value,
            TASK_COLUMNS,
            TASK_TABLE_COLUMNS,
            Format(fmt.value),
            sys.stdout,
            terminal=terminal(),
            row_style=_task_style(today),
            excel=excel,
        )
    else:
        fmt_value = Format(fmt.value)
        columns = TASK_TABLE_COLUMNS if fmt_value is Format.table else TASK_COLUMNS
        caption = f"{len(rows)} tasks, {overdue_count} overdue (as of {today.isoformat()})"
        if fmt_value in (Format.table, Format.md):
            rows = _flag_unreadable(rows)
        emit_rows(rows, columns, fmt_value, row_style=_task_style(today), caption=caption, excel=excel)
    finish(loaded, found=fail_if_any and bool(rows))


@app.command()
@boundary
def task(
    task_id: Annotated[str, typer.Argument(help="Task id, e.g. seniori/2025-02-12#2.", show_default=False)],
    archive: ArchiveOption = None,
    as_of: AsOfOption = None,
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f", help="Output format.")] = ShowFormat.text,
) -> None:
    """Show one task: where it was set, every status change, and its status now.

    Example: kpss task 'ridici-skupina/2025-01-22#1'
    """
    today = today_from(as_of)
    loaded = load(archive)
    found = loaded.task(task_id)
    if found is None:
        raise KpssError(f"no task {task_id!r} in the archive (see `kpss tasks --all`)")
    data = found.to_dict(today)
    data["history"] = [change.to_dict() for change in found.history]
    if fmt is ShowFormat.json:
        import json

        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        from ..textview import task_view

        sys.stdout.write(task_view(data, loaded.shown_root))
    finish(loaded)
