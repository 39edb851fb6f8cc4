"""The yearly monitoring of a plan (§ 3h of the social services act): per measure its state at
the end of the year (or on the day asked, within it), its indicators against their targets,
and the evidence of the year in the minutes; the shares of measures by state per priority and
overall. The measures without any activity in the year come first: they are what a
coordinator must chase."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..core.model import PLAN_STATES, Minutes
from ..core.plan import Plan, PlanItem
from .state import STATE_WORDS, Links, indicator_values, states, status_on


def monitoring_day(year: int, today: dt.date) -> dt.date:
    """The day a report of `year` is taken on: the year's last day, or today when that is
    earlier and within the year."""
    last = dt.date(year, 12, 31)
    return today if today.year == year and today < last else last


def _mention(item_id: str) -> re.Pattern[str]:
    """`opatření 2.1` (or `opatření č. 2.1`, `measure 2.1`) in a decision's text."""
    return re.compile(
        r"(?:opat[řr]en[íi]\w*|measures?)\s+(?:č\.\s*)?" + re.escape(item_id) + r"(?![\w.]\w|\.\d)",
        re.IGNORECASE,
    )


def shares(counts: dict[str, int], total: int) -> dict[str, float]:
    """Per state, its share of `total` in per cent, to one decimal place."""
    return {s: round(100 * counts[s] / total, 1) if total else 0.0 for s in PLAN_STATES}


def _counts(rows: list[dict[str, Any]]) -> dict[str, Any]:
    counts = dict.fromkeys(PLAN_STATES, 0)
    for row in rows:
        counts[row["state"]] += 1
    return {"measures": len(rows), **counts, "shares": shares(counts, len(rows))}


def monitor(
    plan: Plan, linked: Links, minutes: list[Minutes], year: int, today: dt.date, config: Any = None
) -> dict[str, Any]:
    """The monitoring report of `plan` for `year` (docs/plan.md gives its shape); `config`
    (kpss.yaml's) names the responsible groups."""
    day = monitoring_day(year, today)
    start = dt.date(year, 1, 1)
    found = states(plan, linked, day)
    in_year = [m for m in minutes if start <= m.date <= day]
    rows = [_measure(plan, item, linked, in_year, start, day, found) for item in plan.measures()]
    for row in rows:
        known = config.find_group(row["group"]) if config is not None and row["group"] else None
        row["group_name"] = known.name if known is not None else row["group"]
    ordered = [r for r in rows if not r["active"]] + [r for r in rows if r["active"]]
    priorities = []
    for top in plan.items:
        own = [r for r in rows if r["priority"] == top.id]
        priorities.append({"id": top.id, "title": top.title, "state": found[top.id], **_counts(own)})
    return {
        "plan": {"id": plan.id, "name": plan.name, "period": plan.period, "levels": plan.levels},
        "year": year,
        "day": day.isoformat(),
        "measures": ordered,
        "inactive": sum(1 for r in rows if not r["active"]),
        "priorities": priorities,
        "overall": _counts(rows),
    }


def _measure(
    plan: Plan,
    item: PlanItem,
    linked: Links,
    in_year: list[Minutes],
    start: dt.date,
    day: dt.date,
    found: dict[str, str],
) -> dict[str, Any]:
    ids = {i.id for i in item.walk()}
    tasks = [t for i in ids for t in linked.tasks.get(i, ()) if t.meeting_date <= day]
    tasks.sort(key=lambda t: (t.meeting_date, t.minutes_id, t.line))
    entries = [e for i in ids for e in linked.entries.get(i, ()) if start <= e.minutes.date <= day]
    entries.sort(key=lambda e: e.key)
    discussed: set[str] = {e.minutes.id for e in entries}
    for task in tasks:
        if task.meeting_date >= start:
            discussed.add(task.minutes_id)
        discussed.update(c.minutes_id for c in task.history[1:] if start <= c.date <= day)
    pattern = _mention(item.id)
    decisions: list[dict[str, str]] = []
    for record in in_year:
        hits = [d for d in record.decisions if pattern.search(d)]
        if hits:
            discussed.add(record.id)
            decisions.extend({"minutes": record.id, "date": record.date.isoformat(), "text": d} for d in hits)
    dates = {m.id: m.date for m in in_year}
    priority = plan.priority(item)
    state = found[item.id]
    return {
        "id": item.id,
        "title": item.title,
        "level": item.level,
        "priority": priority.id,
        "priority_title": priority.title,
        "group": plan.responsible(item),
        "state": state,
        "state_label": STATE_WORDS[state],
        "active": bool(discussed),
        "indicators": indicator_values(item, linked, day),
        "minutes": sorted(discussed, key=lambda m: (dates.get(m, start), m)),
        "progress": [
            {
                "minutes": e.minutes.id,
                "date": e.minutes.date.isoformat(),
                "measure": e.progress.measure,
                "state": e.progress.state,
                "value": e.progress.value,
                "indicator": e.progress.indicator,
                "note": e.progress.note,
            }
            for e in entries
        ],
        "tasks": [
            {
                "id": t.id,
                "task": t.text,
                "owner": t.owner,
                "due": t.due,
                "status": status_on(t, day),
                "minutes": t.minutes_id,
                "measure": t.measure,
            }
            for t in tasks
        ],
        "decisions": decisions,
    }


def monitor_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The report's measures as flat rows (CSV): one per measure, indicators joined."""
    rows = []
    for m in report["measures"]:
        rows.append(
            {
                "id": m["id"],
                "title": m["title"],
                "priority": m["priority"],
                "group": m["group"],
                "state": m["state"],
                "active": m["active"],
                "indicators": [
                    f"{i['name']}: {_number(i['value'])} / {_number(i['target'])}"
                    + (f" {i['unit']}" if i["unit"] else "")
                    for i in m["indicators"]
                ],
                "minutes": len(m["minutes"]),
                "tasks": len(m["tasks"]),
                "open_tasks": sum(1 for t in m["tasks"] if t["status"] == "open"),
                "decisions": len(m["decisions"]),
            }
        )
    return rows


def _number(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
