"""Who gets which e-mail, and at what address: owners of tasks and members of groups, matched
to the people of kpss.yaml (`email` under `people`, or on a member mapping)."""

from __future__ import annotations

import datetime as dt

from ..core.config import Config
from ..core.names import person_key, split_people
from ..core.people import Roster, roster_of
from ..meetings.membership import GroupMembers


def invitees(group: GroupMembers, day: dt.date) -> list[str]:
    """The people invited to the group's meeting on `day`: its members on that day (kpss.yaml
    and the minutes' joins and leaves; without their organisations) and its manager."""
    names: list[str] = []
    members = [member.membership.name for member in group.on(day)]
    for written in [*members, group.group.manager or ""]:
        name = written.split(" (", 1)[0].strip()  # `Name (Organisation)`
        if name and person_key(name) not in {person_key(n) for n in names}:
            names.append(name)
    return names


class AddressBook:
    """People's e-mail addresses, found however minutes name them (`A. Nová`, `paní Novou`)."""

    def __init__(self, config: Config) -> None:
        self._roster: Roster = roster_of(config)
        self._by_key = {person_key(name): address for name, address in config.emails.items()}

    def person(self, written: str) -> str:
        """The person `written` names, as kpss.yaml writes them (else as written)."""
        return self._roster.find(written) or written.strip()

    def address(self, person: str) -> str | None:
        """The e-mail address of `person` (a name as `person` gives it), if kpss.yaml has one."""
        return self._by_key.get(person_key(person))

    def owners(self, owner: str | None) -> list[str]:
        """The people an owner field names (`A. Nová, Petr Malý` is two), each once."""
        if not owner:
            return []
        people: list[str] = []
        for part in split_people(owner) or [owner]:
            person = self.person(part)
            if person and person not in people:
                people.append(person)
        return people
