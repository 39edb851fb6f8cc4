"""The findings of `kpss check` kept in the index so that, after a few files changed, they are
made again from the changed files and the index's tables, not from the archive loaded whole.

What is kept (a table and a state, as store/viewtable.py keeps a view, for one day, one root
as shown and one state of `plan/`: the view's part names them):

- a row per file (bucket: its folder): its size, times and inode, its minutes' group, the task
  ids it defines or updates, and what it says of membership (joins and leaves);
- in the state, the findings by what they depend on (rules.Parts): each file's own (given the
  day, kpss.yaml, the groups' members and the plan: its progress entries), each task id's
  (unknown tasks, updates older than their task, checklist deadlines, unknown measures: of the
  files that define or update it, and the plan), each group's minutes' (two minutes on one
  date, planned meetings without minutes), and the rest (members' periods, unreadable
  schedules, the plan's files and their own findings); each group's members' (overlapping
  periods, leaves of non-members); the files whose minutes say who joins or leaves; the date
  of the archive's first minutes.

After a change, the task snapshot is brought up to date (store/incremental.py), then the files
of the folders whose digest moved are compared with their rows; each changed file is checked
alone, the findings of the task ids its rows name (before and after) are made again from the
files that define or update them (the snapshot's table REF), and those of its groups from the
group's minutes (the table MEET: two minutes on one day, a schedule's meetings without
minutes). The answer is the snapshot's problems and these findings, as a full check gives them
(tests/test_views.py compares them with `--no-cache`). With a plan, the changed files' progress
entries and the affected task ids' measures are checked against it (rules.PlanLinks); a change
of the plan's files is another key (the findings are made anew). An edit of who joins or leaves
makes the members of its group again (from kpss.yaml and the files that say who joins or
leaves) and checks every minutes of the group again (its rows in MEET). An unreadable file or
many changes load the archive, as before.
"""

from __future__ import annotations

import datetime as dt
import marshal
from pathlib import Path
from typing import Any

from ..core.errors import Problem
from ..core.model import Minutes
from ..meetings.membership import all_members
from ..meetings.schedule import unreadable_schedules
from ..store.archive import Archive, Stamp, printable, resolve, stamp_of
from ..store.incremental import task_refs
from ..store.index import KEPT, Index, bucket, encode
from ..store.loading import KeptView, Walk, file_outcome, is_not_minutes, with_snapshot
from ..store.packing import MARSHAL_VERSION
from ..store.plan import load_plans
from ..store.snapshot import FILE, MEET, REF, ROWS, STATE, fingerprint, from_parts
from ..store.snapshot import folders as walk_folders
from .findings import Finding
from .rules import (
    Parts,
    PlanLinks,
    check_parts,
    chosen,
    file_findings,
    meeting_findings,
    missing_minutes,
    plan_findings,
    task_findings,
)

# Beyond this many changed folders or files the archive is loaded (as incremental.py does).
MOST_CHANGES = 200


def _name(shown_root: str) -> str:
    return f"{KEPT}check\0{printable(shown_root)}"


def _joins(minutes: Minutes | None) -> str | None:
    """What a file's minutes say of membership, as text: None when nothing."""
    if minutes is None or not minutes.membership:
        return None
    return repr((minutes.group_slug, minutes.group, minutes.date, minutes.id, minutes.membership))


def _touches(minutes: Minutes | None) -> list[str]:
    """The task ids a file's minutes define or update (incremental._touches)."""
    if minutes is None:
        return []
    ids = (
        {t.id for t in minutes.tasks} | {u.id for u in minutes.updates} | {u.id for u in minutes.loose_checks}
    )
    return sorted(ids)


def _row(rel: str, stamp: Stamp, minutes: Minutes | None) -> tuple[bytes, int, bytes]:
    value = (rel, stamp, None if minutes is None else minutes.group_slug, _touches(minutes), _joins(minutes))
    return encode(rel), bucket(rel[: rel.rfind("/") + 1]), marshal.dumps(value, MARSHAL_VERSION)


def _tuples(found: list[Problem]) -> list[Finding]:
    return [(f.path, f.line, f.severity, f.code, f.message) for f in found]


