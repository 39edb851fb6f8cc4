"""`kpss tasks` and `kpss task`: the task register across all minutes."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from ..core.errors import KpssError
from ..core.i18n import _
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
from .completion import complete_task
from .list_tasks import list_tasks
from .shared import exit_code, load, today_from

if TYPE_CHECKING:
    from ..store.archive import Archive


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
        typer.Option(
            "--due-within",
            metavar="N",
            min=0,
            max=36500,
            help=_("Only deadlines from today to N days ahead."),
        ),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    as_of: AsOfOption = None,
    by: Annotated[
        GroupBy | None, typer.Option("--by", help=_("Group the list per owner or per group."))
    ] = None,
    fmt: Annotated[str, formats("tasks")] = default_format("tasks"),
    template: Annotated[
        str | None,
        option(options.TEMPLATE, help=_("{help} E.g. tasks.md.j2.").format(help=_(options.TEMPLATE.help))),
    ] = None,
    excel: Annotated[bool, option(options.EXCEL)] = False,
    fail_if_any: Annotated[bool, option(options.FAIL_IF_ANY)] = False,
    ids: Annotated[bool, option(options.IDS)] = False,
    public: Annotated[bool, option(options.PUBLIC)] = False,
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
        ids=ids,
        public=public,
    )


@app.command()
@boundary
def task(
    words: Annotated[
        list[str],
        typer.Argument(
            help=_(
                "Task ids as `kpss tasks` prints them (or unique starts of them), then what to do: "
                "done, cancel, reopen, postpone DEADLINE, note TEXT or owner NAME. Only ids: show them."
            ),
            show_default=False,
            metavar=_("ID... [ACTION [VALUE]]"),
            autocompletion=complete_task,
        ),
    ],
    archive: ArchiveOption = None,
    as_of: AsOfOption = None,
    fmt: Annotated[str, formats("task")] = default_format("task"),
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help=_("Write nothing; print the change as a diff of the minutes."))
    ] = False,
) -> int:
    """Show a task, or record what happened to it in its group's draft minutes.

    Approved minutes are never edited: a change is written as an update into the draft
    minutes of the group's next meeting (`kpss new-minutes GROUP` starts them), keeping every
    other line of the file as it was.

    Example: kpss task seniori/2026-09-10#2 ozp/2026-10-06#1 done

    More: kpss task seniori/2026-09-10#2 postpone "do konce března";
    kpss task ozp/2026-10-06#1 note "čeká na data"; kpss task seniori/2026-09 owner "Eva Malá"
    """
    from ..meetings.lifecycle import ACTIONS, NEEDS_VALUE, plan, record
    from ..output.console import write_document
    from ..store.archive import shown_path

    position = next((n for n, word in enumerate(words) if word in ACTIONS), None)
    if position is None:
        return _show(words, load(archive), today_from(as_of), fmt)
    refs, action, rest = words[:position], words[position], words[position + 1 :]
    if not refs:
        raise KpssError(
            _("name the tasks to {action} before it: kpss task ID... {action}").format(action=action)
        )
    value = " ".join(rest).strip() or None
    if action in NEEDS_VALUE and value is None:
        raise KpssError(
            _("{action} needs {needs_value}: kpss task ID... {action} VALUE").format(
                action=action, needs_value=_(NEEDS_VALUE[action])
            )
        )
    if action not in NEEDS_VALUE and rest:
        raise KpssError(
            _("{action} takes no value; {rest!r} is left over").format(action=action, rest=" ".join(rest))
        )
    loaded = load(archive)
    for draft, changes in plan(loaded, refs, action, value):
        diff = record(loaded, draft, changes, dry_run=dry_run)
        if dry_run:
            write_document(diff)  # it quotes the minutes: no terminal escapes
            continue
        for change in changes:
            print(
                _("{task_id}: {action} (recorded in {path})").format(
                    task_id=change.task_id, action=action, path=shown_path(loaded, draft.path)
                )
            )
    return exit_code(loaded)


def _show(refs: list[str], loaded: Archive, today: dt.date, fmt: str) -> int:
    """Each task: where it was set, every status change, its status now."""
    from ..meetings.lifecycle import find_task

    shown = []
    for ref in refs:
        found = find_task(loaded, ref)
        data = found.to_dict(today)
        data["history"] = [change.to_dict() for change in found.history]
        shown.append(data)
    if fmt == "json":
        import json

        print(json.dumps(shown[0] if len(shown) == 1 else shown, ensure_ascii=False, indent=2))
    else:
        from ..documents.textview import task_view

        sys.stdout.write("\n".join(task_view(data, loaded.shown_root) for data in shown))
    return exit_code(loaded)
