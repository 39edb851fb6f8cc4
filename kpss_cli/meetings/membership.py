"""Membership over time (FORMAT.md 1.1): who belongs to a group on a given day, with which
role, organisation and vote. kpss.yaml gives the periods; minutes' `membership` entries open
and close periods from their date on, in the order of the meetings."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..core.config import Config, GroupConfig, Membership
from ..core.errors import Problem
from ..core.i18n import N_, _
from ..core.model import Minutes, Person, Record
from ..core.names import fold
from ..core.people import Roster, surname_order
from ..minutes.parse import parse_person_text
from ..store.archive import Archive, shown_path

DAY = dt.timedelta(days=1)


class Member(Record):
    """A member of a group on some day: the person (aliases applied) and their period."""

    __slots__ = ("person", "membership", "key")

    def __init__(self, person: Person, membership: Membership) -> None:
        self.person = person
        self.membership = membership
        self.key = person.key  # the person's identity across meetings

    @property
    def org(self) -> str | None:
        """The organisation the member stands for."""
        return self.membership.org or self.person.org


def _bounds(periods: list[Membership]) -> list[dt.date]:
    """The days on which some period starts or has just ended, in order: between two of them
    the same periods run."""
    days = {p.start for p in periods if p.start is not None}
    days.update(p.end + DAY for p in periods if p.end is not None and p.end < dt.date.max)
    return sorted(days)


class GroupMembers:
    """Every period of membership of one group, and the problems met while reading them."""

    def __init__(self, group: GroupConfig, config: Config) -> None:
        self.group = group
        self.config = config
        self.periods: list[Membership] = []
        self.problems: list[Problem] = []
        # id(period) -> (the period, kept alive so that its id is never reused; its member)
        self._members: dict[int, tuple[Membership, Member]] = {}
        # (person key, folded role) -> their periods, in the order of `periods`: `add` looks
        # only at these (each period against every other was most of all_members' time: some
        # 10 ms before the workers of a cold `check` or `attendance` start at 10,000 files).
        self._same: dict[tuple[str, str], list[Membership]] = {}
        # `on`, remembered until the periods change: by span of days between the periods'
        # starts and ends (the members are the same all through one), not by day (every minutes
        # of a group is of another day: at 10,000 files each was worked out again).
        self._bounds: list[dt.date] | None = None
        self._days: dict[int, list[Member]] = {}
        self._ever: dict[str, Membership] | None = None

    @property
    def known(self) -> bool:
        """True when kpss.yaml or the minutes name any member: absence can be inferred."""
        return bool(self.periods)

    def member(self, period: Membership) -> Member:
        """The member of a period: its person with aliases applied."""
        known = self._members.get(id(period))
        if known is not None:
            return known[1]
        person = parse_person_text(period.name, self.config)
        person.org = period.org or person.org  # a fresh Person: the parser's cache is not touched
        found = Member(person, period)
        self._members[id(period)] = (period, found)
        return found

    def person(self, period: Membership) -> Person:
        """The person of a period (aliases applied)."""
        return self.member(period).person

    def on(self, day: dt.date) -> list[Member]:
        """The members on `day`, each once (the period that started last, when a person holds
        two roles), in kpss.yaml's and the minutes' order."""
        bounds = self._bounds
        if bounds is None:
            bounds = self._bounds = _bounds(self.periods)
        span = bisect_right(bounds, day)
        found = self._days.get(span)
        if found is not None:
            return found
        chosen: dict[str, Member] = {}
        for period in self.periods:
            if (period.start is None or period.start <= day) and (period.end is None or day <= period.end):
                member = self.member(period)
                earlier = chosen.get(member.key)
                if earlier is None or (period.start or dt.date.min) >= (
                    earlier.membership.start or dt.date.min
                ):
                    chosen[member.key] = member
        found = self._days[span] = list(chosen.values())
        return found

    def ever(self) -> dict[str, Membership]:
        """Person key -> the last period of everyone who was ever a member."""
        if self._ever is None:
            self._ever = {self.member(period).key: period for period in self.periods}
        return self._ever

    def add(self, period: Membership) -> None:
        """Add a period; one that overlaps a period of the same person in the same role is a
        problem (the earlier one holds)."""
        same = self._same.setdefault((self.person(period).key, fold(period.role or "")), [])
        for other in same:
            if _overlap(period, other):
                self.problems.append(
                    Problem(
                        period.source, period.line, "warning", "overlapping-membership",
                        _("{name} is already a member of {group} {role}on these days ({where}); this entry is left out").format(
                            name=period.name, group=self.group.name,
                            role=f"({period.role}) " if period.role else "",
                            where=f"{other.source}:{other.line}" if other.line else other.source,
                        ),
                    )
                )  # fmt: skip
                return
        same.append(period)
        self.periods.append(period)
        self._days.clear()
        self._bounds = None
        self._ever = None

    def leave(self, name: str, day: dt.date, source: str, line: int) -> None:
        """End, on the day before `day`, every period of `name` still running then."""
        key = parse_person_text(name, self.config).key
        ended = False
        for index, period in enumerate(self.periods):
            if self.person(period).key != key or not (period.start is None or period.start < day):
                continue
            if period.end is None or period.end >= day:
                closed = Membership(
                    period.name, period.org, period.role, period.voting, period.start, day - DAY,
                    period.source, period.line, f"{source}:{line}",
                )  # fmt: skip
                self._members[id(closed)] = (closed, Member(self.person(period), closed))
                self.periods[index] = closed
                same = self._same[(key, fold(period.role or ""))]
                same[next(at for at, other in enumerate(same) if other is period)] = closed
                self._days.clear()
                self._bounds = None
                self._ever = None
                ended = True
        if not ended:
            self.problems.append(
                Problem(
                    source, line, "warning", "left-non-member",
                    _("{name} leaves {group} on {day} but is not a member then").format(
                        name=name, group=self.group.name, day=day.isoformat()
                    ),
                )
            )  # fmt: skip


def _overlap(one: Membership, other: Membership) -> bool:
    start = max(one.start or dt.date.min, other.start or dt.date.min)
    end = min(one.end or dt.date.max, other.end or dt.date.max)
    return start <= end


def group_members(
    archive: Archive, group: GroupConfig, changing: Iterable[Minutes] | None = None
) -> GroupMembers:
    """The group's periods of membership: kpss.yaml's, then its minutes' joins and leaves in
    the order of the meetings (a join or leave takes effect on its day). `changing`: the
    archive's minutes that record joins or leaves, when the caller has them at hand."""
    members = GroupMembers(group, archive.config)
    for period in group.memberships:
        members.add(period)
    for minutes in archive.minutes if changing is None else changing:
        if minutes.group_slug != group.slug or not minutes.membership:
            continue
        shown = shown_path(archive, minutes.path)
        for change in sorted(minutes.membership, key=lambda c: c.day):
            if change.change == "joined":
                members.add(
                    Membership(
                        change.name,
                        change.org,
                        change.role,
                        change.voting,
                        change.day,
                        None,
                        shown,
                        change.line,
                    )
                )
            else:
                members.leave(change.name, change.day, shown, change.line)
    return members


