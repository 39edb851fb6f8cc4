"""Attendance: who comes, who is excused, who never comes; the quorum of each meeting.

Everything is judged against the members of the group on the meeting's date (membership.py):
a member neither present, represented by a substitute nor excused is absent; a substitute
counts for the member they stand in for; the quorum counts the voting members of that day.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..core.config import GroupConfig
from ..core.model import Minutes, Person
from ..core.people import surname_order
from ..core.sorting import czech_sort_key
from ..store.archive import Archive
from .membership import GroupMembers, Member, all_members, substitute_of


@dataclass
class MeetingAttendance:
    """One meeting's attendance against the members of its date."""

    minutes: Minutes
    members: list[Member]  # on the meeting's date
    present: list[Person]
    excused: list[Person]
    absent: list[Person]  # listed, and members not accounted for (unless the sheet is referred to)
    guests: list[Person]
    substitutes: list[tuple[Person, Member | None]]  # each substitute and the member they stand for
    share: float  # of the voting members, to be exceeded
    member_keys: set[str] = field(default_factory=set)
    represented: dict[str, Person] = field(default_factory=dict)  # member key -> their substitute
    present_keys: set[str] = field(default_factory=set)
    excused_keys: set[str] = field(default_factory=set)
    absent_keys: set[str] = field(default_factory=set)
    voting: list[Member] = field(default_factory=list)  # the members with a vote on that day

    @property
    def voting_present(self) -> int:
        """Voting members present in person or through a substitute."""
        present, represented = self.present_keys, self.represented
        return sum(1 for m in self.voting if m.key in present or m.key in represented)

    @property
    def quorum(self) -> bool | None:
        """True when more than the share of voting members came; None when kpss cannot tell
        (no members known, or only "dle prezenční listiny")."""
        voting = self.voting
        if not voting or self.minutes.attendance_sheet:
            return None
        return self.voting_present > self.share * len(voting)

    def outcome(self, member: Member) -> str | None:
        """present, substituted, excused or absent: what became of a member; None when the
        minutes only refer to the attendance sheet and do not name them."""
        key = member.key
        if key in self.present_keys:
            return "present"
        if key in self.represented:
            return "substituted"
        if key in self.excused_keys:
            return "excused"
        if key in self.absent_keys:
            return "absent"
        return None


def meeting_attendance(
    archive: Archive,
    minutes: Minutes,
    members: Mapping[str, GroupMembers] | None = None,
    share: float | None = None,
) -> MeetingAttendance:
    """The attendance of one meeting; `members` from `all_members` (computed when not given),
    `share` instead of kpss.yaml's quorum."""
    config = archive.config
    members = all_members(archive) if members is None else members
    group = config.find_group(minutes.group_slug)
    known = members.get(group.slug if group else minutes.group_slug)
    on_day = known.on(minutes.date) if known else []
    substitutes = [(p, substitute_of(p, on_day, config.aliases)) for p in minutes.present if p.substitute_for]
    represented = {member.key: person for person, member in substitutes if member is not None}
    listed = {p.key for p in (*minutes.present, *minutes.excused, *minutes.absent)}
    absent = list(minutes.absent)
    if not minutes.attendance_sheet:  # "dle prezenční listiny": kpss cannot tell who was missing
        absent += [m.person for m in on_day if m.key not in listed and m.key not in represented]
    return MeetingAttendance(
        minutes=minutes,
        members=on_day,
        present=minutes.present,
        excused=minutes.excused,
        absent=absent,
        guests=minutes.guests,
        substitutes=substitutes,
        share=share
        if share is not None
        else (config.quorum_of(group) if group else config.quorum_of(_NO_GROUP)),
        member_keys={m.key for m in on_day},
        represented=represented,
        present_keys={p.key for p in minutes.present},
        excused_keys={p.key for p in minutes.excused},
        absent_keys={p.key for p in absent},
        voting=[m for m in on_day if m.membership.voting],
    )


_NO_GROUP = GroupConfig("", "", "")


def attendances(
    archive: Archive, selected: Iterable[Minutes], share: float | None = None
) -> Iterator[MeetingAttendance]:
    """The attendance of each selected meeting, in their order, one at a time: each is
    counted and dropped (at 100,000 meetings, all of them at once held some 200 MB)."""
    members = all_members(archive)
    for minutes in selected:
        yield meeting_attendance(archive, minutes, members, share)


