"""The archive's configuration as kpss holds it: the organisation, its groups and members,
people's aliases, the language (read from `kpss.yaml` by store/config.py)."""

from __future__ import annotations

from .model import Record
from .names import fold, slugify

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any


class GroupConfig(Record):
    """A group as `kpss.yaml` describes it."""

    __slots__ = ("slug", "name", "folder", "members", "manager", "place", "time", "schedule", "extra", "line")

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
    ) -> None:
        self.organisation = organisation
        self.language = language
        self.groups: list[GroupConfig] = [] if groups is None else groups
        self.aliases: dict[str, str] = {} if aliases is None else aliases
        self.extra: dict[str, Any] = {} if extra is None else extra
        self.path = path
        self.emails: dict[str, str] = {} if emails is None else emails
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

    def group_for_folder(self, folder: str) -> GroupConfig | None:
        """Return the group whose folder holds minutes in the relative folder `folder`."""
        self._index()
        while folder:
            if group := self._by_folder.get(folder):
                return group
            folder = folder.rpartition("/")[0]
        return None
