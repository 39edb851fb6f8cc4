"""Plain-text views of one minutes record and one task, for `kpss show` and `kpss task`."""

from __future__ import annotations

from typing import Any

from ..core.names import people_text
from ..output.formats import clean


def minutes_view(data: dict[str, Any]) -> str:
    """Return the minutes record `data` (its JSON shape) as readable text."""
    when = " ".join(v for v in (data["date"], data["time"]) if v)
    lines = [f"{data['id']}  ({data['path']})"]
    fields = [
        ("Group", data["group"]),
        ("Date", when),
        ("Place", data["place"]),
        ("Status", data["status"]),
        (
            "Present",
            people_text(data["present"])
            + (" (see the attendance sheet)" if data["attendance_sheet"] else ""),
        ),
        ("Excused", people_text(data["excused"])),
        ("Absent", people_text(data["absent"])),
        ("Guests", people_text(data["guests"])),
        ("Recorder", data["recorder"]["name"] if data["recorder"] else None),
        ("Moderator", data["moderator"]["name"] if data["moderator"] else None),
    ]
    lines += [f"{label + ':':<11}{value}" for label, value in fields if value]
    if data["agenda"]:
        lines.append("Agenda:")
        for number, item in enumerate(data["agenda"], 1):
            presenter = f" ({item['presenter']})" if item["presenter"] else ""
            lines.append(f"  {number}. {item['title']}{presenter}")
    if data["tasks"]:
        lines.append("Tasks:")
        for item in data["tasks"]:
            due = f", due {item['due']}" if item["due"] else ""
            deadline = f" ({item['deadline']})" if item["deadline"] else ""
            owner = f" — {item['owner']}" if item["owner"] else ""
            lines.append(f"  {item['id']} [{item['status']}] {item['task']}{owner}{due}{deadline}")
    if data["updates"]:
        lines.append("Updates:")
        for item in data["updates"]:
            note = f" ({item['note']})" if item["note"] else ""
            lines.append(f"  {item['id']} -> {item['status']}{note}")
    if data["decisions"]:
        lines.append("Decisions:")
        lines += [f"  - {d}" for d in data["decisions"]]
    if nxt := data["next_meeting"]:
        parts = [nxt["date"], nxt["time"], nxt["place"]] if nxt["date"] else [nxt["text"]]
        lines.append(f"{'Next:':<11}" + ", ".join(p for p in parts if p))
    for key, value in data["extra"].items():
        lines.append(f"{key + ':':<11}{value}")
    return "".join(clean(line) + "\n" for line in lines)


def task_view(data: dict[str, Any], shown_root: str) -> str:
    """Return one task with its history (the JSON shape of `kpss task`) as readable text."""
    prefix = "" if shown_root == "." else shown_root.rstrip("/") + "/"
    overdue = f", {data['days_overdue']} days overdue" if data.get("days_overdue") else ""
    lines = [
        f"{data['id']}: {data['task']}",
        f"{'Group:':<11}{data['group']}",
        f"{'Set:':<11}{data['meeting_date']} at {prefix}{data['path']}:{data['line']}",
        f"{'Owner:':<11}{data['owner'] or ''}",
        f"{'Due:':<11}{data['due'] or ''}" + (f" (deadline {data['deadline']})" if data["deadline"] else ""),
        f"{'Status:':<11}{data['status']}{overdue}",
        "History:",
    ]
    # Each step's deadline as written, when a later meeting gave the task a new one.
    moved = any(change.get("due") for change in data["history"][1:])
    for change in data["history"]:
        due = f" (due: {change['due']})" if moved and change.get("due") else ""
        note = f" — {change['note']}" if change["note"] else ""
        lines.append(
            f"  {change['date']}  {change['status']:<10} {prefix}{change['path']}:{change['line']}{due}{note}"
        )
    return "".join(clean(line) + "\n" for line in lines)
