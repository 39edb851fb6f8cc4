"""The archive's configuration as kpss holds it: the organisation, its groups and members,
people's aliases, the language (read from `kpss.yaml` by store/config.py)."""

from __future__ import annotations

from .model import Record
from .names import fold, slugify

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    import datetime as dt
    from typing import Any

    from .errors import Problem

DEFAULT_QUORUM = 0.5  # FORMAT.md: more than half of the voting members


class Membership(Record):
    """One period of a person's membership of a group (FORMAT.md 1.1, "Membership"): from
    `kpss.yaml`, or opened by a `membership` entry of minutes. `start` and `end` are inclusive;
    None means "since ever" and "until now"."""

    __slots__ = ("name", "org", "role", "voting", "start", "end", "source", "line", "ended_by")

    def __init__(
        self,
        name: str,  # as written (titles kept)
        org: str | None = None,
        role: str | None = None,  # předseda, člen, stálý host…
        voting: bool = True,
        start: dt.date | None = None,
        end: dt.date | None = None,
        source: str = "",  # the file that says so, as shown (kpss.yaml or minutes)
        line: int | None = None,
        ended_by: str | None = None,  # `FILE:LINE` of the minutes' leave that set `end`
    ) -> None:
        self.name = name
        self.org = org
        self.role = role
        self.voting = voting
        self.start = start
        self.end = end
        self.source = source
        self.line = line
        self.ended_by = ended_by

    def covers(self, day: dt.date) -> bool:
        """True when the person is a member on `day`."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def written(self) -> str:
        """`Name (Organisation)`, as kpss.yaml's plain member strings write it."""
        return f"{self.name} ({self.org})" if self.org else self.name


class GroupConfig(Record):
    """A group as `kpss.yaml` describes it."""

    __slots__ = (
        "slug", "name", "folder", "members", "manager", "place", "time", "schedule", "extra", "line",
        "memberships", "quorum",
    )  # fmt: skip

    def __init__(
        self,
        slug: str,
        name: str,
        folder: str,
        members: list[str] | None = None,
        manager: str | None = None,
        place: str | None = None,
        time: str | None = None,
        schedule: Any = None,
        extra: dict[str, Any] | None = None,
        line: int | None = None,  # where kpss.yaml describes the group
        memberships: list[Membership] | None = None,  # dated; `members` are their names, once each
        quorum: float | None = None,  # the share to exceed; None: the archive's, else DEFAULT_QUORUM
    ) -> None:
        self.slug = slug
        self.name = name
        self.folder = folder
        self.members: list[str] = [] if members is None else members
        self.manager = manager
        self.place = place
        self.time = time
        self.schedule = schedule
        self.extra: dict[str, Any] = {} if extra is None else extra
        self.line = line
        self.memberships: list[Membership] = (
            [Membership(*_split_written(m)) for m in self.members] if memberships is None else memberships
        )
        self.quorum = quorum


def _split_written(member: str) -> tuple[str, str | None]:
    """`Name (Organisation)` -> (name, organisation)."""
    name, _, org = member.partition(" (")
    return (name.strip(), org.rstrip(")").strip() or None) if org else (member.strip(), None)


class Config(Record):
    """The archive's `kpss.yaml` (all optional)."""

    __slots__ = (
        "organisation",
        "language",
        "groups",
        "aliases",
        "extra",
        "path",
        "emails",
        "quorum",
        "problems",
        "people_cache",
        "_by_text",
        "_by_folder",
    )

    def __init__(
        self,
        organisation: str | None = None,
        language: str = "cs",
        groups: list[GroupConfig] | None = None,
        aliases: dict[str, str] | None = None,  # person key -> canonical name
        extra: dict[str, Any] | None = None,
        path: str | None = None,
        emails: dict[str, str] | None = None,  # a person's name as kpss.yaml writes it -> e-mail address
        quorum: float | None = None,  # the archive-wide `quorum`, for groups without their own
        problems: list[Problem] | None = None,  # what kpss.yaml got wrong without stopping the rest
    ) -> None:
        self.organisation = organisation
        self.language = language
        self.groups: list[GroupConfig] = [] if groups is None else groups
        self.aliases: dict[str, str] = {} if aliases is None else aliases
        self.extra: dict[str, Any] = {} if extra is None else extra
        self.path = path
        self.emails: dict[str, str] = {} if emails is None else emails
        self.quorum = quorum
        self.problems: list[Problem] = [] if problems is None else problems
        # Person text -> (name, org, role, person, key): see parse.parse_person_text.
        self.people_cache: dict[str, tuple[str, str | None, str | None, str, str]] = {}
        self._by_text: dict[str, GroupConfig] = {}  # filled by _index
        self._by_folder: dict[str, GroupConfig] = {}

    def _index(self) -> None:
        if self._by_text or not self.groups:
            return
        # Later spellings never override earlier ones: slugs first, then names, then folders.
        for group in self.groups:
            self._by_text.setdefault(group.slug, group)
        for group in self.groups:
            self._by_text.setdefault(fold(group.name), group)
            self._by_text.setdefault(slugify(group.name), group)
        for group in self.groups:
            self._by_text.setdefault(fold(group.folder), group)
            self._by_text.setdefault(slugify(group.folder), group)
            self._by_folder.setdefault(group.folder, group)

    def find_group(self, text: str) -> GroupConfig | None:
        """Return the group whose slug, name or folder is `text` (case and diacritics ignored)."""
        self._index()
        return self._by_text.get(fold(text)) or self._by_text.get(slugify(text))

    def quorum_of(self, group: GroupConfig) -> float:
        """The share of voting members a meeting of `group` must exceed."""
        if group.quorum is not None:
            return group.quorum
        return DEFAULT_QUORUM if self.quorum is None else self.quorum

    def group_for_folder(self, folder: str) -> GroupConfig | None:
        """Return the group whose folder holds minutes in the relative folder `folder`."""
        self._index()
        while folder:
            if group := self._by_folder.get(folder):
                return group
            folder = folder.rpartition("/")[0]
        return None
