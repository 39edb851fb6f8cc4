"""Shell completion (`kpss --install-completion`): group slugs where a group is asked for, task
ids where a task is. Typer calls these while the user presses Tab; they never fail (a broken
or missing archive completes nothing) and print nothing."""

from __future__ import annotations

from typing import Any

import typer

# A shell lists at most this many; more would scroll past what the user is looking for.
MOST = 200


def complete_group(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Group slugs (with their names) starting with what was typed."""
    from ..meetings.completion import group_completions

    snapshot = _snapshot(ctx)
    return group_completions(snapshot, incomplete)[:MOST] if snapshot is not None else []


def complete_task(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Task ids (with their text) starting with what was typed, open tasks first."""
    from ..meetings.completion import task_completions

    snapshot = _snapshot(ctx)
    return task_completions(snapshot, incomplete)[:MOST] if snapshot is not None else []


def _snapshot(ctx: typer.Context) -> Any:
    """The archive's tasks as `kpss tasks` loads them (through the index), or None."""
    from ..store.loading import load_tasks

    archive = None
    context: Any = ctx
    while context is not None and archive is None:
        archive = context.params.get("archive")
        context = context.parent
    try:
        return load_tasks(archive, frozenset(("open", "done", "cancelled")), use_index=True, progress=None)
    except Exception:
        return None