def members_on(archive: Archive, group: GroupConfig, day: dt.date) -> list[Member]:
    """The members of `group` on `day`: who is invited, expected, counted for the quorum."""
    return group_members(archive, group).on(day)


def all_members(archive: Archive, only: Iterable[GroupConfig] | None = None) -> dict[str, GroupMembers]:
    """Group slug -> its members over time, for every group of kpss.yaml and every group whose
    minutes alone say who joins it; only for the groups `only` when it is given."""
    return {slug: group_members(archive, *found) for slug, found in _member_groups(archive, only).items()}


def _member_groups(
    archive: Archive, only: Iterable[GroupConfig] | None = None
) -> dict[str, tuple[GroupConfig, list[Minutes]]]:
    """Group slug -> the group and its minutes that record joins or leaves, for the groups of
    all_members."""
    # The minutes of joins and leaves, by group, found once: an archive of many groups would
    # otherwise be gone through once per group.
    changing: dict[str, list[Minutes]] = {}
    # Those records alone where the archive's minutes are made as they are gone through (store/cold.py).
    for minutes in getattr(archive.minutes, "with_membership", archive.minutes):
        if minutes.membership:
            changing.setdefault(minutes.group_slug, []).append(minutes)
    groups = archive.config.groups if only is None else only
    found = {group.slug: (group, changing.get(group.slug, [])) for group in groups}
    if only is None:
        for slug, listed in changing.items():
            if slug not in found:
                first = listed[0]
                found[slug] = (GroupConfig(slug, first.group, first.path.rpartition("/")[0]), listed)
    return found


