"""The community plan files of an archive: `plan/*.yaml`, read safely (FORMAT.md 1.1).

A plan file with a cycle, a duplicate id or an unknown level is reported as an error with its
file and line; the item at fault (with what hangs below it) is left out, and the rest of the
plan and of the archive is still read.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from ..core.errors import Problem
from ..core.i18n import _
from ..core.names import fold
from ..core.plan import Indicator, Plan, PlanItem, read_value
from ..minutes.yamldata import YamlProblem
from ..minutes.yamlsafe import load_yaml
from .config import PLAN_FOLDER
from .files import read_regular

MAX_PLAN = 4 * 1024 * 1024  # a plan of a region holds a few hundred items


def _table(spellings: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {fold(word.replace("_", " ")): key for key, words in spellings.items() for word in (key, *words)}


PLAN_KEYS = _table(
    {"plan": ("plán", "název"), "period": ("období",), "levels": ("úrovně",), "items": ("položky",)}
)
ITEM_KEYS = _table(
    {
        "id": ("číslo",),
        "title": ("název",),
        "group": ("skupina",),
        "indicators": ("ukazatele",),
        "budget": ("rozpočet",),
        "items": ("položky",),
        "level": ("úroveň",),
        "parent": ("nadřazená", "nadřazené"),
    }
)
INDICATOR_KEYS = _table(
    {
        "name": ("název",),
        "unit": ("jednotka",),
        "baseline": ("výchozí",),
        "target": ("cíl",),
        "year": ("rok",),
    }
)
_PERIOD = re.compile(r"^\s*(\d{4})\s*(?:[-–—/]\s*(\d{4}))?\s*$")


def plan_files(root: str) -> list[str]:
    """The plan files of the archive at `root` (relative paths, sorted)."""
    try:
        names = sorted(entry.name for entry in Path(root, PLAN_FOLDER).iterdir())
    except OSError:
        return []
    return [f"{PLAN_FOLDER}/{n}" for n in names if n.endswith((".yaml", ".yml")) and not n.startswith(".")]


def load_plans(root: str, shown_root: str) -> tuple[list[Plan], list[Problem]]:
    """Every plan of the archive, sorted by period, and the problems found in their files."""
    plans: list[Plan] = []
    problems: list[Problem] = []
    for rel in plan_files(root):
        shown = rel if shown_root == "." else f"{shown_root}/{rel}"  # as archive.shown_path
        found: list[Problem] = []
        plan = read_plan(os.path.join(root, rel), shown, found)
        problems.extend(sorted(found, key=lambda p: p.line or 0))
        if plan is not None:
            plans.append(plan)
    plans.sort(key=lambda p: (p.start or 0, p.end or 0, p.id))
    return plans, problems


def read_plan(path: str, shown: str, problems: list[Problem]) -> Plan | None:
    """The plan in the file `path` (named `shown` in messages); its problems go to `problems`."""

    def error(line: int | None, code: str, message: str) -> None:
        problems.append(Problem(shown, line, "error", code, message))

    try:
        data = read_regular(path, MAX_PLAN)
        if len(data) > MAX_PLAN:
            error(
                1,
                "plan-invalid",
                _("the plan file is over {max_plan} MiB").format(max_plan=MAX_PLAN // 1024 // 1024),
            )
            return None
        text = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except (OSError, UnicodeDecodeError) as exc:
        error(1, "plan-invalid", _("cannot read the plan: {exc}").format(exc=exc))
        return None
    try:
        document = load_yaml(text, MAX_PLAN, "the plan")
    except YamlProblem as exc:
        error(exc.line + 1 if exc.line is not None else 1, "plan-yaml", exc.message)
        return None
    if not isinstance(document, dict):
        error(1, "plan-invalid", _("a plan must be a mapping with 'plan', 'period', 'levels' and 'items'"))
        return None
    fields, lines = _remap(document, PLAN_KEYS)
    levels = fields.get("levels")
    if not isinstance(levels, list) or not 2 <= len(levels) <= 4 or not all(_text(v) for v in levels):
        error(lines.get("levels", 1), "plan-invalid", _("'levels' (úrovně) must list 2 to 4 level names"))
        return None
    start, end = None, None
    if (period := _text(fields.get("period"))) is not None:
        if match := _PERIOD.match(period):
            start, end = int(match[1]), int(match[2] or match[1])
        else:
            error(
                lines.get("period", 1),
                "plan-invalid",
                _("'period' is not years: {period!r} (write 2025-2027)").format(period=period),
            )
    items = fields.get("items")
    if items is not None and not isinstance(items, list):
        error(lines.get("items", 1), "plan-invalid", _("'items' (položky) must be a list"))
        items = None
    plan_id = Path(path).stem
    name = _text(fields.get("plan")) or plan_id
    plan = Plan(plan_id, name, start, end, [str(v).strip() for v in levels], path=shown)
    _Builder(plan, error).build(items or [], lines.get("items", 1))
    return plan


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (list, dict)):
        return None
    return str(value).strip() or None


def _remap(
    data: dict[Any, Any], table: dict[str, str], base: int = 1
) -> tuple[dict[str, Any], dict[str, int]]:
    """(values by canonical key, file line of each key); `base` is added to YAML's 0-based lines."""
    yaml_lines: dict[Any, int] = getattr(data, "lines", {})
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key, value in data.items():
        canonical = table.get(fold(str(key).replace("_", " ")), str(key))
        if canonical not in values:
            values[canonical] = value
            lines[canonical] = yaml_lines.get(key, 0) + base
    return values, lines


