"""`kpss attendance` (by person) after an edit: only the people the change affects counted
again (issue #25).

A person's row (meetings expected, present, excused…, the longest run missed) depends on every
meeting of theirs in the archive's order, across groups; counting every meeting again after an
edit of one took about eight times a warm run. So the index keeps, beside the view
`attendance` (store/viewtable.py), two tables of its own that outlive the snapshot:

- MEETINGS, one row per minutes (its path; bucket: its folder's, as in the view's table): its
  date, id and group, a digest of its value in the view, whether it records joins or leaves,
  and the keys of the people its counting touches;
- PEOPLE, one row per person (their key; bucket: of the key): what each meeting of theirs does
  to their tally (attendance.meeting_steps), in the archive's order, with its date and group;

and a state: the view table's digests they were made of, a digest of the configuration, their
own digests, the paths of the minutes that record joins or leaves. Each question (a group,
`--since`, `--until`) keeps its rows per bucket of PEOPLE and its number of meetings per bucket
of MEETINGS, with the digests of the two tables it was counted from.

After a change the view's table is brought up to date as ever (loading.view_version); here the
buckets of it whose digests moved are read, the minutes whose values changed found, their
attendance taken again against the members of their group on their date, and the rows of
their people (before and after) in PEOPLE rewritten; then each question counts again only the
people of the buckets of PEOPLE that changed. A change of kpss.yaml's meaning, of what a
minutes says of who joins or leaves (the members of every meeting of its group may change), or
of more than MOST_CHANGES buckets makes the tables again from the whole view.
"""

from __future__ import annotations

import datetime as dt
import marshal
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..core.errors import KpssError
from ..core.model import Minutes
from ..core.people import surname_order
from ..store import viewtable
from ..store.archive import Archive, TaskSnapshot, printable, resolve_root
from ..store.index import KEPT, Index, Rollback, blake2b, bucket, encode
from ..store.loading import handed, open_index, walk_archive
from ..store.packing import MARSHAL_VERSION, unpack_attendance
from ..store.snapshot import fingerprint, from_parts
from .attendance import Step, meeting_attendance, meeting_steps, take_steps
from .membership import all_members
from .query import group_slugs

# Beyond this many changed buckets the tables are made again from the whole view.
MOST_CHANGES = 200
# A person's events: (date's ordinal, minutes id, the view's bucket, path, group, the person's
# place among the people of the meeting's steps, the steps).
Event = tuple[int, str, int, str, str, int, tuple[Step, ...]]


def _names(shown_root: str) -> tuple[str, str, str, str]:
    root = printable(shown_root)
    return (
        f"{KEPT}count\0meetings\0{root}",
        f"{KEPT}count\0people\0{root}",
        f"{KEPT}count\0state\0{root}",
        f"{KEPT}count\0person\0{root}\0",
    )


def by_person(
    archive: str | os.PathLike[str] | None,
    group: str | None,
    since: dt.date | None,
    until: dt.date | None,
    held: list[Minutes] | None = None,
) -> tuple[TaskSnapshot, list[dict[str, Any]], int] | None:
    """(the archive's problems, groups and configuration; the rows of `kpss attendance` by
    person of the minutes of `group` between `since` and `until`; how many minutes those are)
    from the tables kept, brought up to date with the view `attendance`'s table; None when
    that table is not of the archive as it is (it is then made by loading the view). `held`:
    the records of the view just loaded (load_attendance), taken when the tables are made
    whole instead of unpacking the view's table again."""
    root, shown_root = resolve_root(archive)
    walk = handed.get(root) or walk_archive(root)
    if walk[1]:
        return None
    digest = fingerprint(walk[0], walk[1])
    del walk
    index = open_index(root, shown_root)
    if index is None:
        return None
    try:
        parts = index.snapshot(digest, ("head",))
        view = viewtable.kind("attendance", shown_root)
        kept = index.kept_part(view)
        if parts is None or kept is None or kept[0] != digest:
            return None
        view_digests: dict[int, bytes] = marshal.loads(kept[1])["digests"]
        head = from_parts({"head": parts["head"]}, root, shown_root)
        head.tasks = []
        configured = blake2b(
            repr(marshal.loads(parts["head"])["config"]).encode("utf-8", "surrogatepass")
        ).digest()
        try:
            slugs = sorted(group_slugs(head, group)) if group else None
        except KpssError:
            return None  # the load says so, as ever
        with index.transaction():
            state = _up_to_date(index, head, shown_root, view, view_digests, configured, held)
            if state is None:
                raise Rollback
            rows, meetings = _question(index, shown_root, state, slugs, since, until)
        return head, rows, meetings
    except Rollback:
        return None
    except Exception:  # whatever it was, the index is not to be trusted: rebuilt
        index.damaged = True
        return None
    finally:
        index.close()


