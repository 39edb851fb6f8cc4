"""`kpss check`: what a careful coordinator would notice in an archive, as findings."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Iterator

from ..core.config import Membership
from ..core.dates import parse_deadline
from ..core.errors import KpssError, Problem
from ..core.i18n import _
from ..core.model import Minutes, Person, Record, Task
from ..core.names import fold
from ..core.plan import Plan
from ..meetings.attendance import MeetingAttendance, meeting_attendance
from ..meetings.membership import GroupMembers, all_members
from ..meetings.schedule import meetings, unreadable_schedules
from ..plan.state import plan_for
from ..store.archive import Archive, TaskSnapshot, shown_path
from ..store.plan import load_plans
from .codes import CODES

DRAFT_AGE = dt.timedelta(days=30)


def check_archive(archive: Archive, today: dt.date, only: set[str] | None = None) -> list[Problem]:
    """Return every finding, sorted by file and line; `only` keeps those of these paths (as shown).

    Codes listed under `check: disable:` in kpss.yaml are left out.
    """
    return chosen(archive, [*archive.problems, *_archive_findings(archive, today)], only)


def chosen(
    archive: Archive | TaskSnapshot, findings: Iterable[Problem], only: set[str] | None = None
) -> list[Problem]:
    """The findings kpss check shows: the codes `check: disable:` lists left out, those of the
    paths `only` (as shown) kept when given, each once, sorted by file and line."""
    disabled = disabled_codes(archive)
    selected = [f for f in findings if f.code not in disabled and (only is None or f.path in only)]
    return sorted(set(selected), key=lambda f: (f.path, f.line or 0, f.code, f.message))


class Parts(Record):
    """The findings of an archive by what they depend on, as check/kept.py keeps them: those
    of each file alone (given the day, kpss.yaml, the groups' members and the plan), those of
    each task id (every file that defines or updates it, and the plan), those of each group's
    minutes (two on one date), those of each group's members (overlapping periods, leaves of
    non-members), the plan's own (its files' problems and plan_findings) and the rest
    (unreadable schedules)."""

    __slots__ = ("files", "tasks", "meetings", "schedules", "members", "plan", "rest")

    def __init__(self) -> None:
        self.files: dict[str, list[Problem]] = {}
        self.tasks: dict[str, list[Problem]] = {}
        self.meetings: dict[str, list[Problem]] = {}  # two minutes of a group on one day
        self.schedules: dict[str, list[Problem]] = {}  # a group's missing minutes (missing_minutes)
        self.members: dict[str, list[Problem]] = {}  # by group slug (all_members)
        self.plan: list[Problem] = []
        self.rest: list[Problem] = []

    def every(self) -> Iterator[Problem]:
        for found in (
            *self.files.values(),
            *self.tasks.values(),
            *self.meetings.values(),
            *self.schedules.values(),
            *self.members.values(),
            self.plan,
            self.rest,
        ):
            yield from found


def check_parts(archive: Archive, today: dt.date) -> Parts:
    """The findings of `archive` but its own problems (archive.problems), in their Parts."""
    parts = Parts()
    for rel in archive.not_minutes:
        parts.files.setdefault(rel, []).extend(file_findings(archive, rel, None, today, {}))
    members = all_members(archive)
    for slug, group_members in members.items():
        if group_members.problems:  # overlapping periods, leaves of non-members
            parts.members[slug] = list(group_members.problems)
    for minutes in archive.minutes:
        found = file_findings(archive, minutes.path, minutes, today, members)
        if found:
            parts.files.setdefault(minutes.path, []).extend(found)
    for slug, problem in meeting_findings(archive):
        parts.meetings.setdefault(slug, []).append(problem)
    plans, problems = load_plans(str(archive.root), archive.shown_root)
    parts.plan.extend(problems)
    for task_id, problem in task_findings(archive, not plans):
        parts.tasks.setdefault(task_id, []).append(problem)
    if plans:
        # What the plan's links say is of each minutes (its progress entries) and of each task
        # (its measure): kept with the file's and the task id's findings (check/kept.py).
        parts.plan.extend(plan_findings(plans, today))
        linked = PlanLinks(archive, plans)
        for minutes in archive.minutes:
            found = list(linked.of_minutes(minutes))
            if found:
                parts.files.setdefault(minutes.path, []).extend(found)
        for task in archive.tasks:
            found = list(linked.of_task(task))
            if found:
                parts.tasks.setdefault(task.id, []).extend(found)
    unreadable = unreadable_schedules(archive)
    parts.rest.extend(unreadable.values())  # the group's meetings are then unknown to every command
    if archive.minutes:
        readable = {g.slug for g in archive.config.groups} - set(unreadable)
        for slug, problem in missing_minutes(archive, today, archive.minutes[0].date, readable):
            parts.schedules.setdefault(slug, []).append(problem)
    return parts


def _archive_findings(archive: Archive, today: dt.date) -> Iterator[Problem]:
    yield from check_parts(archive, today).every()


def file_findings(
    archive: Archive, rel: str, minutes: Minutes | None, today: dt.date, members: dict[str, GroupMembers]
) -> list[Problem]:
    """The findings of one file that depend on it alone (and on the day, kpss.yaml and the
    groups' `members`): of minutes (`minutes`), or of a Markdown file that is not (None)."""
    if minutes is None:
        return [
            _finding(
                archive,
                rel,
                1,
                "not-minutes",
                _("no front matter: this file is not minutes (`kpss import` converts legacy minutes)"),
            )
        ]
    return list(_minutes_findings(archive, minutes, today, members))


def meeting_findings(archive: Archive) -> Iterator[tuple[str, Problem]]:
    """(group slug, finding) of two minutes of one group on one date: the later id is the copy."""
    seen: dict[tuple[str, dt.date], Minutes] = {}
    for minutes in archive.minutes:
        first = seen.setdefault((minutes.group_slug, minutes.date), minutes)
        if first is not minutes:
            yield (
                minutes.group_slug,
                duplicate_meeting(
                    archive,
                    minutes.path,
                    minutes.key_lines.get("date"),
                    minutes.group,
                    minutes.date,
                    first.path,
                ),
            )


def duplicate_meeting(
    archive: Archive, path: str, line: int | None, group: str, day: dt.date, first: str
) -> Problem:
    """The minutes at `path` of `group` on `day`, which already has minutes of that day at
    `first` (earlier in the archive's order)."""
    return _finding(
        archive, path, line, "duplicate-meeting",
        _("{group} already has minutes of {date}: {path}").format(group=group, date=day.isoformat(), path=shown_path(archive, first)),
    )  # fmt: skip


def task_findings(
    archive: Archive, no_plan: bool, ids: set[str] | None = None
) -> Iterator[tuple[str, Problem]]:
    """(task id, finding) of what depends on the files that define or update a task id: updates
    and checklist lines naming no task or a later one, deadlines of checklist lines (of a task
    that exists), and, with `no_plan`, tasks serving a measure of a plan the archive lacks;
    only of the ids `ids` when given (the archive then holds every file that defines or updates
    them: check/kept.py)."""
    for minutes in archive.minutes:
        for task_id, problem in loose_deadline_findings(archive, minutes):
            if (ids is None or task_id in ids) and archive.task(task_id):
                yield task_id, problem
    if no_plan:
        for task in archive.tasks:
            if task.measure and (ids is None or task.id in ids):
                yield task.id, unplanned_measure(archive, task)
    for minutes, update in archive.unmatched_updates:
        if ids is not None and update.id not in ids:
            continue
        target = archive.task(update.id)
        yield (
            update.id,
            unmatched_update(
                archive, minutes.path, update.id, update.line, None if target is None else target.meeting_date
            ),
        )


def loose_deadline_findings(archive: Archive, minutes: Minutes) -> Iterator[tuple[str, Problem]]:
    """(task id, finding) of the deadlines of the minutes' checklist lines: findings only where
    the task exists (task_findings)."""
    for check in minutes.loose_checks:
        if check.due is not None:
            for problem in _deadline_findings(archive, minutes, check.line, check.due):
                yield check.id, problem


def unplanned_measure(archive: Archive, task: Task) -> Problem:
    """A task serving a measure when the archive has no plan."""
    return _finding(
        archive, task.path, task.line, "unknown-measure",
        _("task {id} serves measure {measure!r}, but the archive has no plan (plan/*.yaml)").format(id=task.id, measure=task.measure),
    )  # fmt: skip


def unmatched_update(
    archive: Archive, path: str, task_id: str, line: int, task_date: dt.date | None
) -> Problem:
    """An update (or checklist line) at `path` of a task that does not exist (`task_date`
    None) or was set on `task_date`, not before it (archive.unmatched_updates)."""
    if task_date is None:
        return _finding(
            archive, path, line, "unknown-task", _("no task {id!r} in the archive").format(id=task_id)
        )
    return _finding(
        archive, path, line, "update-before-task",
        _("task {id} was set on {meeting_date}, not before this meeting").format(id=task_id, meeting_date=task_date.isoformat()),
    )  # fmt: skip


def disabled_codes(archive: Archive | TaskSnapshot) -> set[str]:
    """Codes switched off by `check: {disable: [...]}` in kpss.yaml."""
    section = archive.config.extra.get("check") or {}
    codes = section.get("disable") if isinstance(section, dict) else None
    if codes is None:
        return set()
    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
        raise KpssError(
            _("'check: disable:' in kpss.yaml must be a list of finding codes"), archive.config.path
        )
    unknown = sorted(set(codes) - set(CODES))
    if unknown:
        raise KpssError(
            _("'check: disable:' names unknown codes: {unknown}").format(unknown=", ".join(unknown)),
            archive.config.path,
        )
    return set(codes)


def _finding(archive: Archive, minutes_path: str, line: int | None, code: str, message: str) -> Problem:
    return Problem(shown_path(archive, minutes_path), line, CODES[code].severity, code, message)


def _minutes_findings(
    archive: Archive, minutes: Minutes, today: dt.date, members: dict[str, GroupMembers]
) -> Iterator[Problem]:
    lines = minutes.key_lines
    for task in minutes.tasks:
        # The deadline set with the task: a later meeting's new one is checked where it is written.
        yield from _deadline_findings(
            archive, minutes, task.line, task.history[0].due if task.history else task.due
        )
    for update in minutes.updates:  # checklist lines: of a task that exists (task_findings)
        if update.due is not None:
            yield from _deadline_findings(archive, minutes, update.line, update.due)
    nxt = minutes.next_meeting
    if nxt and nxt.date and nxt.date < minutes.date:
        yield _finding(
            archive, minutes.path, lines.get("next_meeting"), "next-meeting-before-meeting",
            _("next meeting {date} is before this meeting of {date2}").format(date=nxt.date.isoformat(), date2=minutes.date.isoformat()),
        )  # fmt: skip
    if minutes.status == "draft" and today - minutes.date > DRAFT_AGE:
        yield _finding(
            archive, minutes.path, lines.get("status"), "old-draft",
            _("still a draft {days} days after the meeting").format(days=(today - minutes.date).days),
        )  # fmt: skip
    yield from _attendance_findings(archive, minutes, members)
    config = archive.config
    if config.groups and not config.find_group(minutes.group_as_written):
        # Reports already count it with the group whose folder holds the file, if any.
        folder_group = config.group_for_folder(minutes.path.rpartition("/")[0])
        names = [g.name for g in config.groups]
        close = difflib.get_close_matches(minutes.group_as_written, names, n=1, cutoff=0.6)
        suggestion = folder_group.name if folder_group else (close[0] if close else None)
        hint = (
            _("; did you mean {suggestion!r}?").format(suggestion=suggestion)
            if suggestion
            else _("; kpss.yaml knows {slugs}").format(slugs=", ".join(g.slug for g in config.groups))
        )
        yield _finding(
            archive,
            minutes.path,
            lines.get("group"),
            "unknown-group",
            _("group {group_as_written!r} is not in kpss.yaml{hint}").format(
                group_as_written=minutes.group_as_written, hint=hint
            ),
        )


def _deadline_findings(archive: Archive, minutes: Minutes, line: int, due: str | None) -> Iterator[Problem]:
    """A deadline written at `minutes` that cannot be read, or that ends before the meeting."""
    if not due:
        return
    deadline = parse_deadline(due, minutes.date)
    if not deadline.readable:
        yield _finding(
            archive,
            minutes.path,
            line,
            "bad-deadline",
            _("deadline {due!r} cannot be read; the task is never overdue").format(due=due),
        )
    elif deadline.end and deadline.end < minutes.date and deadline.kind != "next_meeting":
        yield _finding(
            archive, minutes.path, line, "deadline-before-meeting",
            _("deadline {due!r} ({end}) is before the meeting of {date}").format(due=due, end=deadline.end.isoformat(), date=minutes.date.isoformat()),
        )  # fmt: skip


def _attendance_findings(
    archive: Archive, minutes: Minutes, members: dict[str, GroupMembers]
) -> Iterator[Problem]:
    present, excused, absent = minutes.present, minutes.excused, minutes.absent
    lists = {"present": present, "excused": excused, "absent": absent}
    listed = {p.key for people in (present, excused, absent) for p in people}
    if len(listed) < len(present) + len(excused) + len(absent):  # someone listed twice: where?
        where: dict[str, str] = {}
        for kind, people in lists.items():
            for person in people:
                earlier = where.setdefault(person.key, kind)
                if earlier != kind:
                    yield _finding(
                        archive,
                        minutes.path,
                        person.line,
                        "attendance-conflict",
                        _("{name} is listed as {earlier} and as {kind}").format(
                            name=person.name, earlier=earlier, kind=kind
                        ),
                    )
    recorder = minutes.recorder
    if recorder and present and recorder.key not in {p.key for p in present}:
        yield _finding(
            archive, minutes.path, minutes.key_lines.get("recorder"), "recorder-not-present",
            _("the recorder {name} is not among those present").format(name=recorder.name),
        )  # fmt: skip
    group = archive.config.find_group(minutes.group)
    known = members.get(group.slug if group else minutes.group_slug)
    if known is None or not known.known:
        return
    seen = meeting_attendance(archive, minutes, members)
    yield from _quorum_findings(archive, seen)
    on_day = {m.key: m.person.name for m in seen.members}
    for person, member in seen.substitutes:
        if member is None:
            yield _finding(
                archive, minutes.path, person.line, "substitute-for-non-member",
                _("{name} stands in for {member}, who is not a member of {group} on {day}").format(
                    name=person.name, member=person.substitute_for, group=known.group.name,
                    day=minutes.date.isoformat(),
                ),
            )  # fmt: skip
    if listed <= on_day.keys():  # nearly always: everyone listed is a member that day
        return
    ever = known.ever()
    leaving = {fold(c.name) for c in minutes.membership if c.change == "left"} if minutes.membership else ()
    for kind, people in lists.items():
        others = []
        for person in people:
            if person.substitute_for is not None or person.key in on_day:
                continue
            period = ever.get(person.key)
            if period is not None and period.end is not None and period.end < minutes.date:
                if person.key not in leaving and fold(person.person) not in leaving:
                    yield _finding(
                        archive, minutes.path, person.line, "former-member",
                        _("{name} left {group} on {day} but is listed as {kind}").format(
                            name=person.name, group=known.group.name,
                            day=(period.end + dt.timedelta(days=1)).isoformat(), kind=kind,
                        ),
                    )  # fmt: skip
                continue
            others.append(person)
        if others:  # nearly always none: every one a member
            yield from _unknown_people(archive, minutes, known, others, on_day, ever)


# "Hlasování", "hlasovalo", "usnesení" in the text: a decision was taken at the meeting.
_DECIDED = re.compile(r"\b(?:hlasování|hlasovalo|hlasovali|usnesení|usnesla|usneslo)\b", re.IGNORECASE)
# Every word _DECIDED finds begins with one of these, in the text case-folded: a character
# that matches h, l, a, s, o, v, u, n or e with IGNORECASE folds to it (ſ to s), checked over
# all of Unicode (Python 3.11). Most bodies have neither, and casefold and `in` take a quarter
# of the search's time.
_DECIDED_STEMS = ("hlasov", "usnes")


def _quorum_findings(archive: Archive, seen: MeetingAttendance) -> Iterator[Problem]:
    """Decisions (usnesení, hlasování) of a meeting without a quorum."""
    if seen.quorum is not False:
        return
    minutes = seen.minutes
    line = minutes.key_lines.get("decisions") if minutes.decisions else None
    if line is None:
        body = archive.load_body(minutes).body or ""
        folded = body.casefold()
        if not any(stem in folded for stem in _DECIDED_STEMS):
            return
        match = _DECIDED.search(body)
        if match is None:
            return
        line = minutes.body_line + body.count("\n", 0, match.start())
    yield _finding(
        archive, minutes.path, line, "decision-without-quorum",
        _("a decision without a quorum: {present} of {voting} voting members came, more than {share:.0%} were needed").format(
            present=seen.voting_present, voting=len(seen.voting), share=seen.share
        ),
    )  # fmt: skip


def _unknown_people(
    archive: Archive,
    minutes: Minutes,
    known: GroupMembers,
    people: list[Person],
    members: dict[str, str],
    ever: dict[str, Membership],
) -> Iterator[Problem]:
    group = known.group
    unknown = [p for p in people if p.key not in members]
    skip: set[int] = set()
    for index, person in enumerate(unknown):
        if id(person) in skip:
            continue
        following = unknown[index + 1] if index + 1 < len(unknown) else None
        if following is not None and fold(f"{person.person} {following.person}") in members:
            skip.add(id(following))
            joined = members[fold(f"{person.person} {following.person}")]
            yield _finding(
                archive, minutes.path, person.line, "unknown-person",
                _("{name!r} and {name2!r} look like one person, {joined!r}: a comma too many?").format(name=person.name, name2=following.name, joined=joined),
            )  # fmt: skip
            continue
        hint = _closest(person.key, members)
        later = ever.get(person.key)
        if later is not None and later.start is not None and later.start > minutes.date:
            hint = None
            note = _(" on {day} (a member from {start})").format(
                day=minutes.date.isoformat(), start=later.start.isoformat()
            )
        else:
            note = ""
        yield _finding(
            archive, minutes.path, person.line, "unknown-person",
            _("{person} is not a member of {group}").format(person=person.name, group=group.name)
            + note
            + (_("; did you mean {suggestion!r}?").format(suggestion=hint) if hint else ""),
        )  # fmt: skip


def _closest(key: str, members: dict[str, str]) -> str | None:
    words = key.split()
    partial = [
        name for member_key, name in members.items() if words and set(words) <= set(member_key.split())
    ]
    if len(partial) == 1:
        return partial[0]  # "Sochůrková" -> "Mgr. Adéla Sochůrková"
    close = difflib.get_close_matches(key, list(members), n=1, cutoff=0.8)
    return members[close[0]] if close else None


def missing_minutes(
    archive: Archive, today: dt.date, start: dt.date, slugs: set[str]
) -> Iterator[tuple[str, Problem]]:
    """(group slug, finding) of the past planned meetings without minutes of the groups `slugs`
    (whose schedules kpss reads), from `start` (the archive's first minutes) on: of each
    group, its schedule and its minutes' dates and ids."""
    lines = {g.slug: g.line for g in archive.config.groups}
    for row in meetings(archive, start, today - dt.timedelta(days=1), today, slugs):
        if row["status"] == "missing":
            yield row["group_slug"], Problem(
                archive.config.path or "kpss.yaml", lines.get(row["group_slug"]), "warning", "missing-minutes",
                _("{group} planned a meeting on {date}; the archive has no minutes of it").format(group=row['group'], date=row['date']),
            )  # fmt: skip


def plan_findings(plans: list[Plan], today: dt.date) -> Iterator[Problem]:
    """The plans' own findings: indicators with values but no unit; measures of a current plan
    nobody is responsible for."""
    for plan in plans:
        for item in plan.walk():
            for indicator in item.indicators:
                numbers = (indicator.baseline, indicator.target)
                if indicator.unit is None and any(isinstance(n, (int, float)) for n in numbers):
                    yield Problem(
                        plan.path, indicator.line, CODES["indicator-no-unit"].severity, "indicator-no-unit",
                        _("indicator {name!r} of {id} has values but no unit (jednotka)").format(name=indicator.name, id=item.id),
                    )  # fmt: skip
        if plan.covers(today.year):
            for item in plan.measures():
                if plan.responsible(item) is None:
                    yield Problem(
                        plan.path, item.line, CODES["plan-no-group"].severity, "plan-no-group",
                        _("{level} {id} has no responsible group (skupina), nor has any item above it").format(level=item.level, id=item.id),
                    )  # fmt: skip


class PlanLinks:
    """What the links of minutes and tasks to the plans (plan.state.links) say is wrong: tasks
    and progress entries naming an item the plan of their day lacks, values of an indicator the
    item lacks. Each depends on one minutes or one task and the plans alone, so that a change
    is checked file by file and task id by task id (check/kept.py)."""

    def __init__(self, archive: Archive, plans: list[Plan]) -> None:
        self.archive = archive
        self.plans = plans
        self.by_day: dict[dt.date, Plan | None] = {}

    def _plan_of(self, day: dt.date) -> Plan | None:
        if day not in self.by_day:
            self.by_day[day] = plan_for(self.plans, day)
        return self.by_day[day]

    def _alike(self, plan: Plan) -> list[Plan]:
        # links() keeps one set of links per plan id: each plan of that id reports them.
        return [other for other in self.plans if other.id == plan.id]

    def of_task(self, task: Task) -> Iterator[Problem]:
        """A task serving a measure the plan of its meeting's day lacks."""
        if not task.measure:
            return
        plan = self._plan_of(task.meeting_date)
        if plan is None or plan.item(task.measure) is not None:
            return
        for other in self._alike(plan):
            yield _finding(
                self.archive, task.path, task.line, "unknown-measure",
                _("task {id} serves {measure!r}, which {name} ({path}) does not have").format(id=task.id, measure=task.measure, name=other.name, path=other.path),
            )  # fmt: skip

    def of_minutes(self, minutes: Minutes) -> Iterator[Problem]:
        """The minutes' progress entries naming an item the plan of their day lacks, or an
        indicator the item lacks."""
        if not minutes.progress:
            return
        plan = self._plan_of(minutes.date)
        if plan is None:
            return
        for progress in minutes.progress:
            known = plan.item(progress.measure) is not None
            for other in self._alike(plan):
                if not known:
                    yield _finding(
                        self.archive, minutes.path, progress.line, "unknown-measure",
                        _("progress of {measure!r}, which {name} ({path}) does not have").format(measure=progress.measure, name=other.name, path=other.path),
                    )  # fmt: skip
                    continue
                target = other.item(progress.measure)
                if target is None or progress.value is None:
                    continue
                names = [fold(i.name) for i in target.indicators]
                if (progress.indicator is None and len(names) != 1) or (
                    progress.indicator is not None and fold(progress.indicator) not in names
                ):
                    which = (
                        _("indicator {name!r}").format(name=progress.indicator)
                        if progress.indicator
                        else _("a value without 'indicator'")
                    )
                    indicators = ", ".join(i.name for i in target.indicators) or _("none")
                    yield _finding(
                        self.archive, minutes.path, progress.line, "progress-unknown-indicator",
                        _("{which} for {id}, whose indicators are: {known}").format(which=which, id=target.id, known=indicators),
                    )  # fmt: skip
