"""The state of each item of a plan on a day, from the minutes' progress entries and the tasks
linked to the plan (FORMAT.md 1.1, "State of an item"):

1. the `state` of the item's latest progress entry up to the day, by meeting date (then by
   minutes id, then by the entry's place in its file);
2. without one, an item with children: `done` when all its children are `done`, and
   `in_progress` when any child is `in_progress` or `done`;
3. otherwise `in_progress` when a task linked to it, or to an item below it, was set up to
   the day, and `not_done` when none was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..core.model import Minutes, Progress, Task
from ..core.names import fold, slugify
from ..core.plan import Indicator, Plan, PlanItem

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (quick.py: every ms counts)
if TYPE_CHECKING:
    from typing import Any

# Czech words of the states (FORMAT.md): what documents show, and what --state also takes.
STATE_WORDS = {
    "done": "naplněno",
    "in_progress": "rozpracováno",
    "not_done": "nenaplněno",
    "cancelled": "zrušeno",
}
STATE_NAMES = {fold(w): s for s, word in STATE_WORDS.items() for w in (s, word, s.replace("_", " "))}


class Entry:
    """A progress entry with the meeting that recorded it."""

    __slots__ = ("progress", "minutes", "position")

    def __init__(self, progress: Progress, minutes: Minutes, position: int) -> None:
        self.progress = progress
        self.minutes = minutes
        self.position = position

    @property
    def key(self) -> tuple[dt.date, str, int]:
        """Its order: meeting date, minutes id, place in the file."""
        return (self.minutes.date, self.minutes.id, self.position)


class Links:
    """What the minutes say of one plan's items: progress entries and linked tasks, by item id,
    each in the order of the meetings; and the links to ids the plan does not have."""

    def __init__(self) -> None:
        self.entries: dict[str, list[Entry]] = {}
        self.tasks: dict[str, list[Task]] = {}
        self.unknown_tasks: list[Task] = []
        self.unknown_entries: list[Entry] = []


def plan_for(plans: list[Plan], day: dt.date) -> Plan | None:
    """The plan of day `day`: the one whose period covers its year (the latest to start when
    several do), else the latest that started before it, else the first; None without plans."""
    covering = [p for p in plans if p.covers(day.year)]
    if covering:
        return max(covering, key=lambda p: (p.start or 0, p.id))
    earlier = [p for p in plans if p.start is not None and p.start <= day.year]
    if earlier:
        return max(earlier, key=lambda p: (p.start or 0, p.id))
    return plans[0] if plans else None


def links(plans: list[Plan], minutes: Iterable[Minutes], tasks: Iterable[Task]) -> dict[str, Links]:
    """The links of the minutes to each plan (by plan id). A link names an item of the plan of
    its meeting's day (plan_for)."""
    found = {plan.id: Links() for plan in plans}
    if not plans:
        return found
    by_day: dict[dt.date, Plan | None] = {}

    def plan_of(day: dt.date) -> Plan | None:
        if day not in by_day:
            by_day[day] = plan_for(plans, day)
        return by_day[day]

    for record in minutes:
        plan = plan_of(record.date)
        if plan is None:
            continue
        for position, progress in enumerate(record.progress):
            entry = Entry(progress, record, position)
            if plan.item(progress.measure) is None:
                found[plan.id].unknown_entries.append(entry)
            else:
                found[plan.id].entries.setdefault(progress.measure.strip(), []).append(entry)
    for task in tasks:
        if not task.measure:
            continue
        plan = plan_of(task.meeting_date)
        if plan is None:
            continue
        if plan.item(task.measure) is None:
            found[plan.id].unknown_tasks.append(task)
        else:
            found[plan.id].tasks.setdefault(task.measure.strip(), []).append(task)
    for linked in found.values():
        for entries in linked.entries.values():
            entries.sort(key=lambda e: e.key)
        for tasks_of in linked.tasks.values():
            tasks_of.sort(key=lambda t: (t.meeting_date, t.minutes_id, t.line))
    return found


def latest_entry(entries: list[Entry], day: dt.date, *, with_state: bool = True) -> Entry | None:
    """The latest entry up to `day` (that gives a state, unless `with_state` is False)."""
    for entry in reversed(entries):
        if entry.minutes.date <= day and (entry.progress.state is not None or not with_state):
            return entry
    return None