def attendance_of(seen: MeetingAttendance) -> dict[str, list[Person]]:
    """Who was present, excused, absent and a guest (members not accounted for are absent)."""
    return {"present": seen.present, "excused": seen.excused, "absent": seen.absent, "guest": seen.guests}


@dataclass
class _Tally:
    person: str
    org: str | None = None
    expected: int = 0  # meetings held while a member (those whose minutes say what became of them)
    present: int = 0
    substituted: int = 0
    excused: int = 0
    absent: int = 0
    guest: int = 0
    run: int = 0  # meetings missed in a row, up to the latest
    longest_missed: int = 0
    groups: set[str] = field(default_factory=set)

    def count(self, attended: bool) -> None:
        self.expected += 1
        self.run = 0 if attended else self.run + 1
        self.longest_missed = max(self.longest_missed, self.run)

    def take(self, code: int, name: str, org: str | None, slug: str) -> None:
        """One step of a meeting of the group `slug` (meeting_steps: `code`, the name as written
        there and the organisation) counted."""
        if org:
            self.org = org
        if code < MEMBER:
            self.person = name  # the latest spelling (minutes come in date order)
            if code == 0:
                self.present += 1
            elif code == 1:
                self.excused += 1
            elif code == 2:
                self.absent += 1
            else:
                self.guest += 1
            self.groups.add(slug)
            return
        self.expected += 1
        if code == MEMBER + 1:  # substituted
            self.substituted += 1
            self.groups.add(slug)
        if code <= MEMBER + 1:  # attended
            self.run = 0
        else:
            self.run += 1
            if self.run > self.longest_missed:
                self.longest_missed = self.run

    def row(self) -> dict[str, Any]:
        counted = self.present + self.substituted + self.excused + self.absent
        return {
            "person": self.person,
            "org": self.org,
            "expected": self.expected,
            "present": self.present,
            "substituted": self.substituted,
            "excused": self.excused,
            "absent": self.absent,
            "guest": self.guest,
            "meetings": counted + self.guest,
            "rate": round((self.present + self.substituted) / counted, 3) if counted else None,
            "longest_missed": self.longest_missed,
            "groups": sorted(self.groups),
        }


def by_person(archive: Archive, selected: Iterable[Minutes]) -> list[dict[str, Any]]:
    """One row per person: meetings expected at (as a member), present, represented by a
    substitute, excused, absent, as a guest; the attendance rate; the longest run missed."""
    stepped = getattr(selected, "steps", None)
    if stepped is not None:  # each meeting's steps made where its file was parsed (store/cold.py)
        tallies: dict[str, _Tally] = {}
        known = tallies.get
        for slug, steps in stepped():
            for (key, name, org), code in steps:
                tally = known(key)
                if tally is None:
                    tally = tallies[key] = _Tally(name)
                tally.take(code, name, org, slug)
        return _rows_of(tallies)
    return _person_rows(attendances(archive, selected))


def tally_steps(archive: Archive) -> tuple[Callable[[Minutes], list[tuple[Key, int]]], Callable[[str], bool]]:
    """For a cold `attendance` by person (store/cold.Steps, made before its workers fork): what
    a meeting does to the tallies (meeting_steps: the person's key, name and organisation and
    the code of each step, in order) with the members over time that `archive`'s minutes (those
    that record joins or leaves) and kpss.yaml give, and whether those minutes change the
    members that the minutes of a group slug are counted against."""
    members = all_members(archive)
    changed = {minutes.group_slug for minutes in archive.minutes}
    find_group, aliases = archive.config.find_group, archive.config.aliases

    def steps(minutes: Minutes) -> list[tuple[Key, int]]:
        # Without a MeetingAttendance (its sets, its quorum): what the steps read of it alone.
        group = find_group(minutes.group_slug)
        known = members.get(group.slug if group else minutes.group_slug)
        on_day = known.on(minutes.date) if known else []
        represented = {}
        for person in minutes.present:
            if person.substitute_for:
                member = substitute_of(person, on_day, aliases)
                if member is not None:
                    represented[member.key] = person
        return person_steps(minutes, on_day, represented)

    def changes(slug: str) -> bool:
        group = find_group(slug)
        return (group.slug if group else slug) in changed

    return steps, changes


def _person_rows(seen_meetings: Iterable[MeetingAttendance]) -> list[dict[str, Any]]:
    tallies: dict[str, _Tally] = {}
    for seen in seen_meetings:
        _count(seen, tallies)
    return _rows_of(tallies)


