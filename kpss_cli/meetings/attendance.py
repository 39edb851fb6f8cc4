"""Attendance: who comes, who is excused, who never comes; quorum of each meeting."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..core.config import GroupConfig
from ..core.errors import KpssError
from ..core.i18n import _
from ..core.model import Minutes, Person
from ..core.people import surname_order
from ..core.sorting import czech_sort_key
from ..minutes.parse import parse_person_text
from ..store.archive import Archive

DEFAULT_QUORUM = 0.5  # more than half of the members present


@dataclass
class _Tally:
    person: str
    org: str | None = None
    present: int = 0
    excused: int = 0
    absent: int = 0
    guest: int = 0
    groups: set[str] = field(default_factory=set)

    def row(self) -> dict[str, Any]:
        counted = self.present + self.excused + self.absent
        return {
            "person": self.person,
            "org": self.org,
            "present": self.present,
            "excused": self.excused,
            "absent": self.absent,
            "guest": self.guest,
            "meetings": counted + self.guest,
            "rate": round(self.present / counted, 3) if counted else None,
            "groups": sorted(self.groups),
        }


def members_of(archive: Archive, group: GroupConfig) -> list[Person]:
    """The group's members from kpss.yaml, as people (aliases applied)."""
    return [parse_person_text(member, archive.config) for member in group.members]


def _members_by_slug(archive: Archive) -> dict[str, list[Person]]:
    return {g.slug: members_of(archive, g) for g in archive.config.groups if g.members}


def attendance_of(minutes: Minutes, members: list[Person]) -> dict[str, list[Person]]:
    """Who was present, excused, absent and a guest; members not listed count as absent."""
    listed = {p.key for p in (*minutes.present, *minutes.excused, *minutes.absent)}
    absent = list(minutes.absent)
    if not minutes.attendance_sheet:  # "dle prezenční listiny": kpss cannot tell who was missing
        absent += [m for m in members if m.key not in listed]
    return {"present": minutes.present, "excused": minutes.excused, "absent": absent, "guest": minutes.guests}


def by_person(archive: Archive, selected: Iterable[Minutes]) -> list[dict[str, Any]]:
    """One row per person: meetings present, excused, absent, as a guest; the attendance rate."""
    members = _members_by_slug(archive)
    tallies: dict[str, _Tally] = {}
    for minutes in selected:
        for kind, people in attendance_of(minutes, members.get(minutes.group_slug, [])).items():
            for person in people:
                tally = tallies.setdefault(person.key, _Tally(person.person))
                tally.person = person.person  # the latest spelling (minutes come in date order)
                tally.org = person.org or tally.org
                setattr(tally, kind, getattr(tally, kind) + 1)
                tally.groups.add(minutes.group_slug)
    return sorted((t.row() for t in tallies.values()), key=lambda r: surname_order(r["person"]))


def by_org(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Person rows summed per organisation (people without one under null)."""
    orgs: dict[str | None, dict[str, Any]] = {}
    for row in rows:
        total = orgs.setdefault(
            row["org"], {"org": row["org"], "people": 0, "present": 0, "excused": 0, "absent": 0, "guest": 0}
        )
        total["people"] += 1
        for key in ("present", "excused", "absent", "guest"):
            total[key] += row[key]
    return sorted(orgs.values(), key=lambda r: (r["org"] is None, czech_sort_key(r["org"] or "")))


def by_meeting(
    archive: Archive, selected: Iterable[Minutes], quorum_share: float | None = None
) -> list[dict[str, Any]]:
    """One row per meeting: counts, and whether more than the quorum share of members came."""
    members = _members_by_slug(archive)
    shares = {g.slug: _share(g, archive, quorum_share) for g in archive.config.groups}
    rows = []
    for minutes in selected:
        group_members = members.get(minutes.group_slug, [])
        seen = attendance_of(minutes, group_members)
        member_keys = {m.key for m in group_members}
        present_members = sum(1 for p in minutes.present if p.key in member_keys)
        share = shares.get(minutes.group_slug, quorum_share or DEFAULT_QUORUM)
        rows.append(
            {
                "id": minutes.id,
                "group": minutes.group,
                "group_slug": minutes.group_slug,
                "date": minutes.date.isoformat(),
                "members": len(group_members) or None,
                "present": len(seen["present"]),
                "excused": len(seen["excused"]),
                "absent": len(seen["absent"]),
                "guests": len(seen["guest"]),
                "present_members": present_members if group_members else None,
                # Unknown when the members are known but the minutes only refer to the sheet.
                "quorum": present_members > share * len(group_members)
                if group_members and not minutes.attendance_sheet
                else None,
            }
        )
    return rows


def _share(group: GroupConfig, archive: Archive, override: float | None) -> float:
    if override is not None:
        return override
    value = group.extra.get("quorum", archive.config.extra.get("quorum", DEFAULT_QUORUM))
    return quorum_share(value, archive.config.path or "kpss.yaml")


def quorum_share(value: Any, shown: str) -> float:
    """`quorum` of kpss.yaml as a share: `0.5`, `0,6`, `60 %`, `2/3`."""
    text = str(value).strip().replace(",", ".").replace(" ", "")
    try:
        if text.endswith("%"):
            share = float(text[:-1]) / 100
        elif "/" in text:
            numerator, denominator = text.split("/", 1)
            share = float(numerator) / float(denominator)
        else:
            share = float(text)
    except (ValueError, ZeroDivisionError):
        share = -1.0
    if not 0 <= share <= 1:
        raise KpssError(
            _("quorum must be a share of the members such as 0.5, 60 % or 2/3, not {value!r}").format(
                value=value
            ),
            shown,
        )
    return share


def missed_in_a_row(archive: Archive, selected: list[Minutes], at_least: int) -> list[dict[str, Any]]:
    """Members who were not present at the last `at_least` (or more) meetings of their group."""
    rows = []
    for group in archive.config.groups:
        meetings = [m for m in selected if m.group_slug == group.slug]
        if not meetings or not group.members:
            continue
        for member in members_of(archive, group):
            streak, last = 0, None
            for minutes in reversed(meetings):
                if any(p.key == member.key for p in minutes.present):
                    last = minutes.date
                    break
                if not minutes.attendance_sheet:  # "dle prezenční listiny": kpss cannot tell
                    streak += 1
            if streak >= at_least:
                rows.append(
                    {
                        "person": member.person,
                        "org": member.org,
                        "group": group.name,
                        "group_slug": group.slug,
                        "missed": streak,
                        "last_present": last.isoformat() if last else None,
                    }
                )
    return sorted(rows, key=lambda r: (-r["missed"], r["group_slug"], surname_order(r["person"])))