def _digest_of(ordinal: int, minutes_id: str, value: Any) -> bytes:
    """A digest of a minutes' value in the view (of its text: marshal's bytes of one value
    differ with how many references to its parts there are)."""
    return blake2b(
        repr((ordinal, minutes_id, value)).encode("utf-8", "surrogatepass"), digest_size=16
    ).digest()


def _archive(head: TaskSnapshot, minutes: list[Minutes]) -> Archive:
    """An archive of the head's configuration holding `minutes` (in the archive's order)."""
    result = Archive(Path(head.root), head.shown_root, head.config)
    result.minutes = minutes
    result.group_names = head.group_names
    return result


def _changed(before: dict[int, bytes], now: dict[int, bytes]) -> set[int]:
    return {number for number in before.keys() | now.keys() if before.get(number) != now.get(number)}


def _up_to_date(
    index: Index,
    head: TaskSnapshot,
    shown_root: str,
    view: str,
    view_digests: dict[int, bytes],
    configured: bytes,
    held: list[Minutes] | None = None,
) -> dict[str, Any] | None:
    """In a transaction: the state of MEETINGS and PEOPLE made of the view's table as
    `view_digests` says it is; None when a table is not as its digests say."""
    meetings_kind, people_kind, state_name, _question_prefix = _names(shown_root)
    kept = index.kept_part(state_name)
    state: dict[str, Any] | None = marshal.loads(kept[1]) if kept is not None else None
    if state is None or state.get("config") != configured:
        return _made(index, head, shown_root, view, view_digests, configured, held)
    changed = _changed(state["view"], view_digests)
    if not changed:
        return state
    if len(changed) > MOST_CHANGES:
        return _made(index, head, shown_root, view, view_digests, configured, held)
    now_rows = index.table(view, view_digests, changed, convert=marshal.loads)
    old_rows = index.table(meetings_kind, state["meetings"], changed, convert=marshal.loads)
    if now_rows is None or old_rows is None:
        return None
    old = {row[0]: row for row in old_rows}
    new: dict[str, tuple[int, str, Any, bytes]] = {}
    stamps: dict[str, Any] = {}
    edited = []
    for rel, stamp, ordinal, minutes_id, value in now_rows:
        if ordinal is None:
            continue
        stamps[rel] = stamp
        if rel in old and old[rel][7] == stamp:  # the view's row as it was: its value too
            new[rel] = (ordinal, minutes_id, value, old[rel][4])
            continue
        new[rel] = (ordinal, minutes_id, value, _digest_of(ordinal, minutes_id, value))
        if rel not in old or old[rel][4] != new[rel][3]:
            edited.append(rel)
    removed = [rel for rel in old if rel not in new]
    if not edited and not removed:
        _keep_state(index, state_name, state, view_digests)
        return state
    records = dict(zip(edited, unpack_attendance([new[rel][2] for rel in edited]), strict=True))
    if any(old[rel][5] for rel in (*removed, *edited) if rel in old) or any(
        m.membership for m in records.values()
    ):  # who joins or leaves changed: every meeting of the group may count otherwise
        return _made(index, head, shown_root, view, view_digests, configured, held)
    # The members of the groups of the edited minutes (of every group when one is not in
    # kpss.yaml: its members come from its minutes alone).
    groups = [head.config.find_group(m.group_slug) for m in records.values()]
    joining = _archive(head, _joining(index, view, view_digests, state["changing"]))
    members = all_members(joining, None if None in groups else {g.slug: g for g in groups if g}.values())
    whole = _archive(head, [])
    steps_of: dict[str, dict[str, list[Step]]] = {}
    for rel in edited:
        steps_of[rel] = meeting_steps(meeting_attendance(whole, records[rel], members))
    people = {key for rel in (*removed, *edited) if rel in old for key in old[rel][6]}
    people.update(key for steps in steps_of.values() for key in steps)
    found = index.table(people_kind, state["people"], {bucket(key) for key in people}, convert=marshal.loads)
    if found is None:
        return None
    events: dict[str, list[Event]] = {key: list(kept_events) for key, kept_events in found if key in people}
    gone = set(removed) | set(edited)
    for key in people:
        events[key] = [event for event in events.get(key, ()) if event[3] not in gone]
    put: dict[bytes, tuple[int, bytes]] = {}
    for rel in edited:
        ordinal, minutes_id, _value, value_digest = new[rel]
        minutes = records[rel]
        place = bucket(rel[: rel.rfind("/") + 1])
        for position, (key, steps) in enumerate(steps_of[rel].items()):
            events[key].append((ordinal, minutes_id, place, rel, minutes.group_slug, position, tuple(steps)))
        data = (
            rel,
            ordinal,
            minutes_id,
            minutes.group_slug,
            value_digest,
            False,
            tuple(steps_of[rel]),
            stamps[rel],
        )
        put[encode(rel)] = (place, marshal.dumps(data, MARSHAL_VERSION))
    drop = {encode(rel): bucket(rel[: rel.rfind("/") + 1]) for rel in removed}
    meetings_digests = index.change_table(meetings_kind, state["meetings"], put, drop)
    people_put: dict[bytes, tuple[int, bytes]] = {}
    people_drop: dict[bytes, int] = {}
    for key, listed in events.items():
        if listed:
            listed.sort(key=_order)
            people_put[encode(key)] = (bucket(key), marshal.dumps((key, listed), MARSHAL_VERSION))
        else:
            people_drop[encode(key)] = bucket(key)
    people_digests = index.change_table(people_kind, state["people"], people_put, people_drop)
    if meetings_digests is None or people_digests is None:
        return None
    state = {**state, "meetings": meetings_digests, "people": people_digests}
    _keep_state(index, state_name, state, view_digests)
    return state


