"""Public copies: a document's context with private people reduced to initials or a role
(who is private is decided in core/privacy.py), and the rendered text checked once more."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

from ..core.config import Config
from ..core.model import Minutes
from ..core.privacy import Privacy, Scrubber, looks_like_person

_PEOPLE_KEYS = ("present", "excused", "absent", "guests")
_DROPPED = ("extra",)  # unknown keys of the front matter: a public copy does not carry them


def people_of(minutes: Minutes) -> list[str]:
    """Everyone the minutes name as a person: attendance, recorder, moderator, presenters, owners."""
    names = [p.name for key in _PEOPLE_KEYS for p in getattr(minutes, key)]
    names += [p.name for p in (minutes.recorder, minutes.moderator) if p is not None]
    names += [item.presenter for item in minutes.agenda if item.presenter]
    names += [t.owner for t in minutes.tasks if t.owner]
    names += [u.owner for u in minutes.updates if u.owner]
    return names


class PublicCopy:
    """Makes values public: every private person's name, wherever it stands, becomes their
    initials or role; the organisation of a private person goes too."""

    def __init__(self, config: Config, names: Iterable[str], members: Iterable[str] | None = None) -> None:
        """`names`: everyone the documents name; `members`: the members on the document's day
        (None: everyone ever a member)."""
        self.privacy = Privacy(config, members)
        private: list[str] = []
        for name in names:
            for one in name.replace(";", ",").split(","):
                one = one.strip()
                if one and looks_like_person(one) and not self.privacy.is_public(one):
                    private.append(one.split(" (", 1)[0])
        self.private = [*dict.fromkeys([*private, *self.privacy.listed_private])]
        self.scrub = Scrubber(self.privacy, self.private)

    def value(self, value: Any) -> Any:
        """`value` (a context: dicts, lists, strings, Markup) with private names replaced."""
        if isinstance(value, Markup):
            return Markup(self.scrub(str(value)))
        if isinstance(value, str):
            return self.scrub(value)
        if isinstance(value, dict):
            name = value.get("name")
            if "org" in value and isinstance(name, str) and not self.privacy.is_public(name):
                return {**value, "name": self.privacy.shown(name), "person": None, "org": None, "role": None}
            return {k: self.value(v) for k, v in value.items() if k not in _DROPPED}
        if isinstance(value, list | tuple):
            return [self.value(v) for v in value]
        return value

    def rows(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Rows naming a `person` (attendance): private ones by initials, without organisation."""
        shown = []
        for row in rows:
            person = row.get("person")
            if isinstance(person, str) and not self.privacy.is_public(person):
                row = {**row, "person": self.privacy.shown(person), "org": None}
            shown.append(self.value(row))
        return shown

    def context(self, context: dict[str, Any]) -> dict[str, Any]:
        """A template context made public (the configuration is kept: it names only members)."""
        return {k: v if k == "config" else self.value(v) for k, v in context.items()}
