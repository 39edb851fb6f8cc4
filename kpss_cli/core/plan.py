"""The community plan (FORMAT.md 1.1): a plan period's tree of items (priorities, measures,
activities…), each with a stable id, a responsible group and indicators with targets.

Records only; store/plan.py reads them from the archive's `plan/` folder, and the package
`plan/` answers questions about them (the state of each item on a day, yearly monitoring).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import Record
from .names import fold

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (quick.py: every ms counts)
if TYPE_CHECKING:
    from typing import Any

# A number as Czech tables write it: `150`, `-3`, `12,5`, `1 250`, `15 000,5` (ASCII digits only).
_NUMBER = re.compile(r"[+-]?[0-9]+(?:[ \u00a0][0-9]{3})*(?:[.,][0-9]+)?\Z", re.ASCII)

# The level that holds the measures, when a plan names it so; else its last level.
MEASURE_LEVELS = ("opatreni", "measure", "measures")


class Indicator(Record):
    """How a plan item's fulfilment is measured: a name, a unit, a baseline and a target."""

    __slots__ = ("name", "unit", "baseline", "target", "year", "line")

    def __init__(
        self,
        name: str,
        unit: str | None = None,
        baseline: float | int | str | None = None,
        target: float | int | str | None = None,
        year: int | None = None,  # the year the target is for
        line: int = 0,
    ) -> None:
        self.name = name
        self.unit = unit
        self.baseline = baseline
        self.target = target
        self.year = year
        self.line = line

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of an indicator."""
        return {
            "name": self.name,
            "unit": self.unit,
            "baseline": self.baseline,
            "target": self.target,
            "year": self.year,
        }


class PlanItem(Record):
    """One node of a plan: a priority, a goal, a measure or an activity."""

    __slots__ = (
        "id", "title", "depth", "level", "group", "indicators", "budget", "parent", "children", "line",
        "extra",
    )  # fmt: skip

    def __init__(
        self,
        id: str,
        title: str,
        depth: int,  # 0 for the top level
        level: str,  # the plan's name of its level (Priorita, Opatření…)
        group: str | None = None,  # the responsible group as written; None: its parent's
        indicators: list[Indicator] | None = None,
        budget: Any = None,  # as written: a number or a mapping of sources
        parent: str | None = None,  # the parent item's id
        children: list[PlanItem] | None = None,
        line: int = 0,
        extra: dict[str, Any] | None = None,  # other keys, kept for templates and JSON
    ) -> None:
        self.id = id
        self.title = title
        self.depth = depth
        self.level = level
        self.group = group
        self.indicators: list[Indicator] = [] if indicators is None else indicators
        self.budget = budget
        self.parent = parent
        self.children: list[PlanItem] = [] if children is None else children
        self.line = line
        self.extra: dict[str, Any] = {} if extra is None else extra

    def walk(self) -> Iterator[PlanItem]:
        """This item and every item below it, depth first, in the plan's order."""
        yield self
        for child in self.children:
            yield from child.walk()


class Plan(Record):
    """A plan file: its name, period (years), level names and the tree of its items."""

    __slots__ = ("id", "name", "start", "end", "levels", "items", "path", "line", "_by_id")

    def __init__(
        self,
        id: str,  # the file name without its extension
        name: str,
        start: int | None,  # first year of the period
        end: int | None,  # last year of the period
        levels: list[str],
        items: list[PlanItem] | None = None,  # the top-level items
        path: str = "",  # as shown to the user
        line: int = 1,
    ) -> None:
        self.id = id
        self.name = name
        self.start = start
        self.end = end
        self.levels = levels
        self.items: list[PlanItem] = [] if items is None else items
        self.path = path
        self.line = line
        self._by_id: dict[str, PlanItem] | None = None

    @property
    def period(self) -> str:
        """The period as `2025–2027` (or one year)."""
        if self.start is None:
            return ""
        return str(self.start) if self.end in (None, self.start) else f"{self.start}–{self.end}"

    def walk(self) -> Iterator[PlanItem]:
        """Every item of the plan, depth first, in the plan's order."""
        for item in self.items:
            yield from item.walk()

    def item(self, item_id: str) -> PlanItem | None:
        """The item with id `item_id`, or None."""
        if self._by_id is None:
            self._by_id = {item.id: item for item in self.walk()}
        return self._by_id.get(item_id.strip())

    def covers(self, year: int) -> bool:
        """True when `year` is in the plan's period."""
        if self.start is None:
            return False
        return self.start <= year <= (self.end if self.end is not None else self.start)

    @property
    def measure_depth(self) -> int:
        """The depth of the measures: the level named Opatření (measure), else the last one."""
        for depth, name in enumerate(self.levels):
            if fold(name) in MEASURE_LEVELS:
                return depth
        return len(self.levels) - 1

    def measures(self) -> list[PlanItem]:
        """The items at the measures' level, in the plan's order."""
        depth = self.measure_depth
        return [item for item in self.walk() if item.depth == depth]

    def responsible(self, item: PlanItem) -> str | None:
        """The group responsible for `item`: its own, else the nearest ancestor's."""
        current: PlanItem | None = item
        while current is not None:
            if current.group:
                return current.group
            current = self.item(current.parent) if current.parent else None
        return None

    def priority(self, item: PlanItem) -> PlanItem:
        """The top-level item above `item` (or `item` itself)."""
        current = item
        while current.parent and (parent := self.item(current.parent)) is not None:
            current = parent
        return current


def read_value(value: Any) -> float | int | str | None:
    """A value of an indicator as a number (`150`, `12,5`, `1 250`), else the text as written;
    None for nothing."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, (list, dict)):
        return None
    text = str(value).strip()
    if not text:
        return None
    if not _NUMBER.match(text):
        return text
    number = text.replace(" ", "").replace("\u00a0", "").replace(",", ".")
    return float(number) if "." in number else int(number)
