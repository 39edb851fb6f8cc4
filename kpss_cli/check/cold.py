"""`kpss check --no-cache` without holding the archive's records.

The process that parses a file (a forked worker or this one, store/cold._each_kept) checks it
there: its findings of its own (rules.file_findings, and the plan's links of its progress
entries), given the members kpss.yaml names, and the findings of its tasks serving a measure
and of its checklist lines' deadlines, each kept for the parent to keep or drop once it knows
which task is which. What it sends back is a few hundred bytes (marshal): those findings, the
minutes' date, id, group, the line of its date, the (id, line) of each task it defines, of
each update and checklist line, and the record packed only when it says who joins or leaves.
The parent then finds what is across files, as archive.resolve and rules.check_parts do:
the task ids defined twice, the updates of no task or of a later one, the checklist deadlines
and measures of the tasks that exist (their first definition), two minutes of a group on one
day, the groups' members (from kpss.yaml and the records that say who joins or leaves), the
planned meetings without minutes, the plan's own findings. When some minutes say who joins or
leaves, the minutes of those groups are checked again (parsed again) with the members over
time; no other file is parsed twice.

At 100,000 files the archive loaded whole for `check` peaked at about 800 MiB, this at 202
(docs/performance.md, "Cold `check` without the records"). The findings are those of
rules.check_archive (tests/test_cold.py compares the two)."""

from __future__ import annotations

import datetime as dt
import marshal
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from sys import intern
from typing import Any

from ..core.config import Config
from ..core.errors import Problem
from ..core.model import Minutes
from ..meetings.membership import GroupMembers, all_members
from ..meetings.schedule import unreadable_schedules
from ..store import loading
from ..store.archive import (
    Archive,
    TaskSnapshot,
    _relative_ref,
    duplicate_task,
    printable,
    resolve_root,
    shown_path,
)
from ..store.cold import _each_kept, split_walk
from ..store.config import load_config
from ..store.loading import Progress, _collector_paused, is_not_minutes, walk_archive
from ..store.packing import _DATES, MARSHAL_VERSION, pack, unpack
from ..store.plan import load_plans
from ..store.workers import FORKS
from .rules import (
    PlanLinks,
    duplicate_meeting,
    file_findings,
    loose_deadline_findings,
    missing_minutes,
    plan_findings,
    unmatched_update,
    unplanned_measure,
)

Found = tuple[str, int | None, str, str, str]  # a Problem's fields
# What the parent keeps of one minutes (by marshal), at these places.
_DAY, _ID, _SLUG, _GROUP, _LINE, _KEY, _TASKS, _UPDATES, _LOOSE, _DEADLINES, _MEASURED, _FOUND, _JOINS = (
    range(13)
)


def _tuple(problem: Problem) -> Found:
    return (problem.path, problem.line, problem.severity, problem.code, problem.message)


class _Checker:
    """What checking a file alone reads: the archive's root and configuration, the day, the
    groups' members (kpss.yaml's, or over time), the plans. Made before the workers fork."""

    def __init__(
        self, archive: Archive, today: dt.date, members: dict[str, GroupMembers], plans: list[Any]
    ) -> None:
        self.archive = archive
        self.today = today
        self.members = members
        self.linked = PlanLinks(archive, plans) if plans else None

    def of(self, minutes: Minutes) -> tuple[Any, ...]:
        archive, linked = self.archive, self.linked
        found = file_findings(archive, minutes.path, minutes, self.today, self.members)
        minutes.body = None  # read by the quorum rule (file_findings) only
        if linked is not None:
            found += linked.of_minutes(minutes)
        group = archive.config.find_group(minutes.group)
        measured = []
        for task in minutes.tasks:
            if task.measure:
                made = (
                    list(linked.of_task(task)) if linked is not None else [unplanned_measure(archive, task)]
                )
                measured.append((task.id, task.line, [_tuple(p) for p in made]))
        return (
            minutes.date.toordinal(),
            minutes.id,
            minutes.group_slug,
            minutes.group,
            minutes.key_lines.get("date"),
            group.slug if group else minutes.group_slug,  # whose members check its attendance
            [(t.id, t.line) for t in minutes.tasks],
            [(u.id, u.line) for u in minutes.updates],
            [(u.id, u.line) for u in minutes.loose_checks],
            [(task_id, _tuple(p)) for task_id, p in loose_deadline_findings(archive, minutes)],
            measured,
            [_tuple(p) for p in found],
            pack((minutes, [])) if minutes.membership else None,
        )