def _rows_of(tallies: dict[str, _Tally]) -> list[dict[str, Any]]:
    return sorted((t.row() for t in tallies.values()), key=lambda r: surname_order(r["person"]))


# What a meeting does to a person's tally, step by step (meeting_steps): a code, the name as
# written there and the organisation. Codes below MEMBER are the lists the person is on (in the
# order of attendance_of); from MEMBER on, what became of a member (OUTCOMES).
MEMBER = 4
OUTCOMES = ("present", "substituted", "excused", "absent")
Step = tuple[int, str, "str | None"]
Key = tuple[str, str, "str | None"]  # a step's person: key, name as written there, organisation


def meeting_steps(seen: MeetingAttendance) -> dict[str, list[Step]]:
    """Person key -> what the meeting does to their tally, in the order _count takes it
    (person_steps)."""
    steps: dict[str, list[Step]] = {}
    for (key, name, org), code in person_steps(seen.minutes, seen.members, seen.represented):
        steps.setdefault(key, []).append((code, name, org))
    return steps


def person_steps(
    minutes: Minutes, on_day: list[Member], represented: Mapping[str, Person]
) -> list[tuple[Key, int]]:
    """What the meeting of `minutes` does to the tallies, step by step (each person's in the
    order _count takes them), given the members on its day and the members a substitute stood
    in for: each list a person is on (present, excused, absent, guest: those excused or absent
    whom a substitute stood in for are counted once, as substituted; members not accounted
    for are absent unless the minutes refer to the attendance sheet), then, for each member
    whose outcome the minutes tell, that outcome (OUTCOMES, as MeetingAttendance.outcome)."""
    present, excused, absent = minutes.present, minutes.excused, minutes.absent
    steps = [((p.key, p.person, p.org), 0) for p in present]
    for code, people in ((1, excused), (2, absent)):
        for p in people:
            if not represented or p.key not in represented:  # else counted once, as substituted
                steps.append(((p.key, p.person, p.org), code))
    outcomes: list[tuple[Member, int]] = []
    if on_day:
        present_keys = {p.key for p in present}
        excused_keys = {p.key for p in excused}
        absent_keys = {p.key for p in absent}
        inferred = not minutes.attendance_sheet  # "dle prezenční listiny": kpss cannot tell
        for member in on_day:
            key = member.key
            if key in present_keys:
                code = MEMBER
            elif key in represented:
                code = MEMBER + 1
            elif key in excused_keys:
                code = MEMBER + 2
            elif key in absent_keys:
                code = MEMBER + 3
            elif inferred:  # not accounted for: absent, listed after those the minutes list
                code = MEMBER + 3
                person = member.person
                steps.append(((key, person.person, person.org), 2))
            else:
                continue
            outcomes.append((member, code))
    steps.extend(((p.key, p.person, p.org), 3) for p in minutes.guests)
    steps.extend(((member.key, member.person.person, member.org), code) for member, code in outcomes)
    return steps


def take_steps(tally: _Tally | None, steps: Iterable[Step], slug: str) -> _Tally | None:
    """A person's tally (None before their first meeting) with a meeting of the group `slug`
    counted in it (meeting_steps)."""
    for code, name, org in steps:
        if tally is None:
            tally = _Tally(name)
        tally.take(code, name, org, slug)
    return tally


def _count(seen: MeetingAttendance, tallies: dict[str, _Tally]) -> None:
    slug = seen.minutes.group_slug
    for key, steps in meeting_steps(seen).items():
        tally = take_steps(tallies.get(key), steps, slug)
        if tally is not None:
            tallies[key] = tally


