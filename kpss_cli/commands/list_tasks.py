"""The body of `kpss tasks`, without Typer: the listing its options ask for.

The Typer command (tasks.py) and the quick path (quick.py) both call `list_tasks`, so a warm
`kpss tasks` gives the same answer whichever way it came in.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterable, Iterator

from ..core.errors import KpssError
from ..core.i18n import N_, _, ngettext
from ..output.console import emit_rows, say, table_width, terminal, write_document
from ..output.formats import Column, emit_sections
from .shared import date_option, exit_code, load_tasks, today_from

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

    from ..core.config import Config
    from ..core.model import Task
    from ..core.people import Roster


TASK_COLUMNS = [
    Column("id", N_("ID")),
    Column("group", N_("Group")),
    Column("meeting_date", N_("Meeting")),
    Column("task", N_("Task")),
    Column("owner", N_("Owner")),
    Column("due", N_("Due")),
    Column("deadline", N_("Deadline")),
    Column("status", N_("Status"), words=True),
    Column("days_overdue", N_("Overdue"), "right"),
]
# On a terminal: the group's slug, and the group and meeting left out where the table would
# not fit (the id says both).
TASK_TABLE_COLUMNS = [
    Column("group_slug", N_("Group"), spare=True)
    if c.key == "group"
    else Column(c.key, c.header, spare=True)
    if c.key == "meeting_date"
    else c
    for c in TASK_COLUMNS
]


def _task_rows(tasks: list[Task], today: dt.date) -> list[dict[str, Any]]:
    return [t.to_dict(today) for t in tasks]


def _flag_unreadable(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """For people (table, Markdown): `?` where kpss cannot tell whether a task is overdue."""
    return (
        {**row, "days_overdue": "?"} if row["deadline_kind"] == "unknown" and row["status"] == "open" else row
        for row in rows
    )


def _task_style(today: dt.date) -> Callable[[dict[str, Any]], str | None]:
    week = (today + dt.timedelta(days=7)).isoformat()

    def style(row: dict[str, Any]) -> str | None:
        if row.get("days_overdue"):
            return "red"
        if row["status"] == "open" and row["deadline"] and row["deadline"] <= week:
            return "yellow"
        return None

    return style


def list_tasks(
    *,
    archive: str | os.PathLike[str] | None = None,
    overdue: bool = False,
    open_: bool = False,
    done: bool = False,
    cancelled: bool = False,
    all_: bool = False,
    owner: str | None = None,
    group: str | None = None,
    due_before: str | None = None,
    due_after: str | None = None,
    due_within: int | None = None,
    since: str | None = None,
    until: str | None = None,
    as_of: str | None = None,
    by: str | None = None,  # "owner" | "group"
    fmt: str = "table",  # one of output.formats.OFFERED["tasks"]
    template: str | None = None,
    excel: bool = False,
    fail_if_any: bool = False,
    ids: bool = False,
    public: bool = False,
) -> int:
    """Print the tasks the options of `kpss tasks` ask for (given as typed: dates still text);
    return the exit code."""
    from ..meetings.query import TaskFilter, find_tasks, group_rows

    today = today_from(as_of)
    if excel:
        if fmt not in ("table", "csv"):
            raise KpssError(_("--excel writes CSV: leave out --format, or give --format csv"))
        fmt = "csv"
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
    loaded = load_tasks(archive, wanted.statuses)
    selected = find_tasks(loaded, wanted, today)
    unreadable = sum(1 for t in selected if not t.deadline_readable)
    overdue_count = sum(1 for t in selected if t.days_overdue(today) is not None)
    if overdue:
        # Tasks whose deadline cannot be read can never be overdue: say how many of the open
        # tasks the other filters select are such.
        wanted.overdue, wanted.statuses = False, frozenset({"open"})
        scope = find_tasks(loaded, wanted, today)
        unreadable = sum(1 for t in scope if not t.deadline_readable)
    if unreadable:
        say(
            (
                ngettext(
                    "kpss: note: {count} task has a deadline kpss cannot read and cannot be overdue; "
                    "`kpss check` shows where",
                    "kpss: note: {count} tasks have a deadline kpss cannot read and cannot be overdue; "
                    "`kpss check` shows where",
                    unreadable,
                )
                if overdue
                else ngettext(
                    "kpss: note: {count} task has a deadline kpss cannot read; `kpss check` shows where",
                    "kpss: note: {count} tasks have a deadline kpss cannot read; `kpss check` shows where",
                    unreadable,
                )
            ).format(count=unreadable)
        )
    if not (fmt == "ics" or template or fmt == "pdf" or public or by):
        # Each row made as it is written, never all at once: at 100,000 minutes the dicts of
        # `tasks --all` held some 50 MB at its peak (issue #25; the table keeps only its cells).
        columns = TASK_TABLE_COLUMNS if fmt == "table" else TASK_COLUMNS
        caption = ngettext(
            "{count} task, {overdue} overdue (as of {today})",
            "{count} tasks, {overdue} overdue (as of {today})",
            len(selected),
        ).format(count=len(selected), overdue=overdue_count, today=today.isoformat())
        made = (t.to_dict(today) for t in selected)
        emit_rows(
            _flag_unreadable(made) if fmt in ("table", "md") else made,
            columns,
            fmt,
            row_style=_task_style(today),
            caption=caption,
            excel=excel,
        )
        return exit_code(loaded, found=fail_if_any and bool(selected))
    rows = _task_rows(selected, today)
    if fmt == "ics":
        from ..documents.ical import write_deadlines

        write_deadlines(rows, sys.stdout, today, loaded.config.organisation or "kpss", loaded.config)
    elif template or fmt == "pdf" or public:
        from pathlib import Path

        from ..documents.templates import render_template, task_context

        name = template or ("tasks.html.j2" if fmt == "pdf" else "tasks.md.j2")
        copy = None
        if public:
            from ..documents.public import PublicCopy, people_of
            from .shared import load

            # Everyone the archive names, so that a guest named in a task's text is found too.
            people = [name for m in load(archive).minutes for name in people_of(m)]
            copy = PublicCopy(loaded.config, people + [row["owner"] for row in rows if row["owner"]])
            rows = copy.value(rows)
        sections = group_rows(rows, by, _roster(loaded.config)) if by else None
        context = task_context(loaded.config, rows, today, sections, ids=ids)
        root = Path(loaded.root)
        text = render_template(name, context, root, language=loaded.config.language)
        if copy is not None:
            text = copy.scrub(text)
        if fmt == "pdf":
            from ..output.console import write_pdf

            write_pdf(text)
        else:
            write_document(text)
    elif by:
        shown = list(_flag_unreadable(rows)) if fmt in ("table", "md") else rows
        sections = group_rows(shown, by, _roster(loaded.config))
        emit_sections(
            sections,
            by,
            TASK_COLUMNS,
            TASK_TABLE_COLUMNS,
            fmt,
            sys.stdout,
            terminal=terminal(),
            row_style=_task_style(today),
            excel=excel,
            width=table_width() if fmt == "table" else None,
        )
    return exit_code(loaded, found=fail_if_any and bool(rows))


def _roster(config: Config) -> Roster:
    from ..core.people import roster_of  # only for --by: the warm path stays lean

    return roster_of(config)
