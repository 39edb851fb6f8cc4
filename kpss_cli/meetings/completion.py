"""What shell completion offers (commands/completion.py asks): group slugs and task ids of an
archive, from the index-backed task snapshot, as fast as a warm `kpss tasks`."""

from __future__ import annotations

from ..core.names import fold
from ..core.sorting import czech_sort_key
from ..store.archive import TaskSnapshot


def group_completions(snapshot: TaskSnapshot, incomplete: str) -> list[tuple[str, str]]:
    """(slug, name) of the groups whose slug starts with `incomplete` (case and accents
    ignored; shells offer only what starts with what was typed): kpss.yaml's groups and those
    only minutes name, in Czech order."""
    groups = dict(snapshot.group_names)
    groups.update({group.slug: group.name for group in snapshot.config.groups})
    wanted = fold(incomplete)
    return sorted(
        (
            (slug, name)
            for slug, name in groups.items()
            if fold(slug).startswith(wanted) or fold(name).startswith(wanted)
        ),
        key=lambda pair: czech_sort_key(pair[0]),
    )


def task_completions(snapshot: TaskSnapshot, incomplete: str) -> list[tuple[str, str]]:
    """(id, text) of the tasks whose id starts with `incomplete`, open ones first."""
    found = [task for task in snapshot.tasks if task.id.startswith(incomplete)]
    found.sort(key=lambda task: (task.status != "open", task.id))
    return [(task.id, task.text) for task in found]