class MembersWhenAsked(Mapping[str, GroupMembers]):
    """all_members of `archive`, each group's members computed when first asked for: reading
    the few groups of a few minutes (the rows of the files an edit changed, export/rows.py)
    parses the members of no other group."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.groups = _member_groups(archive)
        self.found: dict[str, GroupMembers] = {}

    def __getitem__(self, slug: str) -> GroupMembers:
        found = self.found.get(slug)
        if found is None:
            found = self.found[slug] = group_members(self.archive, *self.groups[slug])
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self.groups)

    def __len__(self) -> int:
        return len(self.groups)


def substitute_of(person: Person, members: list[Member], aliases: dict[str, str]) -> Member | None:
    """The member a substitute stands in for (`za Marii Novou` finds Marie Nová), if a member."""
    if person.substitute_for is None:
        return None
    by_name = {member.membership.name: member for member in members}
    found = Roster(by_name, aliases).find(person.substitute_for)
    return by_name.get(found) if found else None


# The changes of `--history`, as tables show them (JSON, CSV and TSV keep the English word).
CHANGES = (N_("joined"), N_("member"), N_("left"))


def members_rows(members: GroupMembers, day: dt.date) -> list[dict[str, Any]]:
    """`kpss members GROUP --on DAY`: one row per member on that day."""
    rows = [_row(members.group, m.membership, m.person, day.isoformat()) for m in members.on(day)]
    return sorted(rows, key=lambda r: (_role_order(r["role"]), surname_order(r["person"])))


def history_rows(members: GroupMembers) -> list[dict[str, Any]]:
    """`kpss members GROUP --history`: every change, by date (members throughout first)."""
    rows = []
    for period in members.periods:
        person = members.person(period)
        rows.append(
            {
                "date": period.start.isoformat() if period.start else None,
                "change": "joined" if period.start else "member",
                **_row(members.group, period, person, None),
            }
        )
        if period.end is not None:
            left = _row(members.group, period, person, None)
            if period.ended_by:
                left["source"] = period.ended_by  # the minutes that say so
            rows.append({"date": (period.end + DAY).isoformat(), "change": "left", **left})
    return sorted(rows, key=lambda r: (r["date"] or "", r["change"] != "left", surname_order(r["person"])))


def _row(group: GroupConfig, period: Membership, person: Person, day: str | None) -> dict[str, Any]:
    row: dict[str, Any] = {} if day is None else {"date": day}
    row.update(
        {
            "group": group.name,
            "group_slug": group.slug,
            "person": period.name,
            "org": period.org or person.org,
            "role": period.role,
            "voting": period.voting,
            "from": period.start.isoformat() if period.start else None,
            "to": period.end.isoformat() if period.end else None,
            "source": f"{period.source}:{period.line}" if period.line else period.source,
        }
    )
    return row


_LEADERS = ("predseda", "predsedkyne", "mistopredseda", "mistopredsedkyne")


def _role_order(role: str | None) -> int:
    """Chairs first, then members, then those without a vote's usual roles."""
    folded = fold(role or "")
    return 0 if folded in _LEADERS else (2 if "host" in folded else 1)


def members_of_any_group(archive: Archive, day: dt.date) -> list[str]:
    """The names of everyone who is a member of some group on `day` (who may be named in public)."""
    return [member.membership.name for group in all_members(archive).values() for member in group.on(day)]
