"""What `kpss` alone shows: per group its overdue tasks and next meeting, and the draft
minutes waiting for approval. A function of a loaded archive and a day; printing is the
command's (commands/overview.py), which adds the findings of `kpss check` (a higher layer)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..core.config import GroupConfig
from ..core.errors import KpssError
from ..core.model import Minutes, Task
from ..core.sorting import czech_sort_key
from ..store.archive import Archive
from .query import sort_tasks
from .upcoming import Meeting, next_meeting


@dataclass(slots=True)
class GroupOverview:
    """One group's line of the overview."""

    slug: str
    name: str
    overdue: list[Task] = field(default_factory=list)
    meeting: Meeting | None = None


@dataclass(slots=True)
class Overview:
    """The whole overview of an archive on a day."""

    today: dt.date
    groups: list[GroupOverview]
    drafts: list[Minutes]
    # What kept a group's next meeting from being known (a schedule kpss cannot read).
    problems: list[str] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        """Overdue tasks in every group."""
        return sum(len(group.overdue) for group in self.groups)


def overview(archive: Archive, today: dt.date) -> Overview:
    """The groups (kpss.yaml's first, in its order, then those only the minutes name, in Czech
    order) with their overdue tasks and next meeting, and the drafts (oldest first)."""
    configured = {group.slug: group for group in archive.config.groups}
    others = sorted(
        (slug for slug in archive.group_names if slug not in configured),
        key=lambda slug: czech_sort_key(archive.group_names[slug]),
    )
    groups = [
        *configured.values(),
        *(GroupConfig(slug=slug, name=archive.group_names[slug], folder=slug) for slug in others),
    ]
    rows = []
    problems = []
    for group in groups:
        overdue = sort_tasks((t for t in archive.tasks if t.group_slug == group.slug), today)
        try:
            meeting = next_meeting(archive, group, today)
        except KpssError as exc:  # one group's schedule: the others are still shown
            meeting = None
            problems.append(str(exc))
        rows.append(
            GroupOverview(
                slug=group.slug,
                name=group.name,
                overdue=[t for t in overdue if t.days_overdue(today) is not None],
                meeting=meeting,
            )
        )
    drafts = [m for m in archive.minutes if m.status == "draft" and m.date is not None and m.date <= today]
    return Overview(today=today, groups=rows, drafts=drafts, problems=problems)