def states(plan: Plan, linked: Links, day: dt.date) -> dict[str, str]:
    """The state of every item of `plan` on `day`, by item id."""
    result: dict[str, str] = {}

    def visit(item: PlanItem) -> bool:
        """Fill in the states of `item` and below; True when a task linked to it or below was set."""
        tasks_below = False
        for child in item.children:
            tasks_below |= visit(child)
        tasks_here = any(t.meeting_date <= day for t in linked.tasks.get(item.id, ()))
        any_task = tasks_here or tasks_below
        entry = latest_entry(linked.entries.get(item.id, []), day)
        if entry is not None and entry.progress.state is not None:
            result[item.id] = entry.progress.state
            return any_task
        children = [result[c.id] for c in item.children]
        if children and all(s == "done" for s in children):
            result[item.id] = "done"
        elif any(s in ("in_progress", "done") for s in children):
            result[item.id] = "in_progress"
        else:
            result[item.id] = "in_progress" if any_task else "not_done"
        return any_task

    for top in plan.items:
        visit(top)
    return result


def status_on(task: Task, day: dt.date) -> str:
    """A task's status on `day`: the last step of its history up to that day."""
    status = task.initial_status
    for change in task.history:
        if change.date <= day:
            status = change.status
    return status


def indicator_values(
    item: PlanItem, linked: Links, day: dt.date, since: dt.date | None = None
) -> list[dict[str, Any]]:
    """Each indicator of `item` with its latest value up to `day` (and on or after `since`)."""
    rows = []
    entries = linked.entries.get(item.id, [])
    for indicator in item.indicators:
        found = None
        for entry in reversed(entries):
            if entry.minutes.date > day or entry.progress.value is None:
                continue
            if since is not None and entry.minutes.date < since:
                break
            if _names(entry.progress, indicator, item):
                found = entry
                break
        rows.append(
            {
                **indicator.to_dict(),
                "value": found.progress.value if found else None,
                "value_date": found.minutes.date.isoformat() if found else None,
                "value_minutes": found.minutes.id if found else None,
                "reached": _reached(found.progress.value if found else None, indicator),
            }
        )
    return rows


def _names(progress: Progress, indicator: Indicator, item: PlanItem) -> bool:
    """True when `progress` records a value of `indicator` (an entry without `indicator`
    stands for the item's only indicator)."""
    if progress.indicator is None:
        return len(item.indicators) == 1
    return fold(progress.indicator) == fold(indicator.name)


def _reached(value: Any, indicator: Indicator) -> bool | None:
    """True when a numeric value has reached the target (in the direction from the baseline)."""
    target, baseline = indicator.target, indicator.baseline
    if not isinstance(value, (int, float)) or not isinstance(target, (int, float)):
        return None
    if isinstance(baseline, (int, float)) and baseline > target:
        return value <= target  # a target to go down to (waiting times, people without a home)
    return value >= target


def group_key(name: str | None, config: Any) -> str | None:
    """The slug of a group named by slug or name (kpss.yaml's when it knows it)."""
    if not name:
        return None
    found = config.find_group(name) if config is not None else None
    return found.slug if found is not None else slugify(name)


def parse_state(text: str) -> str | None:
    """The state a word names (`naplněno`, `done`, `in progress`…), or None."""
    return STATE_NAMES.get(fold(text.strip()))


def plan_rows(
    plan: Plan,
    linked: Links,
    day: dt.date,
    config: Any = None,
    *,
    group: str | None = None,
    level: str | None = None,
    state: str | None = None,
) -> list[dict[str, Any]]:
    """The rows of `kpss plan`: every item (depth first) with its state on `day`, filtered by
    responsible group, level (a name or a number from 1) and state."""
    found = states(plan, linked, day)
    wanted_group = group_key(group, config) if group else None
    rows = []
    for item in plan.walk():
        responsible = plan.responsible(item)
        if wanted_group is not None and group_key(responsible, config) != wanted_group:
            continue
        if level is not None and fold(level) not in (fold(item.level), str(item.depth + 1)):
            continue
        if state is not None and found[item.id] != state:
            continue
        below = [i.id for i in item.walk()]
        tasks = [t for i in below for t in linked.tasks.get(i, ()) if t.meeting_date <= day]
        entry = latest_entry(linked.entries.get(item.id, []), day)
        rows.append(
            {
                "plan": plan.id,
                "id": item.id,
                "parent": item.parent,
                "depth": item.depth,
                "level": item.level,
                "title": item.title,
                "group": responsible,
                "state": found[item.id],
                "state_since": entry.minutes.date.isoformat() if entry else None,
                "state_minutes": entry.minutes.id if entry else None,
                "tasks": len(tasks),
                "open_tasks": sum(1 for t in tasks if status_on(t, day) == "open"),
                "indicators": indicator_values(item, linked, day),
                "budget": item.budget,
            }
        )
    return rows