def by_org(archive: Archive, selected: Iterable[Minutes]) -> list[dict[str, Any]]:
    """Per organisation: the person rows summed (people without one under null), and the
    longest run of meetings at which none of its expected members came."""
    tallies: dict[str, _Tally] = {}
    runs: dict[str | None, _Tally] = {}
    for seen in attendances(archive, selected):  # one pass: each meeting dropped once counted
        _count(seen, tallies)
        came: dict[str | None, bool] = {}
        for member in seen.members:
            outcome = seen.outcome(member)
            if outcome is not None:
                org = member.org
                came[org] = came.get(org, False) or outcome in ("present", "substituted")
        for org, attended in came.items():
            runs.setdefault(org, _Tally("")).count(attended)
    orgs: dict[str | None, dict[str, Any]] = {}
    keys = ("expected", "present", "substituted", "excused", "absent", "guest")
    for row in _rows_of(tallies):
        total = orgs.setdefault(row["org"], {"org": row["org"], "people": 0, **dict.fromkeys(keys, 0)})
        total["people"] += 1
        for key in keys:
            total[key] += row[key]
    for org, total in orgs.items():
        counted = total["present"] + total["substituted"] + total["excused"] + total["absent"]
        total["rate"] = round((total["present"] + total["substituted"]) / counted, 3) if counted else None
        total["longest_missed"] = runs[org].longest_missed if org in runs else 0
    return sorted(orgs.values(), key=lambda r: (r["org"] is None, czech_sort_key(r["org"] or "")))


def by_meeting(
    archive: Archive, selected: Iterable[Minutes], quorum_share: float | None = None
) -> list[dict[str, Any]]:
    """One row per meeting: counts against the members of its date, the substitutes and whom
    they stood in for, and whether more than the quorum share of voting members came."""
    rows = []
    for seen in attendances(archive, selected, quorum_share):
        rows.append(meeting_row(seen))
    return rows


def meeting_row(seen: MeetingAttendance) -> dict[str, Any]:
    """The figures of one meeting (`kpss attendance --by meeting`, the minutes document)."""
    minutes = seen.minutes
    present_keys = {p.key for p in seen.present}
    known = bool(seen.members)
    return {
        "id": minutes.id,
        "group": minutes.group,
        "group_slug": minutes.group_slug,
        "date": minutes.date.isoformat(),
        "members": len(seen.members) or None,
        "voting_members": len(seen.voting) if known else None,
        "present": len(seen.present),
        "excused": len(seen.excused),
        "absent": len(seen.absent),
        "guests": len(seen.guests),
        "present_members": sum(1 for m in seen.members if m.key in present_keys) if known else None,
        "substituted_members": len(seen.represented) if known else None,
        "present_voting": seen.voting_present if known else None,
        "substitutes": [
            {"name": person.name, "for": member.membership.name if member else person.substitute_for}
            for person, member in seen.substitutes
        ],
        "absent_members": [p.name for p in seen.absent if p.key in seen.member_keys],
        "quorum_share": seen.share if known else None,
        "quorum": seen.quorum,
    }


def counted(
    archive: Archive, selected: list[Minutes], by: str, missed: int | None = None, quorum: float | None = None
) -> tuple[list[dict[str, Any]], str]:
    """(the rows, their kind) of `kpss attendance`: members who missed the last `missed`
    meetings in a row when it is given, else the meetings counted `by` person, org or meeting."""
    if missed is not None:
        return missed_in_a_row(archive, selected, missed), "missed"
    if by == "meeting":
        return by_meeting(archive, selected, quorum), by
    if by == "org":
        return by_org(archive, selected), by
    return by_person(archive, selected), by


def missed_in_a_row(archive: Archive, selected: list[Minutes], at_least: int) -> list[dict[str, Any]]:
    """Members who did not come (in person or through a substitute) to the last `at_least`
    (or more) meetings of their group at which they were members."""
    rows = []
    members = all_members(archive)
    by_group: dict[str, list[Minutes]] = {}
    for minutes in selected:
        by_group.setdefault(minutes.group_slug, []).append(minutes)
    for group in archive.config.groups:
        meetings = by_group.get(group.slug, [])
        if not meetings or not members[group.slug].known:
            continue
        seen = [meeting_attendance(archive, m, members) for m in meetings]
        for member in seen[-1].members:
            streak, last = 0, None
            for meeting in reversed(seen):
                if member.key not in meeting.member_keys:
                    break  # not yet a member
                outcome = meeting.outcome(member)
                if outcome in ("present", "substituted"):
                    last = meeting.minutes.date
                    break
                if outcome is not None:  # "dle prezenční listiny": kpss cannot tell
                    streak += 1
            if streak >= at_least:
                rows.append(
                    {
                        "person": member.person.person,
                        "org": member.org,
                        "group": group.name,
                        "group_slug": group.slug,
                        "missed": streak,
                        "last_present": last.isoformat() if last else None,
                    }
                )
    return sorted(rows, key=lambda r: (-r["missed"], r["group_slug"], surname_order(r["person"])))