def _kept(
    base: str, rel: str, config: Config, checker: _Checker, _sample: Any, _wanted: Any, _people: Any = None
) -> tuple[list[Found] | None, bytes | None, bool]:
    """(the file's problems, what the parent keeps of its minutes, whether it is a Markdown
    file that is not minutes); called as store/cold._kept is."""
    minutes, problems = loading._parse_file(base, rel, config, keep_body=True)  # for the quorum rule
    found = [_tuple(p) for p in problems] if problems else None
    if minutes is None:
        return found, None, is_not_minutes(rel, problems)
    return found, marshal.dumps(checker.of(minutes), MARSHAL_VERSION), False


class ColdCheck:
    """The findings of a cold `kpss check` (`findings`, as rules.check_archive's before they
    are chosen), the archive's problems, configuration and file count (`head`), and `named`:
    an archive whose minutes are those whose id or path is one of the references asked for
    (stubs: id, path, group, date), in the archive's order, for Archive.find_minutes."""

    def __init__(self, head: TaskSnapshot, findings: list[Problem], named: Archive) -> None:
        self.head = head
        self.findings = findings
        self.named = named


def cold_check(
    archive: str | os.PathLike[str] | None,
    today: dt.date,
    progress: Progress | None,
    refs: Iterable[str] = (),
) -> ColdCheck | None:
    """The findings of the archive (default: found from the current folder) on `today`, its
    records never all held; None where workers cannot be forked (the caller loads the archive)."""
    if not FORKS:
        return None
    root, shown_root = resolve_root(archive)
    wanted = {_relative_ref(Path(root), shown_root, ref) for ref in refs}
    walk = walk_archive(root, stats=False)
    folder = Path(root)
    config = load_config(folder, shown_root)
    with _collector_paused(freeze=True):
        return _checked(folder, shown_root, config, walk, today, progress, wanted)