def _order(event: Event) -> tuple[int, str, int, bytes]:
    """As the view puts its minutes in order: by date and id, then as its table holds them
    (by bucket and path: store/viewtable.values sorts them stably)."""
    return event[0], event[1], event[2], encode(event[3])


def _keep_state(index: Index, name: str, state: dict[str, Any], view_digests: dict[int, bytes]) -> None:
    state["view"] = view_digests
    index.put_part("", name, marshal.dumps(state, MARSHAL_VERSION))


def _joining(index: Index, view: str, view_digests: dict[int, bytes], changing: list[str]) -> list[Minutes]:
    """The minutes of `changing` (those that record joins or leaves), in the archive's order."""
    if not changing:
        return []
    wanted = set(changing)
    rows = index.table(
        view, view_digests, {bucket(rel[: rel.rfind("/") + 1]) for rel in changing}, convert=marshal.loads
    )
    if rows is None:
        raise Rollback
    found = sorted(
        ((row[2], row[3], bucket(row[0][: row[0].rfind("/") + 1]), encode(row[0])), row[4])
        for row in rows
        if row[0] in wanted and row[2] is not None
    )
    return unpack_attendance([value for _key, value in found])


def _made(
    index: Index,
    head: TaskSnapshot,
    shown_root: str,
    view: str,
    view_digests: dict[int, bytes],
    configured: bytes,
    held: list[Minutes] | None = None,
) -> dict[str, Any] | None:
    """In a transaction: MEETINGS and PEOPLE made of the whole view's table, and their state.
    The records are `held`'s when they are those of the table's rows (the view just loaded:
    a first run), else unpacked from the rows."""
    meetings_kind, people_kind, state_name, question_prefix = _names(shown_root)
    rows = index.table(view, view_digests, convert=marshal.loads)
    if rows is None:
        return None
    keyed = sorted(
        ((row[2], row[3], bucket(row[0][: row[0].rfind("/") + 1]), encode(row[0])), row)
        for row in rows
        if row[2] is not None
    )
    del rows
    values = [row for _key, row in keyed]
    del keyed
    records = _matching(values, held) if held is not None else None
    if records is None:
        records = unpack_attendance([row[4] for row in values])
    whole = _archive(head, records)
    members = all_members(whole)
    events: dict[str, list[Event]] = {}
    # Equal steps and groups as one object: marshal writes each once per person's row.
    same: dict[Any, Any] = {}
    meetings: list[tuple[bytes, int, bytes]] = []
    changing: list[str] = []
    for row, minutes in zip(values, records, strict=True):
        rel, stamp, ordinal, minutes_id, value = row
        place = bucket(rel[: rel.rfind("/") + 1])
        steps = meeting_steps(meeting_attendance(whole, minutes, members))
        slug = same.setdefault(minutes.group_slug, minutes.group_slug)
        for position, (key, taken) in enumerate(steps.items()):
            kept_steps = tuple(taken)
            events.setdefault(key, []).append(
                (ordinal, minutes_id, place, rel, slug, position, same.setdefault(kept_steps, kept_steps))
            )
        joins = bool(minutes.membership)
        if joins:
            changing.append(rel)
        data = (
            rel,
            ordinal,
            minutes_id,
            minutes.group_slug,
            _digest_of(ordinal, minutes_id, value),
            joins,
            tuple(steps),
            stamp,
        )
        meetings.append((encode(rel), place, marshal.dumps(data, MARSHAL_VERSION)))
    index.drop_tables(question_prefix)
    meetings_digests = index.fill_table(meetings_kind, meetings)
    people_digests = index.fill_table(
        people_kind,
        (
            (encode(key), bucket(key), marshal.dumps((key, listed), MARSHAL_VERSION))
            for key, listed in events.items()
        ),
    )
    state = {
        "config": configured,
        "meetings": meetings_digests,
        "people": people_digests,
        "changing": changing,
    }
    _keep_state(index, state_name, state, view_digests)
    return state


