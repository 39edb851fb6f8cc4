"""`kpss tasks` and `kpss task`: the task register across all minutes."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from ..core.errors import KpssError
from . import options
from .app import (
    ArchiveOption,
    AsOfOption,
    GroupOption,
    SinceOption,
    UntilOption,
    app,
    boundary,
    default_format,
    formats,
    option,
)
from .list_tasks import list_tasks
from .shared import exit_code, load, today_from


class GroupBy(StrEnum):
    """What `kpss tasks --by` groups the list by."""

    owner = "owner"
    group = "group"


@app.command()
@boundary
def tasks(
    archive: ArchiveOption = None,
    overdue: Annotated[bool, option(options.OVERDUE)] = False,
    open_: Annotated[bool, option(options.OPEN)] = False,
    done: Annotated[bool, option(options.DONE)] = False,
    cancelled: Annotated[bool, option(options.CANCELLED)] = False,
    all_: Annotated[bool, option(options.ALL)] = False,
    owner: Annotated[str | None, option(options.OWNER)] = None,
    group: GroupOption = None,
    due_before: Annotated[str | None, option(options.DUE_BEFORE)] = None,
    due_after: Annotated[str | None, option(options.DUE_AFTER)] = None,
    due_within: Annotated[
        int | None,
        typer.Option("--due-within", min=0, max=36500, help="Only deadlines from today to N days ahead."),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    as_of: AsOfOption = None,
    by: Annotated[GroupBy | None, typer.Option("--by", help="Group the list per owner or per group.")] = None,
    fmt: Annotated[str, formats("tasks")] = default_format("tasks"),
    template: Annotated[
        str | None, option(options.TEMPLATE, help=f"{options.TEMPLATE.help} E.g. tasks.md.j2.")
    ] = None,
    excel: Annotated[
        bool, typer.Option("--excel", help="CSV that Czech Excel opens as is (UTF-8 BOM, `;`).")
    ] = False,
    fail_if_any: Annotated[bool, option(options.FAIL_IF_ANY)] = False,
) -> int:
    """List tasks from every minutes file, with their status resolved over time.

    Default: open tasks. Overdue ones come first, then by deadline.

    Example: kpss tasks --overdue --as-of 2026-01-31 --owner novakova --format csv
    """
    return list_tasks(
        archive=archive,
        overdue=overdue,
        open_=open_,
        done=done,
        cancelled=cancelled,
        all_=all_,
        owner=owner,
        group=group,
        due_before=due_before,
        due_after=due_after,
        due_within=due_within,
        since=since,
        until=until,
        as_of=as_of,
        by=by.value if by else None,
        fmt=fmt,
        template=template,
        excel=excel,
        fail_if_any=fail_if_any,
    )


@app.command()
@boundary
def task(
    task_id: Annotated[str, typer.Argument(help="Task id, e.g. seniori/2025-02-12#2.", show_default=False)],
    archive: ArchiveOption = None,
    as_of: AsOfOption = None,
    fmt: Annotated[str, formats("task")] = default_format("task"),
) -> int:
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
    if fmt == "json":
        import json

        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        from ..documents.textview import task_view

        sys.stdout.write(task_view(data, loaded.shown_root))
    return exit_code(loaded)