class KeptCheck(KeptView):
    """`kpss check`'s findings on `today`, built from a loaded archive (`build`) or, after a
    change, from what was kept (`after_change`)."""

    def __init__(self, today: dt.date) -> None:
        self.today = today
        self.parts: Parts | None = None

    def build(self, whole: Archive) -> list[Finding]:
        """The findings of an archive loaded whole (rules.check_archive), their parts kept for `keep`."""
        self.parts = parts = check_parts(whole, self.today)
        return _tuples(chosen(whole, [*whole.problems, *parts.every()]))

    def keep(self, index: Index, loaded: Archive, walk: Walk, part: str) -> None:
        parts = self.parts
        if parts is None or walk[1] or any(isinstance(own, OSError) for _r, own in walk[0]):
            return

        by_path = {m.path: m for m in loaded.minutes}
        now = walk_folders(walk[0])
        rows = (
            _row(rel, stamp_of(own), by_path.get(rel)) for rel, own in walk[0] if not isinstance(own, OSError)
        )
        name = _name(loaded.shown_root)
        state: dict[str, Any] = {
            "key": part,
            "files": {rel: _tuples(found) for rel, found in parts.files.items() if found},
            "tasks": {task_id: _tuples(found) for task_id, found in parts.tasks.items() if found},
            "meetings": {slug: _tuples(found) for slug, found in parts.meetings.items() if found},
            "schedules": {slug: _tuples(found) for slug, found in parts.schedules.items() if found},
            "members": {slug: _tuples(found) for slug, found in parts.members.items() if found},
            "start": loaded.minutes[0].date.toordinal() if loaded.minutes else None,
            "rest": _tuples(parts.rest),
            "plan": _tuples(parts.plan),
            "joins": sorted(m.path for m in loaded.minutes if m.membership),
            # What a change of the plan's files checks again: the minutes with progress
            # entries, the task ids serving a measure.
            "progress": sorted(m.path for m in loaded.minutes if m.progress),
            "measured": sorted({t.id for t in loaded.tasks if t.measure}),
        }

        def fill() -> None:
            index.drop_tables(f"{KEPT}check\0")
            state["digests"] = index.fill_table(name, rows)
            state["folders"] = {folder: value[0] for folder, value in now.items()}
            index.put_part(fingerprint(walk[0], walk[1], now), name, marshal.dumps(state, MARSHAL_VERSION))

        index.write(fill)

    def after_change(self, index: Index, root: str, shown_root: str, walk: Walk, part: str) -> Any:
        if walk[1]:
            return None
        kept = index.kept_part(_name(shown_root))
        if kept is None:
            return None
        state = marshal.loads(kept[1])
        if type(state) is not dict or "plan" not in state:  # none, or kept by an earlier kpss
            return None
        # The view's key ends with the stamps of the plan's files (loading.load_view): another
        # day or root is made anew, other plan files check again what reads them.
        if state.get("key") != part and str(state.get("key")).rpartition("\0")[0] != part.rpartition("\0")[0]:
            return None
        check = _Change(self.today, index, root, shown_root, walk, state, part)

        def work(snapshot: dict[str, bytes]) -> Any:
            try:
                return check.made(snapshot)
            except LookupError:  # a table not as its digests say: loaded
                return None

        names = (STATE, ROWS + REF, ROWS + FILE, ROWS + MEET)
        return with_snapshot(index, root, shown_root, walk, names, work)