def _checked(
    root: Path,
    shown_root: str,
    config: Config,
    walk: loading.Walk,
    today: dt.date,
    progress: Progress | None,
    wanted: set[str],
) -> ColdCheck:
    result, stats, not_read = split_walk(root, shown_root, config, walk)
    files = walk[0]
    base = str(root)
    plans, plan_problems = load_plans(base, shown_root)
    lone = Archive(root=root, shown_root=shown_root, config=config)
    checker = _Checker(lone, today, all_members(lone), plans)  # the members kpss.yaml names
    kept = dict(_each_kept(base, stats, config, checker, None, progress, [], _kept))
    del stats
    findings: list[Problem] = []
    order: list[tuple[int, str, int, str]] = []  # (date, id, place in the walk, file)
    values: dict[str, bytes] = {}
    for place, (rel, _own) in enumerate(files):
        result.files += 1
        if rel in kept:
            problems, value, plain = kept.pop(rel)
            if problems:
                shown = shown_path(result, printable(rel))
                result.problems.extend(Problem(shown, *p[1:]) for p in problems)
            if value is not None:
                values[rel] = value
                day, minutes_id = marshal.loads(value)[:2]
                order.append((day, minutes_id, place, rel))
            elif plain:
                findings.extend(file_findings(result, rel, None, today, {}))
        elif rel in not_read:
            problem = not_read[rel]
            shown = shown_path(result, printable(rel))
            result.problems.append(
                Problem(shown, problem.line, problem.severity, problem.code, problem.message)
            )
    del kept
    order.sort()  # the archive's order (archive.resolve: a stable sort of the walk's)
    ordered = [values.pop(rel) for _day, _id, _place, rel in order]
    rels = [rel for _day, _id, _place, rel in order]
    del values

    # The task ids defined twice, each task by its first definition (at << 32 | line); the
    # records that say who joins or leaves; the minutes referred to on the command line.
    by_id: dict[str, int] = {}
    joins: list[Minutes] = []
    for at, value in enumerate(ordered):
        kept_of = marshal.loads(value)
        rel = rels[at]
        result.group_names[kept_of[_SLUG]] = intern(kept_of[_GROUP])
        for task_id, line in kept_of[_TASKS]:
            first = by_id.get(task_id)
            if first is not None:
                result.problems.append(
                    duplicate_task(
                        shown_path(result, rel),
                        line,
                        task_id,
                        shown_path(result, rels[first >> 32]),
                        first & 0xFFFFFFFF,
                    )
                )
            else:
                by_id[task_id] = at << 32 | line
        if kept_of[_JOINS] is not None:
            record = unpack(kept_of[_JOINS])[0]
            assert record is not None
            joins.append(record)
        if kept_of[_ID] in wanted or rel in wanted:
            result.minutes.append(Minutes(kept_of[_ID], rel, kept_of[_GROUP], _DATES[kept_of[_DAY]]))
    named, result.minutes = result.minutes, []

    # The groups' members over time: kpss.yaml's, then the joins and leaves of their minutes.
    # The minutes of a group whose members these change are checked again with them.
    lone.minutes = joins
    members = all_members(lone) if joins else checker.members
    changed = {record.group_slug for record in joins}
    again: list[str] = []
    for group_members in members.values():
        findings.extend(group_members.problems)  # overlapping periods, leaves of non-members
    scheduled = {g.slug for g in config.groups if g.schedule} - set(unreadable_schedules(result))
    held: dict[str, list[tuple[str, str, str, int]]] = {}  # a scheduled group's minutes
    day_seen: dict[str, str] = {}  # group slug: the first minutes of this day (in order)
    last_day = None
    for at, value in enumerate(ordered):
        kept_of = marshal.loads(value)
        rel, day, minutes_id, slug = rels[at], kept_of[_DAY], kept_of[_ID], kept_of[_SLUG]
        if kept_of[_KEY] in changed:
            again.append(rel)
        else:
            findings.extend(Problem(*f) for f in kept_of[_FOUND])
        # Two minutes of one group on one date (rules.meeting_findings): the later is the copy.
        if day != last_day:
            day_seen.clear()
            last_day = day
        first_rel = day_seen.setdefault(slug, rel)
        if first_rel != rel:
            findings.append(
                duplicate_meeting(result, rel, kept_of[_LINE], kept_of[_GROUP], _DATES[day], first_rel)
            )
        # What depends on the files that define or update a task id (rules.task_findings).
        for task_id, found in kept_of[_DEADLINES]:
            if task_id in by_id:
                findings.append(Problem(*found))
        for task_id, line, made in kept_of[_MEASURED]:
            if by_id.get(task_id) == at << 32 | line:
                findings.extend(Problem(*f) for f in made)
        updates: Iterator[tuple[str, int]] = iter(kept_of[_UPDATES])
        if kept_of[_LOOSE]:
            updates = iter([*kept_of[_UPDATES], *(u for u in kept_of[_LOOSE] if u[0] in by_id)])
        for task_id, line in updates:
            target = by_id.get(task_id)
            if target is None:
                findings.append(unmatched_update(result, rel, task_id, line, None))
                continue
            defined = order[target >> 32]
            if (day, minutes_id) <= (defined[0], defined[1]):
                findings.append(unmatched_update(result, rel, task_id, line, _DATES[defined[0]]))
        if slug in scheduled:
            held.setdefault(slug, []).append((minutes_id, rel, kept_of[_GROUP], day))
    first_day = order[0][0] if order else None
    del ordered, by_id, order
    if again:
        checker.members = members
        for _rel, (_problems, value, _plain) in _each_kept(
            base, again, config, checker, None, None, [], _kept
        ):
            if value is not None:
                findings.extend(Problem(*f) for f in marshal.loads(value)[_FOUND])
    findings.extend(plan_problems)
    if plans:
        findings.extend(plan_findings(plans, today))
    findings.extend(unreadable_schedules(result).values())
    if first_day is not None:
        for slug in scheduled:  # each group's planned meetings without minutes
            one = Archive(root=root, shown_root=shown_root, config=config)
            listed = held.get(slug, [])
            one.minutes = [Minutes(m_id, rel, group, _DATES[day], slug) for m_id, rel, group, day in listed]
            findings.extend(
                problem for _slug, problem in missing_minutes(one, today, _DATES[first_day], {slug})
            )
    named_archive = Archive(root=root, shown_root=shown_root, config=config)
    named_archive.minutes = named
    return ColdCheck(TaskSnapshot.of(result), findings, named_archive)