class _Node:
    """An item as written, before the tree is checked and built."""

    __slots__ = ("id", "parent", "fields", "line", "above", "dropped")

    def __init__(
        self, id: str, parent: str | None, fields: dict[str, Any], line: int, above: _Node | None
    ) -> None:
        self.id = id
        self.parent = parent  # the parent's id
        self.fields = fields
        self.line = line
        self.above = above  # the item it is written below; None at the top (maybe with `parent`)
        self.dropped = False


def _dropped_above(node: _Node) -> bool:
    """True when an item `node` is written below was left out."""
    above = node.above
    while above is not None:
        if above.dropped:
            return True
        above = above.above
    return False


class _Builder:
    """Reads the items of one plan: collects them, then checks ids, parents and levels."""

    def __init__(self, plan: Plan, error: Any) -> None:
        self.plan = plan
        self.error = error
        self.nodes: list[_Node] = []

    def build(self, items: list[Any], line: int) -> None:
        self._collect(items, None, line)
        known: dict[str, _Node] = {}
        for node in self.nodes:
            if node.id in known:
                self.error(
                    node.line,
                    "plan-duplicate-id",
                    _("id {id!r} is already used on line {line}; each item needs its own id").format(
                        id=node.id, line=known[node.id].line
                    ),
                )
                node.dropped = True  # left out, with what hangs below it
            else:
                known[node.id] = node
        depth: dict[str, int | None] = {}  # None: left out
        for node in self.nodes:
            if not node.dropped:
                self._depth(node, known, depth)
        folded = [fold(level) for level in self.plan.levels]
        built: dict[str, PlanItem] = {}
        # Top level first, then each level below (a flat list may name a parent after its
        # children); in the file's order within a level.
        placed = sorted(
            (n for n in self.nodes if not n.dropped and depth.get(n.id) is not None),
            key=lambda n: depth[n.id] or 0,
        )
        for node in placed:
            level_depth = None if node.dropped else depth.get(node.id)
            if level_depth is None:
                continue
            if node.parent is not None and (node.parent not in built or _dropped_above(node)):
                node.dropped = True  # its parent was left out
                continue
            if level_depth >= len(self.plan.levels):
                self.error(
                    node.line,
                    "plan-unknown-level",
                    _(
                        "item {id} is at level {level_depth}, but the plan has {levels_count} levels ({levels})"
                    ).format(
                        id=node.id,
                        level_depth=level_depth + 1,
                        levels_count=len(self.plan.levels),
                        levels=", ".join(self.plan.levels),
                    ),
                )
                node.dropped = True
                continue
            written = _text(node.fields.get("level"))
            if written is not None and fold(written) != folded[level_depth]:
                where = (
                    ""
                    if fold(written) in folded
                    else _(" (not one of {levels})").format(levels=", ".join(self.plan.levels))
                )
                self.error(
                    node.line,
                    "plan-unknown-level",
                    _("item {id} says level {written!r}{where}, but its place makes it {levels!r}").format(
                        id=node.id, written=written, where=where, levels=self.plan.levels[level_depth]
                    ),
                )
                node.dropped = True
                continue
            item = self._item(node, level_depth)
            built[node.id] = item
            if node.parent is None:
                self.plan.items.append(item)
            else:
                built[node.parent].children.append(item)

    def _collect(self, items: list[Any], above: _Node | None, line: int) -> None:
        item_lines = getattr(items, "lines", None) or [line - 1] * len(items)
        for raw, yaml_line in zip(items, item_lines, strict=False):
            at = yaml_line + 1
            if not isinstance(raw, dict):
                self.error(at, "plan-invalid", _("an item must be a mapping with 'id' and 'title'"))
                continue
            fields, lines = _remap(raw, ITEM_KEYS)
            item_id = _text(fields.get("id"))
            if item_id is None:
                self.error(at, "plan-invalid", _("an item has no 'id'"))
                continue
            written_parent = _text(fields.get("parent"))
            if above is not None and written_parent is not None and written_parent != above.id:
                self.error(
                    lines.get("parent", at),
                    "plan-invalid",
                    _("item {item_id} is written below {id} but says parent {written_parent}").format(
                        item_id=item_id, id=above.id, written_parent=written_parent
                    ),
                )
                continue
            node = _Node(item_id, above.id if above else written_parent, fields, at, above)
            self.nodes.append(node)
            children = fields.get("items")
            if isinstance(children, list):
                self._collect(children, node, lines.get("items", at))
            elif children is not None:
                self.error(
                    lines.get("items", at),
                    "plan-invalid",
                    _("'items' of {item_id} must be a list").format(item_id=item_id),
                )

    def _depth(self, node: _Node, known: dict[str, _Node], depth: dict[str, int | None]) -> int | None:
        """The depth of `node` (0 at the top), or None when it is left out (a cycle, an unknown
        parent); walked up without recursion, so a long chain of `parent`s cannot overflow."""
        chain: list[_Node] = []  # from `node` up, not yet known
        on_chain: dict[str, int] = {}
        current = node
        base: int | None
        while True:
            if current.id in depth:
                base = depth[current.id]
                break
            if current.id in on_chain:
                start = on_chain[current.id]
                cycle = chain[start:]
                first = min(cycle, key=lambda n: n.line)
                ids = " → ".join([*(n.id for n in cycle), current.id])
                self.error(first.line, "plan-cycle", _("a cycle of parents: {ids}").format(ids=ids))
                for member in cycle:
                    depth[member.id] = None
                del chain[start:]
                base = None
                break
            on_chain[current.id] = len(chain)
            chain.append(current)
            if current.parent is None:
                base = -1  # above the top level
                break
            parent = current.above or known.get(current.parent)
            if parent is None or parent.dropped:
                if current.above is None:
                    self.error(
                        current.line,
                        "plan-invalid",
                        _("item {id} names parent {parent!r}, not in the plan").format(
                            id=current.id, parent=current.parent
                        ),
                    )
                depth[current.id] = None
                chain.pop()
                base = None
                break
            current = parent
        for below in reversed(chain):
            base = None if base is None else base + 1
            depth[below.id] = base
        return depth[node.id]

    def _item(self, node: _Node, level_depth: int) -> PlanItem:
        fields = node.fields
        known = {"id", "title", "group", "indicators", "budget", "items", "level", "parent"}
        item = PlanItem(
            node.id,
            _text(fields.get("title")) or "",
            level_depth,
            self.plan.levels[level_depth],
            _text(fields.get("group")),
            self._indicators(fields.get("indicators"), node),
            fields.get("budget"),
            node.parent,
            line=node.line,
            extra={k: v for k, v in fields.items() if k not in known},
        )
        if not item.title:
            self.error(node.line, "plan-invalid", _("item {id} has no 'title' (název)").format(id=node.id))
        return item

    def _indicators(self, value: Any, node: _Node) -> list[Indicator]:
        if value is None:
            return []
        if not isinstance(value, list):
            value = [value]
        found: list[Indicator] = []
        item_lines = getattr(value, "lines", None) or [node.line - 1] * len(value)
        for raw, yaml_line in zip(value, item_lines, strict=False):
            at = yaml_line + 1
            if isinstance(raw, str):
                raw = {"name": raw}
            if not isinstance(raw, dict):
                self.error(
                    at,
                    "plan-invalid",
                    _("an indicator of {id} must be a mapping with 'name'").format(id=node.id),
                )
                continue
            fields, _unknown = _remap(raw, INDICATOR_KEYS)
            name = _text(fields.get("name"))
            if name is None:
                self.error(
                    at, "plan-invalid", _("an indicator of {id} has no 'name' (název)").format(id=node.id)
                )
                continue
            year = read_value(fields.get("year"))
            found.append(
                Indicator(
                    name,
                    _text(fields.get("unit")),
                    read_value(fields.get("baseline")),
                    read_value(fields.get("target")),
                    year if isinstance(year, int) else None,
                    at,
                )
            )
        return found