def _matching(rows: list[Any], held: list[Minutes]) -> list[Minutes] | None:
    """The records of `held` of the view's table's `rows`, in their order; None unless each
    row has its record (same path, date and id) and no record is left over."""
    if len(held) != len(rows):
        return None
    by_path = {minutes.path: minutes for minutes in held}
    records = []
    for rel, _stamp, ordinal, minutes_id, _value in rows:
        minutes = by_path.get(rel)
        if minutes is None or minutes.id != minutes_id or minutes.date.toordinal() != ordinal:
            return None
        records.append(minutes)
    return records


def _question(
    index: Index,
    shown_root: str,
    state: dict[str, Any],
    slugs: list[str] | None,
    since: dt.date | None,
    until: dt.date | None,
) -> tuple[list[dict[str, Any]], int]:
    """In a transaction: the rows of the question (group slugs, since, until) and how many
    minutes it counts, its rows and counts per bucket kept and counted again only where the
    tables changed since."""
    meetings_kind, people_kind, _state_name, prefix = _names(shown_root)
    first = since.toordinal() if since else None
    last = until.toordinal() if until else None
    chosen = set(slugs) if slugs is not None else None

    def selected(ordinal: int, slug: str) -> bool:
        return (
            (chosen is None or slug in chosen)
            and (first is None or ordinal >= first)
            and (last is None or ordinal <= last)
        )

    name = prefix + repr((slugs, first, last))
    kept = index.kept_part(name)
    basis: dict[str, Any] = (
        marshal.loads(kept[1])
        if kept is not None
        else {"people": {}, "meetings": {}, "rows": {}, "counts": {}}
    )
    people_changed = _changed(basis["people"], state["people"])
    meetings_changed = _changed(basis["meetings"], state["meetings"])
    rows: dict[int, dict[str, tuple[Any, dict[str, Any]]]] = basis["rows"]
    counts: dict[int, int] = basis["counts"]
    if people_changed:
        found = index.table(people_kind, state["people"], people_changed, convert=marshal.loads)
        if found is None:
            raise Rollback
        for number in people_changed:
            rows.pop(number, None)
        for key, events in found:
            row = _row(events, selected)
            if row is not None:
                rows.setdefault(bucket(key), {})[key] = row
    if meetings_changed:
        found = index.table(meetings_kind, state["meetings"], meetings_changed, convert=marshal.loads)
        if found is None:
            raise Rollback
        for number in meetings_changed:
            counts.pop(number, None)
        for row in found:
            if selected(row[1], row[3]):
                number = bucket(row[0][: row[0].rfind("/") + 1])
                counts[number] = counts.get(number, 0) + 1
    if people_changed or meetings_changed or kept is None:
        basis = {"people": state["people"], "meetings": state["meetings"], "rows": rows, "counts": counts}
        index.keep_part("", prefix, name, marshal.dumps(basis, MARSHAL_VERSION))
    # By surname, then as the people first came (attendance._rows_of sorts the tallies so).
    answer = [row for _key, row in sorted(row for found in rows.values() for row in found.values())]
    return answer, sum(counts.values())


def _row(events: Iterable[Event], selected: Callable[[int, str], bool]) -> tuple[Any, dict[str, Any]] | None:
    """(its place in the answer's order, a person's row) of the meetings of theirs `selected`
    chooses (attendance._Tally.row): by surname, then by where they first came (the meeting,
    and their place among its people)."""
    tally = None
    first = None
    for ordinal, minutes_id, place, rel, slug, position, steps in events:
        if selected(ordinal, slug):
            if first is None:
                first = (ordinal, minutes_id, place, encode(rel), position)
            tally = take_steps(tally, steps, slug)
    if tally is None:
        return None
    row = tally.row()
    return (surname_order(row["person"]), first), row
