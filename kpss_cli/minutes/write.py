"""A minutes record (its JSON shape) written back as a minutes file, in canonical keys."""

from __future__ import annotations

import json
from typing import Any

_PEOPLE = ("present", "excused", "absent", "guests")


def _quote(value: Any) -> str:
    """A double-quoted YAML scalar (JSON quoting is valid YAML): safe for `:`, `#`, `no`."""
    return json.dumps(str(value), ensure_ascii=False)


def _person(person: dict[str, Any]) -> str:
    fields = {"name": person["name"], "org": person.get("org"), "role": person.get("role")}
    return "{" + ", ".join(f"{key}: {_quote(value)}" for key, value in fields.items() if value) + "}"


def minutes_text(data: dict[str, Any]) -> str:
    """The file for `data` (the shape of `kpss show --format json`); parsing it gives `data` back.

    Tasks and updates written in the body stay in the body; tasks keep an explicit `id` only
    where it differs from their position.
    """
    lines = ["---", f"group: {_quote(data['group'])}", f"date: {data['date']}"]
    for key in ("time", "place", "status"):
        if data.get(key):
            lines.append(f"{key}: {_quote(data[key])}")
    for key in _PEOPLE:
        people = [_person(p) for p in data.get(key) or []]
        if key == "present" and data.get("attendance_sheet"):
            people.append(_quote("dle prezenční listiny"))
        if people:
            lines.append(f"{key}:")
            lines += [f"  - {p}" for p in people]
    for key in ("recorder", "moderator"):
        if data.get(key):
            lines.append(f"{key}: {_person(data[key])}")
    if data.get("agenda"):
        lines.append("agenda:")
        for item in data["agenda"]:
            presenter = f", presenter: {_quote(item['presenter'])}" if item.get("presenter") else ""
            lines.append(f"  - {{title: {_quote(item['title'])}{presenter}}}")
    own_tasks = [t for t in data.get("tasks", []) if t.get("source", "front_matter") == "front_matter"]
    if own_tasks:
        lines.append("tasks:")
        for position, task in enumerate(own_tasks, 1):
            lines.append(f"  - task: {_quote(task['task'])}")
            if not task["id"].endswith(f"#{position}"):
                lines.append(f"    id: {_quote(task['id'])}")
            for key in ("owner", "due"):
                if task.get(key):
                    lines.append(f"    {key}: {_quote(task[key])}")
            if task.get("status", "open") != "open":
                lines.append(f"    status: {task['status']}")
    own_updates = [u for u in data.get("updates", []) if u.get("source", "front_matter") == "front_matter"]
    if own_updates:
        lines.append("updates:")
        for update in own_updates:
            note = f", note: {_quote(update['note'])}" if update.get("note") else ""
            lines.append(f"  - {{id: {_quote(update['id'])}, status: {update['status']}{note}}}")
    if data.get("decisions"):
        lines.append("decisions:")
        lines += [f"  - {_quote(d)}" for d in data["decisions"]]
    if nxt := data.get("next_meeting"):
        fields = {k: nxt.get(k) for k in ("date", "time", "place") if nxt.get(k)}
        if fields:
            lines.append("next_meeting: {" + ", ".join(f"{k}: {_quote(v)}" for k, v in fields.items()) + "}")
    for key, value in data.get("extra", {}).items():
        lines.append(f"{_quote(key)}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    body = data.get("body") or ""
    return "\n".join(lines) + "\n" + body