class _Change:
    """One bringing up to date of the kept findings (KeptCheck.after_change), in the
    transaction that brings the task snapshot up to date."""

    def __init__(
        self,
        today: dt.date,
        index: Index,
        root: str,
        shown_root: str,
        walk: Walk,
        state: dict[str, Any],
        part: str,
    ) -> None:
        self.today = today
        self.part = part
        self.replanned = state["key"] != part  # the plan's files changed
        self.index = index
        self.root = root
        self.shown_root = shown_root
        self.walk = walk
        self.state = state
        self.settled = True
        self.minutes: dict[str, Minutes | None] = {}  # of the changed files, as they are

    def made(self, parts: dict[str, bytes]) -> tuple[Any, bytes] | None:
        """(the archive's problems, groups and configuration, the findings packed) from the
        snapshot's `parts` (brought up to date) and what was kept, which is brought up to date
        too when every changed file was settled; None when the archive is to be loaded."""
        index, state, walk = self.index, self.state, self.walk
        snapshot_state = marshal.loads(parts[STATE])
        if snapshot_state is None:
            return None  # the snapshot's tables are empty: a file or folder was not read
        head = from_parts({"head": parts["head"]}, self.root, self.shown_root)
        self.config = head.config
        now = walk_folders(walk[0])
        self.now = now
        kept_folders: dict[str, bytes] = state["folders"]
        changed_folders = [f for f, value in now.items() if kept_folders.get(f) != value[0]]
        changed_folders += [f for f in kept_folders if f not in now]
        if len(changed_folders) > MOST_CHANGES:
            return None
        name = _name(self.shown_root)
        old: dict[str, Any] = {}
        for folder in changed_folders:
            found = index.table(name, state["digests"], (bucket(folder),), convert=marshal.loads)
            if found is None:
                return None
            for value in found:
                if value[0][: value[0].rfind("/") + 1] == folder:
                    old[value[0]] = value
        new: dict[str, tuple[bytes, int, bytes]] = {}
        plain: set[str] = set()
        present: set[str] = set()
        for folder in changed_folders:
            if folder not in now:
                continue
            _digest, start, end = now[folder]
            for rel, own in walk[0][start:end]:
                if isinstance(own, OSError):
                    return None
                present.add(rel)
                stamp = stamp_of(own)
                if rel in old and tuple(old[rel][1]) == stamp:
                    continue
                if len(new) >= MOST_CHANGES:
                    return None
                outcome = self._outcome(rel, own)
                if outcome is None:
                    return None
                minutes = self.minutes[rel] = outcome[0]
                if minutes is None and outcome[1] is not None and is_not_minutes(rel, outcome[1]):
                    plain.add(rel)  # a Markdown file that is not minutes
                new[rel] = _row(rel, stamp, minutes)
        removed = [rel for rel in old if rel not in present]
        before = {rel: old[rel] for rel in (*new, *removed) if rel in old}
        if "members" not in state:  # kept by an earlier kpss: made anew
            return None
        # An edit of who joins or leaves changes the members of every meeting of the group (of
        # the group it was in and the one it is in).
        regrouped: set[str] = set()
        for rel in (*new, *removed):
            was = before[rel][4] if rel in before else None
            minutes = self.minutes.get(rel)
            if was != _joins(minutes):
                if rel in before and before[rel][2] is not None:
                    regrouped.add(before[rel][2])
                if minutes is not None:
                    regrouped.add(minutes.group_slug)
        changed_files = {*new, *removed}
        joining = {rel for rel in state["joins"] if rel not in changed_files}
        joining.update(
            rel for rel, minutes in self.minutes.items() if minutes is not None and minutes.membership
        )
        state["joins"] = sorted(joining)
        # After a change of the plan's files, the minutes with progress entries are checked
        # again (with the changed ones), and the task ids serving a measure (below).
        progressed: dict[str, Minutes | None] = {}
        if self.replanned:
            for rel in state["progress"]:
                if rel not in changed_files:
                    if (stored := self._stored(rel)) is None:
                        return None
                    progressed[rel] = stored
        progress = {rel for rel in state["progress"] if rel not in changed_files}
        progress.update(
            rel for rel, minutes in self.minutes.items() if minutes is not None and minutes.progress
        )
        state["progress"] = sorted(progress)

        # The members of the changed minutes' groups and of those regrouped (all_members of
        # those: of every group, at 10,000 files, it was most of the time), from kpss.yaml and
        # the kept joins and leaves.
        lite = Archive(Path(self.root), self.shown_root, self.config)
        changed_minutes = [m for m in (*self.minutes.values(), *progressed.values()) if m is not None]
        members = {}
        if changed_minutes or regrouped:
            joins = [self._stored(rel) for rel in state["joins"]]
            if any(m is None for m in joins):
                return None
            lite.minutes = sorted((m for m in joins if m is not None), key=lambda m: (m.date, m.id))
            groups = {m.group_slug: self.config.find_group(m.group) for m in changed_minutes}
            groups.update((slug, self.config.find_group(slug)) for slug in regrouped)
            if None in groups.values():  # a group kpss.yaml lacks: its members are its minutes' joins
                members = all_members(lite)
            else:
                members = all_members(lite, {g.slug: g for g in groups.values() if g is not None}.values())
        kept_members: dict[str, list[Any]] = state["members"]
        for slug in regrouped:
            group_members = members.get(slug)
            if group_members is not None and group_members.problems:
                kept_members[slug] = _tuples(group_members.problems)
            else:
                kept_members.pop(slug, None)
        # The plans are those the findings were kept with (their files are in the view's key).
        plans, plan_problems = load_plans(self.root, self.shown_root)
        linked = PlanLinks(lite, plans) if plans else None
        files: dict[str, list[Any]] = state["files"]
        checked: dict[str, Minutes | None] = {**self.minutes, **progressed}
        for slug in regrouped:  # every minutes of the group, with its members as they are now
            found_meetings = index.table(
                MEET, marshal.loads(parts[ROWS + MEET]), (bucket(slug),), convert=marshal.loads
            )
            if found_meetings is None:
                return None
            for value in found_meetings:
                if value[0] == slug and value[5] not in checked:
                    if (stored := self._stored(value[5])) is None:
                        return None
                    checked[value[5]] = stored
        for rel in (*changed_files, *checked):
            files.pop(rel, None)
        for rel, minutes in checked.items():
            if minutes is not None or rel in plain:
                found = file_findings(lite, rel, minutes, self.today, members)
                if linked is not None and minutes is not None:
                    found += linked.of_minutes(minutes)
                if found:
                    files[rel] = _tuples(found)

        # The findings of the task ids the changed files name, before and after: from every
        # file that defines or updates them (REF, brought up to date).
        affected: set[str] = set()
        slugs: set[str] = set()
        for value in before.values():
            affected.update(value[3])
            if value[2] is not None:
                slugs.add(value[2])
        for rel in new:
            minutes = self.minutes[rel]
            affected.update(_touches(minutes))
            if minutes is not None:
                slugs.add(minutes.group_slug)
        if self.replanned:
            affected.update(state["measured"])
        tables = {kind: marshal.loads(parts[ROWS + kind]) for kind in (REF, FILE)}
        read: dict[tuple[str, int], list[Any]] = {}

        def bucket_of(kind: str, number: int) -> list[Any]:
            if (kind, number) not in read:
                found = index.table(kind, tables[kind], (number,), convert=marshal.loads)
                if found is None:
                    raise LookupError(kind)  # made(): the archive loaded
                read[kind, number] = found
            return read[kind, number]

        involved: dict[str, Minutes] = {}
        for found_refs in task_refs(sorted(affected), bucket_of).values():
            for value in found_refs.values():
                if value[1] not in involved:
                    minutes = self._stored(value[1], tuple(value[4]))
                    if minutes is None:
                        return None
                    involved[value[1]] = minutes
        tasks: dict[str, list[Any]] = state["tasks"]
        for task_id in affected:
            tasks.pop(task_id, None)
        if affected:
            some = Archive(Path(self.root), self.shown_root, self.config)
            some.minutes = list(involved.values())
            resolve(some)
            for task_id, problem in task_findings(some, not plans, affected):
                tasks.setdefault(task_id, []).append(_tuples([problem])[0])
            if plans:
                linked = PlanLinks(some, plans)
                for task in some.tasks:
                    if task.id in affected:
                        for problem in linked.of_task(task):
                            tasks.setdefault(task.id, []).append(_tuples([problem])[0])
            measured = {task_id for task_id in state["measured"] if task_id not in affected}
            measured.update(t.id for t in some.tasks if t.id in affected and t.measure)
            state["measured"] = sorted(measured)
        if self.replanned:  # the plan's own findings
            state["plan"] = _tuples([*plan_problems, *(plan_findings(plans, self.today) if plans else ())])

        # Two minutes of one group on one date, and the group's missing minutes: from the
        # group's minutes (MEET). The window of missing minutes starts at the archive's first
        # minutes: when their date moved, every scheduled group's is another.
        scheduled = {g.slug for g in self.config.groups if g.schedule}
        firsts = [first[0] for first, _name in snapshot_state["groups"].values()]
        first_day = min(firsts) if firsts else None
        if first_day != state["start"]:
            state["start"] = first_day
            state["schedules"] = {}
            slugs |= scheduled
        if scheduled & slugs:
            scheduled -= set(unreadable_schedules(lite))
        meets = marshal.loads(parts[ROWS + MEET])
        meetings: dict[str, list[Any]] = state["meetings"]
        schedules: dict[str, list[Any]] = state["schedules"]
        for slug in slugs:
            found = index.table(MEET, meets, (bucket(slug),), convert=marshal.loads)
            if found is None:
                return None
            days: dict[int, list[str]] = {}
            held = Archive(Path(self.root), self.shown_root, self.config)
            for value in found:
                if value[0] == slug:
                    days.setdefault(value[1], []).append(value[5])
                    if slug in scheduled:  # what matching planned days reads of minutes
                        day = dt.date.fromordinal(value[1])
                        held.minutes.append(Minutes(value[2], value[5], value[3], day, slug))
            schedules.pop(slug, None)
            if slug in scheduled and first_day is not None:
                held.minutes.sort(key=lambda m: (m.date, m.id))
                missing = missing_minutes(held, self.today, dt.date.fromordinal(first_day), {slug})
                schedules[slug] = _tuples([problem for _slug, problem in missing])
            twice = [rel for rels in days.values() if len(rels) > 1 for rel in rels]
            meetings.pop(slug, None)
            if twice:
                same_day = Archive(Path(self.root), self.shown_root, self.config)
                for rel in twice:
                    minutes = self._stored(rel)
                    if minutes is None:
                        return None
                    same_day.minutes.append(minutes)
                same_day.minutes.sort(key=lambda m: (m.date, m.id))
                meetings[slug] = _tuples([problem for _slug, problem in meeting_findings(same_day)])

        if self.settled:
            drop = {encode(rel): bucket(rel[: rel.rfind("/") + 1]) for rel in removed}
            digests = index.change_table(
                name, state["digests"], {k: (n, d) for k, n, d in new.values()}, drop
            )
            if digests is None:
                return None
            state["digests"] = digests
            state["folders"] = {folder: value[0] for folder, value in now.items()}
            state["key"] = self.part
            index.put_part(fingerprint(walk[0], walk[1], now), name, marshal.dumps(state, MARSHAL_VERSION))
        every = [*head.problems]
        for found_lists in (
            files.values(),
            tasks.values(),
            meetings.values(),
            schedules.values(),
            kept_members.values(),
            (state["rest"], state["plan"]),
        ):
            for listed in found_lists:
                every.extend(Problem(*finding) for finding in listed)
        head.tasks = []
        return head, marshal.dumps(_tuples(chosen(head, every)), MARSHAL_VERSION)

    def _outcome(self, rel: str, own: Any) -> tuple[Minutes | None, list[Problem] | None] | None:
        """(a changed file's minutes, its problems: None for a link inside the archive)."""
        found = file_outcome(self.index, self.root, rel, own, self.config, self.walk[2])
        if found is None:
            return None
        outcome, settled = found
        self.settled = self.settled and settled
        if outcome is None:
            return None, None
        return outcome[0], outcome[1]

    def _stored(self, rel: str, stamp: tuple[Any, ...] | None = None) -> Minutes | None:
        """The minutes of a file as it is (a changed one's as just read); None when they cannot
        be told (a load then says)."""
        if rel in self.minutes:
            return self.minutes[rel]
        folder = rel[: rel.rfind("/") + 1]
        if folder not in self.now:
            return None
        _digest, start, end = self.now[folder]
        own = next((own for path, own in self.walk[0][start:end] if path == rel), None)
        if own is None or isinstance(own, OSError):
            return None
        if stamp is not None and stamp != stamp_of(own):
            return None
        outcome = self._outcome(rel, own)
        return None if outcome is None else outcome[0]
