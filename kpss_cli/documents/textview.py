"""Plain-text views of one minutes record and one task, for `kpss show` and `kpss task`."""

from __future__ import annotations

from typing import Any

from ..core.i18n import N_, _, ngettext
from ..core.names import people_text
from ..output.formats import clean

# The statuses as people read them; the JSON of `--format json` keeps the English word.
STATUS_WORDS = {
    "open": N_("open"),
    "done": N_("done"),
    "cancelled": N_("cancelled"),
    "draft": N_("draft"),
    "approved": N_("approved"),
}


def _status(status: str) -> str:
    return _(STATUS_WORDS[status]) if status in STATUS_WORDS else status


def _field(label: str, value: Any) -> str:
    """`Label:    value`, the values of a view in one column (labels are longer in Czech)."""
    return f"{label:<10} {value}"


def minutes_view(data: dict[str, Any]) -> str:
    """Return the minutes record `data` (its JSON shape) as readable text."""
    when = " ".join(v for v in (data["date"], data["time"]) if v)
    lines = [f"{data['id']}  ({data['path']})"]
    fields = [
        (_("Group:"), data["group"]),
        (_("Date:"), when),
        (_("Place:"), data["place"]),
        (_("Status:"), _status(data["status"])),
        (
            _("Present:"),
            people_text(data["present"])
            + (_(" (see the attendance sheet)") if data["attendance_sheet"] else ""),
        ),
        (_("Excused:"), people_text(data["excused"])),
        (_("Absent:"), people_text(data["absent"])),
        (_("Guests:"), people_text(data["guests"])),
        (_("Recorder:"), data["recorder"]["name"] if data["recorder"] else None),
        (_("Moderator:"), data["moderator"]["name"] if data["moderator"] else None),
    ]
    lines += [_field(label, value) for label, value in fields if value]
    if data["agenda"]:
        lines.append(_("Agenda:"))
        for number, item in enumerate(data["agenda"], 1):
            presenter = f" ({item['presenter']})" if item["presenter"] else ""
            lines.append(f"  {number}. {item['title']}{presenter}")
    if data["tasks"]:
        lines.append(_("Tasks:"))
        for item in data["tasks"]:
            due = _(", due {due}").format(due=item["due"]) if item["due"] else ""
            deadline = f" ({item['deadline']})" if item["deadline"] else ""
            owner = f" — {item['owner']}" if item["owner"] else ""
            lines.append(f"  {item['id']} [{_status(item['status'])}] {item['task']}{owner}{due}{deadline}")
    if data["updates"]:
        lines.append(_("Updates:"))
        for item in data["updates"]:
            note = f" ({item['note']})" if item["note"] else ""
            lines.append(f"  {item['id']} -> {_status(item['status'])}{note}")
    if data["decisions"]:
        lines.append(_("Decisions:"))
        lines += [f"  - {d}" for d in data["decisions"]]
    if nxt := data["next_meeting"]:
        parts = [nxt["date"], nxt["time"], nxt["place"]] if nxt["date"] else [nxt["text"]]
        lines.append(_field(_("Next:"), ", ".join(p for p in parts if p)))
    for key, value in data["extra"].items():
        lines.append(_field(key + ":", value))
    return "".join(clean(line) + "\n" for line in lines)


def task_view(data: dict[str, Any], shown_root: str) -> str:
    """Return one task with its history (the JSON shape of `kpss task`) as readable text."""
    prefix = "" if shown_root == "." else shown_root.rstrip("/") + "/"
    days = data.get("days_overdue")
    overdue = (
        ngettext(", {days} day overdue", ", {days} days overdue", days).format(days=days) if days else ""
    )
    place = f"{prefix}{data['path']}:{data['line']}"
    deadline = _(" (deadline {deadline})").format(deadline=data["deadline"]) if data["deadline"] else ""
    lines = [
        f"{data['id']}: {data['task']}",
        _field(_("Group:"), data["group"]),
        _field(_("Set:"), _("{date} at {place}").format(date=data["meeting_date"], place=place)),
        _field(_("Owner:"), data["owner"] or ""),
        _field(_("Due:"), (data["due"] or "") + deadline),
        _field(_("Status:"), f"{_status(data['status'])}{overdue}"),
        _("History:"),
    ]
    # Each step's deadline as written, when a later meeting gave the task a new one.
    moved = any(change.get("due") for change in data["history"][1:])
    for change in data["history"]:
        due = _(" (due: {due})").format(due=change["due"]) if moved and change.get("due") else ""
        note = f" — {change['note']}" if change["note"] else ""
        lines.append(
            f"  {change['date']}  {_status(change['status']):<10} {prefix}{change['path']}:{change['line']}{due}{note}"
        )
    return "".join(clean(line) + "\n" for line in lines)
