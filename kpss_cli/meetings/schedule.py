"""Meeting schedules from kpss.yaml: explicit dates and recurrence rules, Czech holidays skipped."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from dateutil.easter import easter
from dateutil.rrule import rrulestr

from ..core.config import GroupConfig
from ..core.dates import parse_date
from ..core.errors import KpssError, Problem
from ..core.i18n import N_, _
from ..core.model import Minutes
from ..store.archive import Archive

RULE_EPOCH = dt.date(2000, 1, 1)
# Czech public holidays with a fixed date (zákon č. 245/2000 Sb.), as (month, day).
_FIXED_HOLIDAYS = {
    (1, 1),
    (5, 1),
    (5, 8),
    (7, 5),
    (7, 6),
    (9, 28),
    (10, 28),
    (11, 17),
    (12, 24),
    (12, 25),
    (12, 26),
}


@lru_cache(maxsize=256)
def czech_holidays(year: int) -> frozenset[dt.date]:
    """Czech public holidays of `year`, Good Friday and Easter Monday included."""
    sunday = easter(year)
    movable = {sunday - dt.timedelta(days=2), sunday + dt.timedelta(days=1)}
    return frozenset({dt.date(year, m, d) for m, d in _FIXED_HOLIDAYS} | movable)


def is_holiday(day: dt.date) -> bool:
    """True on a Czech public holiday."""
    return day in czech_holidays(day.year)


def planned_dates(group: GroupConfig, start: dt.date, end: dt.date) -> list[dt.date]:
    """The group's planned meeting dates from `start` to `end` (inclusive), sorted.

    `schedule` in kpss.yaml holds `dates` (a list), and/or `rule` (an RFC 5545 RRULE such as
    `FREQ=MONTHLY;INTERVAL=2;BYDAY=+3WE`) with `from` and optional `until`; `skip_holidays`
    (default true) drops dates a rule puts on Czech public holidays.
    """
    schedule = group.schedule
    if not schedule:
        return []
    if isinstance(schedule, list):
        schedule = {"dates": schedule}
    if not isinstance(schedule, dict):
        raise KpssError(
            _("the schedule of group '{slug}' must be a mapping with 'dates' and/or 'rule'").format(
                slug=group.slug
            )
        )
    found = {d for d in _explicit(group, schedule.get("dates") or []) if start <= d <= end}
    if rule := schedule.get("rule"):
        found |= _from_rule(group, str(rule), schedule, start, end)
    return sorted(found)


def unreadable_schedules(archive: Archive) -> dict[str, Problem]:
    """An error for each group (by slug) whose `schedule` kpss cannot read, where kpss.yaml
    gives the group: that group's planned meetings are unknown, the others' are still found."""
    problems = {}
    for group in archive.config.groups:
        if group.schedule:
            try:
                planned_dates(group, RULE_EPOCH, RULE_EPOCH)
            except KpssError as exc:
                path = archive.config.path or "kpss.yaml"
                problems[group.slug] = Problem(path, group.line, "error", "bad-schedule", exc.message)
    return problems


def _date(group: GroupConfig, value: Any, what: str) -> dt.date:
    day = parse_date(str(value))
    if day is None:
        raise KpssError(
            _("the schedule of group '{slug}': {what} {value!r} is not a date").format(
                slug=group.slug, what=what, value=value
            )
        )
    return day


def _explicit(group: GroupConfig, values: Any) -> list[dt.date]:
    if not isinstance(values, list):
        raise KpssError(_("the schedule of group '{slug}': 'dates' must be a list").format(slug=group.slug))
    return [_date(group, value, "date") for value in values]


def _from_rule(
    group: GroupConfig, rule: str, schedule: dict[str, Any], start: dt.date, end: dt.date
) -> set[dt.date]:
    # Without `from`, a rule counts from a fixed day, so that "every other month" means the
    # same months whatever period is asked about.
    first = _date(group, schedule["from"], "'from'") if schedule.get("from") else RULE_EPOCH
    last = _date(group, schedule["until"], "'until'") if schedule.get("until") else end
    try:
        recurrence = rrulestr(rule.removeprefix("RRULE:"), dtstart=dt.datetime.combine(first, dt.time()))
    except (ValueError, TypeError) as exc:
        # dateutil names the part it could not read (`invalid 'BYDAY': XX`); other words are Python's.
        detail = f"{exc}; " if str(exc).startswith(("invalid", "unknown", "unsupported")) else ""
        raise KpssError(
            _(
                "the schedule of group '{slug}': rule {rule!r} is not an RRULE ({detail}e.g. {example})"
            ).format(slug=group.slug, rule=rule, detail=detail, example="FREQ=MONTHLY;BYDAY=+3WE")
        ) from None
    window_start = dt.datetime.combine(max(start, first), dt.time())
    window_end = dt.datetime.combine(min(end, last), dt.time())
    if window_start > window_end:
        return set()
    skip = schedule.get("skip_holidays", True) is not False
    days = {moment.date() for moment in recurrence.between(window_start, window_end, inc=True)}
    return {d for d in days if not (skip and is_holiday(d))}


MOVED = 10  # days a meeting may move from its planned date and still count as that meeting


def meetings(
    archive: Archive, start: dt.date, end: dt.date, today: dt.date, slugs: set[str] | None = None
) -> list[dict[str, Any]]:
    """Planned meetings and minutes from `start` to `end`, matched up, one row each.

    `status` is `held` (minutes on the planned day), `moved` (minutes up to MOVED days from
    it), `missing` (a past planned day without minutes), `planned` (still to come), or
    `off-schedule` (minutes that match no planned day of a group with a schedule);
    groups without a schedule have their minutes as `held`.
    """
    config = archive.config
    by_group: dict[str, list[Minutes]] = {}
    for minutes in archive.minutes:
        by_group.setdefault(minutes.group_slug, []).append(minutes)
    rows: list[dict[str, Any]] = []
    groups = {g.slug: g for g in config.groups}
    for slug in sorted(set(groups) | set(by_group)):
        if slugs is not None and slug not in slugs:
            continue
        group = groups.get(slug)
        held = [
            m
            for m in by_group.get(slug, [])
            if start - dt.timedelta(days=MOVED) <= m.date <= end + dt.timedelta(days=MOVED)
        ]
        planned = planned_dates(group, start, end) if group else []
        used: set[str] = set()
        for day in planned:
            candidates = [m for m in held if m.id not in used and abs((m.date - day).days) <= MOVED]
            match = min(candidates, key=lambda m: (abs((m.date - day).days), m.id), default=None)
            if match is not None:
                used.add(match.id)
                rows.append(
                    _row(
                        match.group,
                        slug,
                        match.date,
                        day,
                        "held" if match.date == day else "moved",
                        match,
                        group,
                    )
                )
            else:
                name = group.name if group else slug
                rows.append(_row(name, slug, day, day, "missing" if day < today else "planned", None, group))
        for minutes in held:
            if minutes.id not in used and start <= minutes.date <= end:
                status = "off-schedule" if group is not None and group.schedule else "held"
                rows.append(_row(minutes.group, slug, minutes.date, None, status, minutes, group))
    return sorted(rows, key=lambda r: (r["date"], r["group_slug"], r["minutes"] or ""))


# A planned meeting's status, as tables show it (in JSON, CSV and TSV the English word).
STATUSES = (N_("held"), N_("moved"), N_("missing"), N_("planned"), N_("off-schedule"))


def _row(
    name: str,
    slug: str,
    day: dt.date,
    planned: dt.date | None,
    status: str,
    minutes: Minutes | None,
    group: GroupConfig | None,
) -> dict[str, Any]:
    usual_time = group.time if group else None
    usual_place = group.place if group else None
    return {
        "date": day.isoformat(),
        "time": (minutes.time if minutes else None) or usual_time,
        "group": name,
        "group_slug": slug,
        "place": (minutes.place if minutes else None) or usual_place,
        "status": status,
        "planned": planned.isoformat() if planned else None,
        "minutes": minutes.id if minutes else None,
        "path": minutes.path if minutes else None,
    }
